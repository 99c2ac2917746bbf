package za.co.proconnectsa.support.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Safe to read and move from many threads;
 * the clocks made by {@link #withZone(ZoneId)} share its time, so moving one moves them all.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * @param instant the time the clock shows until it is moved
     * @return a clock in UTC standing at {@code instant}
     */
    public static SettableClock at(Instant instant) {
        return new SettableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /**
     * @param isoInstant an instant in ISO-8601 form, e.g. {@code 2026-03-02T08:15:30.123456Z}
     * @return a clock in UTC standing at that instant
     * @throws java.time.format.DateTimeParseException when the text is not an instant
     */
    public static SettableClock startingAt(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /**
     * Moves the clock to an instant, forwards or backwards.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock by a duration, atomically: concurrent calls add up.
     *
     * @param duration how far to move it; negative moves it back
     * @return the new time
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(t -> t.plus(duration));
    }

    /** @return the current time of the clock */
    @Override
    public Instant instant() {
        return now.get();
    }

    /** @return the zone, UTC unless made by {@link #withZone(ZoneId)} */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * @param newZone a zone
     * @return a clock in that zone sharing this clock's time
     */
    @Override
    public SettableClock withZone(ZoneId newZone) {
        return new SettableClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "SettableClock[" + instant() + "," + zone + "]";
    }
}
