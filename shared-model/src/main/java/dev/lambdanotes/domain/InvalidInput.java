package dev.lambdanotes.domain;

import java.util.List;

/** The request was understood but breaks a rule; carries every rule it breaks. */
public final class InvalidInput extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super("invalid input: " + errors.size() + " error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(FieldError error) {
        return new InvalidInput(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
