package dev.lambdanotes.http;

import dev.lambdanotes.domain.FieldError;
import java.util.List;

/** Query parameters that break a rule of the route; each error names its parameter. */
public final class InvalidQueryParameters extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidQueryParameters(List<FieldError> errors) {
        super("invalid query parameters: " + errors.size(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidQueryParameters of(String parameter, String detail) {
        return new InvalidQueryParameters(List.of(FieldError.of(parameter, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
