package dev.lambdanotes.application;

import dev.lambdanotes.domain.Note;
import java.util.List;
import java.util.Optional;

/** One page of a user's notes, newest first, and the cursor of the next page if there is one. */
public record NotePage(List<Note> items, Optional<PageCursor> next) {
}
