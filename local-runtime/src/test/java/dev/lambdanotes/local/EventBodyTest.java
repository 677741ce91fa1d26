package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/csv; charset=utf-8", "application/json", "Application/JSON",
            "application/vnd.api+json", "image/svg+xml", "application/xml", "application/javascript",
            "application/x-www-form-urlencoded", "application/json; charset=\"utf-8\""})
    void textMediaTypes_areText(String contentType) {
        assertThat(EventBody.isText(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/octet-stream", "multipart/form-data; boundary=x", "*/*",
            "application/jsonp", "", ";", "/", "application/", "/json", "application/json;;", "application/json; =x",
            "application/json, text/plain", "text/plain; charset=\"utf-8"})
    void otherOrMalformedMediaTypes_areNotText(String contentType) {
        assertThat(EventBody.isText(contentType)).isFalse();
    }

    @Test
    void noContentType_isText() {
        assertThat(EventBody.isText(null)).isTrue();
    }

    @Test
    void invalidUtf8_isBase64EvenForJson() {
        byte[] bytes = {'"', (byte) 0xc3, '"'};

        EventBody body = EventBody.of(bytes, "application/json");

        assertThat(body.base64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(body.body())).isEqualTo(bytes);
    }

    @Test
    void anEncodedSurrogate_isNotUtf8() {
        byte[] bytes = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};

        assertThat(EventBody.of(bytes, "text/plain").base64Encoded()).isTrue();
    }

    @Test
    void validUtf8Text_isPassedAsIs() {
        EventBody body = EventBody.of("naïve ☃ 🥛".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(body.base64Encoded()).isFalse();
        assertThat(body.body()).isEqualTo("naïve ☃ 🥛");
    }
}
