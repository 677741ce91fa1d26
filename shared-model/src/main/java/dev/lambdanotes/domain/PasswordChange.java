package dev.lambdanotes.domain;

import java.util.ArrayList;
import java.util.List;

/** A request to replace the password: the current one, as proof, and a new one that obeys the password rules. */
public record PasswordChange(String currentPassword, String newPassword) {
    public PasswordChange {
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add(FieldError.of("currentPassword", "is required"));
        }
        errors.addAll(Credentials.passwordErrors("newPassword", newPassword));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    @Override
    public String toString() {
        return "PasswordChange[<hidden>]";
    }
}
