package za.co.proconnectsa.support.whatsapp.webhook;

/**
 * How far a message the business sent has got. The statuses are ranked, and a status only ever replaces a
 * lower-ranked one ({@link #supersedes(DeliveryStatus)}), so the outcome does not depend on the order in which
 * Meta's unordered, retried webhooks arrive:
 *
 * <p>{@link #SENT} &lt; {@link #DELIVERED} &lt; {@link #FAILED} &lt; {@link #READ}
 *
 * <p>A failure outranks sent and delivered (a delivery report that arrives after the failure report does not hide
 * the failure), but never a read receipt: a message the user has read was delivered, whatever else is reported.
 */
public enum DeliveryStatus {
    /** WhatsApp accepted the message and is delivering it ({@code sent}). */
    SENT(1),
    /** The message reached the user's device ({@code delivered}). */
    DELIVERED(2),
    /** The message could not be sent or delivered ({@code failed}); the update carries the provider's errors. */
    FAILED(3),
    /** The user opened the message ({@code read}). Only reported when the user has read receipts on. */
    READ(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /**
     * @param other the status recorded so far, or null when there is none
     * @return whether this status replaces {@code other}
     */
    public boolean supersedes(DeliveryStatus other) {
        return other == null || rank > other.rank;
    }
}
