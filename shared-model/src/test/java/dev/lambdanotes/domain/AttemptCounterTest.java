package dev.lambdanotes.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptCounterTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final ThrottlePolicy policy = ThrottlePolicies.defaults().loginAccount();

    /** A counter as the database hands out a fresh row: no attempts, already expired. */
    private static AttemptCounter fresh() throws Exception {
        Constructor<AttemptCounter> constructor = AttemptCounter.class.getDeclaredConstructor();
        AttemptCounter counter = constructor.newInstance();
        var expires = AttemptCounter.class.getDeclaredField("expiresAt");
        expires.setAccessible(true);
        expires.set(counter, START);
        return counter;
    }

    @Test
    void fourFailures_holdNothingBack_theFifthHoldsBackForOneSecond() throws Exception {
        AttemptCounter counter = fresh();
        for (int i = 0; i < 4; i++) {
            counter.recordAttempt(START.plusSeconds(i), policy);
            assertThat(counter.waitAt(START.plusSeconds(i))).isEmpty();
        }

        counter.recordAttempt(START.plusSeconds(4), policy);

        assertThat(counter.waitAt(START.plusSeconds(4))).contains(Duration.ofSeconds(1));
        assertThat(counter.waitAt(START.plusSeconds(5))).isEmpty();
    }

    @Test
    void forgettingTheAttemptThatStartedADelay_liftsIt_andLeavesTheEarlierAttemptsCounted() throws Exception {
        AttemptCounter counter = fresh();
        for (int i = 0; i < 5; i++) {
            counter.recordAttempt(START, policy);
        }
        assertThat(counter.waitAt(START)).contains(Duration.ofSeconds(1));

        counter.forgetAttempt(policy);

        assertThat(counter.attempts()).isEqualTo(4);
        assertThat(counter.waitAt(START)).isEmpty();
        counter.recordAttempt(START, policy);
        assertThat(counter.waitAt(START)).as("the fifth failure again").contains(Duration.ofSeconds(1));
    }

    @Test
    void forgettingAnAttempt_keepsTheDelayTheAttemptsBeforeItEarned() throws Exception {
        AttemptCounter counter = fresh();
        for (int i = 0; i < 7; i++) {
            counter.recordAttempt(START, policy);
        }
        assertThat(counter.waitAt(START)).contains(Duration.ofSeconds(4));

        counter.forgetAttempt(policy);

        assertThat(counter.waitAt(START)).contains(Duration.ofSeconds(2));
    }

    @Test
    void forgettingAnAttempt_ofACounterWithNone_changesNothing() throws Exception {
        AttemptCounter counter = fresh();

        counter.forgetAttempt(policy);

        assertThat(counter.attempts()).isZero();
        assertThat(counter.waitAt(START)).isEmpty();
    }

    @Test
    void aFailureAfterAWholeQuietWindow_startsCountingAfresh() throws Exception {
        AttemptCounter counter = fresh();
        for (int i = 0; i < 4; i++) {
            counter.recordAttempt(START, policy);
        }

        counter.recordAttempt(START.plus(Duration.ofMinutes(15)), policy);

        assertThat(counter.attempts()).isEqualTo(1);
    }

    @Test
    void failuresWithinTheWindowOfTheLastDelay_keepDoublingIt() throws Exception {
        AttemptCounter counter = fresh();
        Instant now = START;
        for (int i = 0; i < 5; i++) {
            counter.recordAttempt(now, policy);
        }
        now = now.plusSeconds(1);
        counter.recordAttempt(now, policy);

        assertThat(counter.waitAt(now)).contains(Duration.ofSeconds(2));
    }

    @Test
    void theLongestWait_isFifteenMinutes() throws Exception {
        AttemptCounter counter = fresh();
        Instant now = START;
        for (int i = 0; i < 100; i++) {
            counter.recordAttempt(now, policy);
            now = now.plus(counter.waitAt(now).orElse(Duration.ZERO));
        }

        counter.recordAttempt(now, policy);

        assertThat(counter.waitAt(now)).contains(Duration.ofMinutes(15));
    }
}
