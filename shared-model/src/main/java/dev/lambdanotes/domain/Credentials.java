package dev.lambdanotes.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A username and password as a client sent them, checked against the account rules: a username of
 * 3 to 80 letters, digits, '.', '_' or '-'; a password of 8 to 1024 characters, taken exactly as
 * received (no trimming, no normalization, no composition rules) and valid Unicode, so that it has
 * exactly one UTF-8 form to hash.
 */
public record Credentials(String username, String password) {
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 1024;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,80}");

    /** Whether a string could be the username of some account; anything else can never log in. */
    public static boolean isPossibleUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** What is wrong with a new password sent as the body member {@code member}; empty when nothing is. */
    public static List<FieldError> passwordErrors(String member, String password) {
        if (password == null) {
            return List.of(FieldError.of(member, "is required"));
        }
        if (!Text.isValidUnicode(password)) {
            return List.of(FieldError.of(member, "must be valid Unicode (it contains an unpaired surrogate)"));
        }
        int length = Text.length(password);
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            return List.of(FieldError.of(member,
                    "must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters"));
        }
        return List.of();
    }

    public Credentials {
        List<FieldError> errors = new ArrayList<>();
        if (username == null) {
            errors.add(FieldError.of("username", "is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username",
                    "must be 3 to 80 characters of letters, digits, '.', '_' or '-'"));
        }
        errors.addAll(passwordErrors("password", password));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=<hidden>]";
    }
}
