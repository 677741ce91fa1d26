package dev.lambdanotes.testing.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with real time but can be moved forward, to expire tokens without waiting,
 * and stopped, so that a test about delays of a second does not depend on how fast the machine is.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final AtomicReference<Instant> stoppedAt;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(Duration.ZERO), new AtomicReference<>(), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Duration> offset, AtomicReference<Instant> stoppedAt, ZoneId zone) {
        this.offset = offset;
        this.stoppedAt = stoppedAt;
        this.zone = zone;
    }

    /**
     * Stops the clock where it is, to the microsecond that PostgreSQL stores (a timestamp rounded
     * on the way in would otherwise come back later than the instant it was made from);
     * {@link #advance} still moves it.
     */
    public void stop() {
        stoppedAt.set(instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** Lets the clock run with real time again, from where it stood. */
    public void restart() {
        Instant stopped = stoppedAt.getAndSet(null);
        if (stopped != null) {
            offset.set(Duration.between(Instant.now(), stopped));
        }
    }

    public void advance(Duration duration) {
        if (stoppedAt.get() != null) {
            stoppedAt.updateAndGet(at -> at.plus(duration));
        } else {
            offset.updateAndGet(current -> current.plus(duration));
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(offset, stoppedAt, zone);
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt.get();
        return stopped != null ? stopped : Instant.now().plus(offset.get());
    }
}
