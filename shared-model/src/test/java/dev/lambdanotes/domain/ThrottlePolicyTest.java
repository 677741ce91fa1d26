package dev.lambdanotes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThrottlePolicyTest {
    private final ThrottlePolicy logins = ThrottlePolicies.defaults().loginAccount();

    @ParameterizedTest(name = "after {0} failures: {1} ms")
    @CsvSource({"5, 1000", "6, 2000", "7, 4000", "10, 32000", "14, 512000", "15, 900000", "16, 900000", "1000, 900000",
            "2147483647, 900000"})
    void theDelay_startsAtOneSecondAfterTheFreeAttempts_andDoublesUpToFifteenMinutes(int attempts, long millis) {
        assertThat(logins.delayAfter(attempts)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "4"})
    void theFreeAttempts_haveNoDelay(int attempts) {
        assertThat(logins.delayAfter(attempts)).isEmpty();
    }

    @Test
    void aPolicyWithNothingFreeOrNoWindow_isRejected() {
        assertThatThrownBy(() -> new ThrottlePolicy(0, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(5, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
