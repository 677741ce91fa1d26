package dev.lambdanotes.testing.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A request body as API Gateway hands it over: absent, a string, or base64 (valid or not) with isBase64Encoded. */
public record Body(Kind kind, String text, byte[] bytes) {
    public enum Kind { ABSENT, TEXT, BASE64, FLAGGED_TEXT }

    public static Body absent() {
        return new Body(Kind.ABSENT, null, null);
    }

    /** Sent as it is, with isBase64Encoded false. */
    public static Body text(String text) {
        return new Body(Kind.TEXT, text, null);
    }

    /** The bytes, base64-encoded, with isBase64Encoded true: the only way to send bytes that are not UTF-8. */
    public static Body base64(byte[] bytes) {
        return new Body(Kind.BASE64, null, bytes);
    }

    public static Body utf8Base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A string sent with isBase64Encoded true, whether or not it is base64. */
    public static Body flaggedAsBase64(String text) {
        return new Body(Kind.FLAGGED_TEXT, text, null);
    }

    void applyTo(ObjectNode event) {
        switch (kind) {
            case ABSENT -> {
                event.remove("body");
                event.put("isBase64Encoded", false);
            }
            case TEXT -> {
                event.put("body", text);
                event.put("isBase64Encoded", false);
            }
            case BASE64 -> {
                event.put("body", Base64.getEncoder().encodeToString(bytes));
                event.put("isBase64Encoded", true);
            }
            case FLAGGED_TEXT -> {
                event.put("body", text);
                event.put("isBase64Encoded", true);
            }
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ABSENT -> "no body";
            case TEXT -> "body " + Show.text(text);
            case BASE64 -> "base64 body of " + Show.bytes(bytes);
            case FLAGGED_TEXT -> "isBase64Encoded body " + Show.text(text);
        };
    }
}
