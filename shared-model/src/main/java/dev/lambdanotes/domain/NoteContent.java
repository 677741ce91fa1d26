package dev.lambdanotes.domain;

import java.util.ArrayList;
import java.util.List;

/** The title and body of a note, valid by construction: a title of 1 to 200 characters, a body of at most 100,000. */
public record NoteContent(String title, String body) {
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_BODY_LENGTH = 100_000;

    public NoteContent {
        List<FieldError> errors = new ArrayList<>();
        checkTitle(title, errors);
        checkBody(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static void checkTitle(String title, List<FieldError> errors) {
        if (title == null) {
            errors.add(FieldError.of("title", "is required"));
        } else if (Text.isBlank(title)) {
            errors.add(FieldError.of("title", "must not be empty or blank"));
        } else if (Text.length(title) > MAX_TITLE_LENGTH) {
            errors.add(FieldError.of("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        } else if (Text.unstorableReason(title) != null) {
            errors.add(FieldError.of("title", Text.unstorableReason(title)));
        }
    }

    private static void checkBody(String body, List<FieldError> errors) {
        if (body == null) {
            errors.add(FieldError.of("body", "is required"));
        } else if (Text.length(body) > MAX_BODY_LENGTH) {
            errors.add(FieldError.of("body", "must be at most " + MAX_BODY_LENGTH + " characters"));
        } else if (Text.unstorableReason(body) != null) {
            errors.add(FieldError.of("body", Text.unstorableReason(body)));
        }
    }
}
