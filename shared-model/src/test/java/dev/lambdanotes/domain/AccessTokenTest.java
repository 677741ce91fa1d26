package dev.lambdanotes.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
    private static final Instant EXPIRY = Instant.parse("2026-11-26T12:00:00.000001Z");
    private final AccessToken token = new AccessToken(new byte[32], UUID.randomUUID(), EXPIRY);

    @Test
    void aToken_isValidUntilItExpires() {
        assertThat(token.isValidAt(EXPIRY.minusSeconds(3600))).isTrue();
        assertThat(token.isValidAt(EXPIRY.minusNanos(1000))).isTrue();
    }

    @Test
    void aToken_isNotValidAtItsExpiryOrAfter() {
        assertThat(token.isValidAt(EXPIRY)).isFalse();
        assertThat(token.isValidAt(EXPIRY.plusNanos(1000))).isFalse();
        assertThat(token.isValidAt(EXPIRY.plusSeconds(3600))).isFalse();
    }
}
