package dev.lambdanotes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {
    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCursor_survivesItsOpaqueForm_toTheNanosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T13:00:00.123456789Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "not-base64-at-all", "YWJj", "MS4yLjM", "%00"})
    void anythingElse_isAMalformedCursor(String text) {
        assertThatThrownBy(() -> PageCursor.decode(text)).isInstanceOf(MalformedCursor.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999.0.", "-99999999999999.0.", "1.9999999999.", "x.0."})
    void aCursorOutsideTheStoredTimestamps_isMalformed(String prefix) {
        String text = encoded(prefix + UUID.randomUUID());

        assertThatThrownBy(() -> PageCursor.decode(text)).isInstanceOf(MalformedCursor.class);
    }
}
