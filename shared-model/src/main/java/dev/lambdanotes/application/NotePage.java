package dev.lambdanotes.application;

import dev.lambdanotes.domain.Note;
import java.util.List;
import java.util.Optional;

/**
 * One page of a user's notes, newest first, and the cursor of the next page if there is one.
 *
 * @param search the key of the search the page belongs to ("" for the plain listing), which its cursors carry
 */
public record NotePage(List<Note> items, Optional<PageCursor> next, String search) {
    /**
     * The page cut to its first {@code count} notes, the next page continuing right after them: for
     * a page too large to send whole.
     */
    public NotePage firstOf(int count) {
        if (count < 1 || count > items.size()) {
            throw new IllegalArgumentException("a page of " + items.size() + " notes cannot keep " + count);
        }
        if (count == items.size()) {
            return this;
        }
        List<Note> kept = List.copyOf(items.subList(0, count));
        return new NotePage(kept, Optional.of(PageCursor.after(kept.get(count - 1), search)), search);
    }
}
