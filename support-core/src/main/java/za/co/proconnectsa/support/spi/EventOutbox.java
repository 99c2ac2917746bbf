package za.co.proconnectsa.support.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import za.co.proconnectsa.support.event.OutboxEntry;

/**
 * The transactional outbox of a {@link TicketStore}: every {@code insert} and {@code update} also writes one
 * {@link OutboxEntry} ({@link OutboxEntry#pending}) in the same transaction, so an event is recorded if and only
 * if its change is. {@link za.co.proconnectsa.support.event.OutboxRelay} claims entries and delivers them to
 * listeners at least once, even across a crash, and several application instances can share one outbox: a claim
 * is exclusive until its lease runs out. The in-memory and JDBC stores implement it; the JDBC store claims with
 * {@code FOR UPDATE SKIP LOCKED}, so instances claiming at once never wait on each other's rows.
 */
public interface EventOutbox {

    /**
     * Claims up to {@code max} entries that nobody holds (never claimed, or whose lease ran out), oldest first,
     * for {@code lease}. Each claimed entry's attempts go up by one.
     *
     * @param owner a name for the claimer, unique per relay (e.g. host name and a random suffix), 1 to 100 characters
     * @param max   at most this many, 1 to 1000
     * @param lease how long the claim lasts; after it, another claimer may take the entry
     * @param now   the claimer's time
     * @return the claimed entries, oldest first
     */
    List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now);

    /**
     * Removes a delivered entry, if {@code owner} still holds it.
     *
     * @param entryId the entry
     * @param owner   the claimer
     * @return whether it was removed; {@code false} when the lease had run out and someone else claimed it (they
     *         will deliver it again) or it was already removed
     */
    boolean complete(long entryId, String owner);

    /**
     * Gives a claimed entry back to be claimed again from {@code retryAt} (a delivery failed and should be retried
     * later, not only when the lease runs out).
     *
     * @param entryId the entry
     * @param owner   the claimer
     * @param retryAt when it may be claimed again
     * @return whether the owner still held it
     */
    boolean release(long entryId, String owner, Instant retryAt);

    /**
     * @return how many entries are waiting or claimed: a health figure, not part of any decision
     */
    long pendingCount();
}
