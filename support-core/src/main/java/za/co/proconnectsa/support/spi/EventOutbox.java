package za.co.proconnectsa.support.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;

/**
 * The transactional outbox of a {@link TicketStore}: every {@code insert} and {@code update} also writes one
 * {@link OutboxEntry} ({@link OutboxEntry#pending}) in the same transaction, so an event is recorded if and only
 * if its change is. {@link za.co.proconnectsa.support.event.OutboxRelay} claims entries and delivers them to
 * listeners at least once, even across a crash, and several application instances can share one outbox: a claim
 * is exclusive until its lease runs out, and the claimer {@link #renew renews} it while a delivery takes long.
 * The in-memory and JDBC stores implement it; the JDBC store claims with {@code FOR UPDATE SKIP LOCKED}, so
 * instances claiming at once never wait on each other's rows.
 *
 * <p>An entry is <em>live</em> (waiting or claimed) or <em>dead</em>. It becomes dead when its claimer gives up
 * on it ({@link #deadLetter}: the relay does so after its maximum number of attempts) or when {@link #claim}
 * cannot read it (an event type written by a newer version of the library during a rolling deploy, or a
 * damaged row): such an entry is parked with the reason instead of failing the claim, so it never holds up the
 * others. Dead entries are never claimed; the host lists them ({@link #deadLetters}), looks one up
 * ({@link #findDeadLetter}), sends one back to be delivered again ({@link #retryDeadLetter}) or deletes it
 * ({@link #deleteDeadLetter}).
 */
public interface EventOutbox {

    /**
     * Claims up to {@code max} live entries that nobody holds (never claimed, or whose lease ran out), oldest
     * first, for {@code lease}. Each claimed entry's attempts go up by one. An entry this version cannot read is
     * not returned: it is made dead with the reason, in the same transaction, and the claim goes on with the
     * others (so fewer than {@code max} may come back although more are waiting).
     *
     * @param owner a name for the claimer, unique per relay (e.g. host name and a random suffix), 1 to 100 characters
     * @param max   at most this many, 1 to 1000
     * @param lease how long the claim lasts; after it, another claimer may take the entry
     * @param now   the claimer's time
     * @return the claimed entries, oldest first
     */
    List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now);

    /**
     * Extends the claim on an entry its owner is still delivering, so that nobody else claims it meanwhile.
     *
     * @param entryId the entry
     * @param owner   the claimer
     * @param until   the claim's new end
     * @return whether {@code owner} still held it (and now holds it until {@code until}); {@code false} when
     *         another claimer took it after the lease ran out (it will deliver it again), or it is gone or dead
     */
    boolean renew(long entryId, String owner, Instant until);

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
     * Gives up on a claimed entry: it becomes a dead letter, kept with its reason until the host retries or deletes
     * it, and is never claimed again meanwhile.
     *
     * @param entryId the entry
     * @param owner   the claimer
     * @param reason  why, for an operator: 1 to 1000 characters, without secrets (longer text is cut)
     * @param at      when it died
     * @return whether the owner still held it
     */
    boolean deadLetter(long entryId, String owner, String reason, Instant at);

    /**
     * @return how many live entries are waiting or claimed (dead letters not included): a health figure, not part
     *         of any decision
     */
    long pendingCount();

    /**
     * @return how many dead letters wait for an operator: a health figure; anything above zero needs a look
     */
    long deadLetterCount();

    /**
     * Lists dead letters oldest entry first, a page at a time: pass {@code 0} first, then the last
     * {@link DeadLetter#id()} of the previous page.
     *
     * @param afterId only entries with a greater id; {@code 0} for the first page
     * @param limit   at most this many, 1 to 1000
     * @return the dead letters, ordered by id
     */
    List<DeadLetter> deadLetters(long afterId, int limit);

    /**
     * @param entryId the entry
     * @return the dead letter with that id; empty when there is none (never existed, delivered, live or deleted)
     */
    Optional<DeadLetter> findDeadLetter(long entryId);

    /**
     * Makes a dead letter live again, claimable at once with its attempts back at zero (after fixing what made its
     * listener fail, or once every instance runs a version that reads a parked entry).
     *
     * @param entryId the entry
     * @return whether it was a dead letter
     */
    boolean retryDeadLetter(long entryId);

    /**
     * Deletes a dead letter for good: its event is never delivered.
     *
     * @param entryId the entry
     * @return whether it was a dead letter (a live entry is never deleted by this)
     */
    boolean deleteDeadLetter(long entryId);
}
