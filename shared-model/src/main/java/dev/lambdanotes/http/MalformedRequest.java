package dev.lambdanotes.http;

/** The request cannot be read: malformed JSON, a wrong type, a missing body. The message is safe to show to the client. */
public class MalformedRequest extends RuntimeException {
    public MalformedRequest(String detail) {
        super(detail, null, false, false);
    }
}
