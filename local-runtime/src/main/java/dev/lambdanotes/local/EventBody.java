package dev.lambdanotes.local;

import com.google.common.net.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A request body as the payload format 2.0 event carries it: as text when its Content-Type is a
 * text type and its bytes are valid UTF-8, otherwise base64-encoded, so that the function always
 * receives exactly the bytes that were sent.
 */
record EventBody(String body, boolean base64Encoded) {

    static EventBody of(byte[] bytes, String contentType) {
        if (isText(contentType) && isUtf8(bytes)) {
            return new EventBody(new String(bytes, StandardCharsets.UTF_8), false);
        }
        return new EventBody(Base64.getEncoder().encodeToString(bytes), true);
    }

    /** Whether the media type is one API Gateway passes as text; one that does not parse is not. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        MediaType mediaType;
        try {
            mediaType = MediaType.parse(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String type = mediaType.type();
        String subtype = mediaType.subtype();
        return type.equals("text") || subtype.endsWith("+json") || subtype.endsWith("+xml")
                || (type.equals("application") && (subtype.equals("json") || subtype.equals("xml")
                        || subtype.equals("javascript") || subtype.equals("x-www-form-urlencoded")));
    }

    /** Decoding invalid UTF-8 would put replacement characters where the client's bytes were. */
    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
