package dev.lambdanotes.testing.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that runs with real time but can be moved forward, to expire tokens without waiting. */
public final class TestClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(offset, zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
