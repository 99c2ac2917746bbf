package za.co.proconnectsa.support.whatsapp.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import za.co.proconnectsa.support.internal.Checks;

/**
 * WhatsApp's 24-hour customer-service window: a business may send free-form messages (text, buttons,
 * lists) only within 24 hours of the customer's last message; after that only an approved template.
 *
 * <p>The window is open while {@code now < lastInboundAt + 24h}: at exactly 24 hours it is closed. It
 * reads its clock on every call, so one instance answers correctly as time passes; show
 * {@link #describe()} to an agent before they type a reply.
 *
 * @param lastInboundAt when the customer's last message arrived (the webhook's message timestamp)
 * @param clock         the clock that tells the current time
 */
public record CustomerServiceWindow(Instant lastInboundAt, Clock clock) {

    /** How long the window stays open after the customer's last message: exactly 24 hours. */
    public static final Duration LENGTH = Duration.ofHours(24);

    /**
     * Creates a window.
     *
     * @param lastInboundAt when the customer's last message arrived
     * @param clock         the clock that tells the current time
     * @throws za.co.proconnectsa.support.InvalidInputException when either is null
     */
    public CustomerServiceWindow {
        Checks.notNull(lastInboundAt, "lastInboundAt");
        Checks.notNull(clock, "clock");
    }

    /**
     * @param lastInboundAt when the customer's last message arrived
     * @param clock         the clock that tells the current time
     * @return the window opened by that message
     */
    public static CustomerServiceWindow since(Instant lastInboundAt, Clock clock) {
        return new CustomerServiceWindow(lastInboundAt, clock);
    }

    /**
     * @param lastInboundAt when the customer's last message arrived
     * @return the window opened by that message, on the system clock
     */
    public static CustomerServiceWindow since(Instant lastInboundAt) {
        return new CustomerServiceWindow(lastInboundAt, Clock.systemUTC());
    }

    /** @return the instant the window closes (or closed): the last inbound message plus 24 hours */
    public Instant closesAt() {
        return lastInboundAt.plus(LENGTH);
    }

    /** @return whether a free-form message may be sent now */
    public boolean isOpen() {
        return clock.instant().isBefore(closesAt());
    }

    /** @return the time left before the window closes; zero once it is closed */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), closesAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Says in English how the window stands, for an agent's screen. Times are rounded down, so the time
     * left is never overstated:
     * <ul>
     * <li>open: {@code "closes in less than a minute"}, {@code "closes in 40 minutes"},
     * {@code "closes in 1 hour"}, {@code "closes in 23 hours 59 minutes"};</li>
     * <li>closed: {@code "closed just now"} (under a minute), {@code "closed 12 minutes ago"},
     * {@code "closed 3 hours ago"} (under 48 hours), {@code "closed 5 days ago"}.</li>
     * </ul>
     *
     * @return the description
     */
    public String describe() {
        Duration left = Duration.between(clock.instant(), closesAt());
        if (left.compareTo(Duration.ZERO) > 0) {
            if (left.toMinutes() < 1) {
                return "closes in less than a minute";
            }
            long hours = left.toHours();
            long minutes = left.toMinutesPart();
            if (hours == 0) {
                return "closes in " + plural(minutes, "minute");
            }
            return "closes in " + plural(hours, "hour") + (minutes == 0 ? "" : " " + plural(minutes, "minute"));
        }
        Duration ago = left.negated();
        if (ago.toMinutes() < 1) {
            return "closed just now";
        }
        if (ago.toHours() < 1) {
            return "closed " + plural(ago.toMinutes(), "minute") + " ago";
        }
        if (ago.toHours() < 48) {
            return "closed " + plural(ago.toHours(), "hour") + " ago";
        }
        return "closed " + plural(ago.toDays(), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return "CustomerServiceWindow{lastInboundAt=" + lastInboundAt + ", closesAt=" + closesAt() + ", open="
                + isOpen() + '}';
    }
}
