package dev.lambdanotes.domain;

/**
 * One reason a request was rejected, tied to where it came from: a member of the JSON body
 * ({@code pointer}, an RFC 6901 JSON pointer) or a query parameter ({@code parameter}).
 */
public record FieldError(Location location, String name, String detail) {

    public enum Location { BODY, QUERY }

    public static FieldError body(String member, String detail) {
        return new FieldError(Location.BODY, member, detail);
    }

    public static FieldError query(String parameter, String detail) {
        return new FieldError(Location.QUERY, parameter, detail);
    }
}
