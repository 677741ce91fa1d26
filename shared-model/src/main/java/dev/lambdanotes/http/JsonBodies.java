package dev.lambdanotes.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.json.JsonTrees;
import jakarta.activation.MimeType;
import jakarta.activation.MimeTypeParseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads request bodies as JSON objects, with the tree model only (through {@link JsonTrees}): no
 * reflection-based binding, and every type mismatch is ours to report precisely. A duplicate
 * member or trailing data makes a body malformed. Responses are trees written with JsonTrees.
 */
public final class JsonBodies {
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private JsonBodies() {
    }

    /** The request body as a JSON object, after checking its presence, size and media type. */
    public static RequestFields readObject(HttpRequest request) {
        byte[] body = request.body();
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge();
        }
        checkContentType(request.header("Content-Type"));
        if (body == null || body.length == 0) {
            throw new MalformedRequest("A JSON object is required as the request body.");
        }
        String text = strictUtf8(body);
        JsonNode node;
        try {
            node = JsonTrees.read(text);
        } catch (JacksonException e) {
            throw new MalformedRequest("The request body is not valid JSON.");
        }
        if (!node.isObject()) {
            throw new MalformedRequest("The request body must be a JSON object.");
        }
        return new RequestFields((ObjectNode) node);
    }

    /**
     * The body as text, refusing bytes that are not UTF-8 (a stray byte, an overlong form, an
     * encoded surrogate) rather than storing replacement characters in their place.
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequest("The request body is not valid UTF-8.");
        }
    }

    /**
     * Accepts application/json and any application/*+json, in UTF-8; no Content-Type is taken as
     * JSON. The header is parsed as an RFC 2045 media type; one that does not parse is a 400.
     */
    static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MimeType mediaType;
        try {
            mediaType = new MimeType(contentType);
        } catch (MimeTypeParseException e) {
            throw new MalformedRequest("The Content-Type header is not a valid media type.");
        }
        String primary = mediaType.getPrimaryType().toLowerCase(Locale.ROOT);
        String sub = mediaType.getSubType().toLowerCase(Locale.ROOT);
        boolean json = primary.equals("application") && (sub.equals("json") || sub.endsWith("+json"));
        if (!json) {
            throw new UnsupportedMediaType("The request body must be JSON (Content-Type: application/json).");
        }
        String charset = mediaType.getParameter("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new UnsupportedMediaType("The request body must be encoded in UTF-8.");
        }
    }
}
