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

    /** A success admitted after a delay ran out, and given back: no delay starts at the success. */
    @Test
    void forgettingTheLastAttempt_leavesNoDelay_evenWhenTheCountHadEarnedOneBefore() throws Exception {
        AttemptCounter counter = fresh();
        for (int i = 0; i < 5; i++) {
            counter.recordAttempt(START, policy);
        }
        Instant success = START.plusSeconds(60);
        counter.recordAttempt(success, policy);
        assertThat(counter.waitAt(success)).contains(Duration.ofSeconds(2));

        counter.forgetAttempt(success, policy);

        assertThat(counter.attempts()).isEqualTo(5);
        assertThat(counter.waitAt(success)).isEmpty();
        counter.recordAttempt(success.plusSeconds(1), policy);
        assertThat(counter.waitAt(success.plusSeconds(1))).as("the sixth failure").contains(Duration.ofSeconds(2));
    }

    /** Failures counted after the success: their delay is the one they earn without it, from the last of them. */
    @Test
    void forgettingAnAttemptFollowedByFailures_leavesTheDelayTheyEarnWithoutIt() throws Exception {
        AttemptCounter counter = fresh();
        for (int i = 0; i < 4; i++) {
            counter.recordAttempt(START, policy);
        }
        Instant success = START.plusSeconds(10);
        counter.recordAttempt(success, policy);
        Instant failure = START.plusSeconds(11);
        counter.recordAttempt(failure, policy);
        assertThat(counter.waitAt(failure)).contains(Duration.ofSeconds(2));

        counter.forgetAttempt(success, policy);

        assertThat(counter.attempts()).isEqualTo(5);
        assertThat(counter.waitAt(failure)).contains(Duration.ofSeconds(1));
    }

    @Test
    void forgettingAnAttempt_ofACounterWithNone_changesNothing() throws Exception {
        AttemptCounter counter = fresh();

        counter.forgetAttempt(START, policy);

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
