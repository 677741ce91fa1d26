package dev.lambdanotes.http;

import dev.lambdanotes.domain.NotAuthenticated;
import java.util.Locale;

/** Takes the bearer token out of an Authorization header (RFC 6750); the scheme name matches regardless of case. */
public final class BearerToken {
    private BearerToken() {
    }

    public static String from(HttpRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            throw new NotAuthenticated();
        }
        String trimmed = header.trim();
        if (trimmed.length() < 7 || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw new NotAuthenticated();
        }
        return trimmed.substring(7).trim();
    }
}
