package dev.lambdanotes.domain;

/** One reason an input was rejected: the field at fault (a member of the request) and what is wrong with it. */
public record FieldError(String name, String detail) {

    public static FieldError of(String name, String detail) {
        return new FieldError(name, detail);
    }
}
