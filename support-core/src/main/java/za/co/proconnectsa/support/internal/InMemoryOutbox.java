package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The {@link EventOutbox} of the in-memory ticket store. Entries keep their event type as text, as a database row
 * does, so an entry of a type this version does not know is parked as a dead letter by {@link #claim} like on
 * the JDBC store. Thread-safe; the store adds entries while it holds its own write lock, so an entry appears
 * together with its change.
 */
public final class InMemoryOutbox implements EventOutbox {

    private final NavigableMap<Long, Slot> entries = new TreeMap<>();
    private long sequence;

    /** An entry as stored, with its claim or its death. */
    private static final class Slot {
        final String type;
        OutboxEntry.Pending entry;
        int attempts;
        String owner;
        Instant claimedUntil;
        String deadReason;
        Instant diedAt;

        Slot(String type, OutboxEntry.Pending entry) {
            this.type = type;
            this.entry = entry;
        }

        boolean dead() {
            return diedAt != null;
        }
    }

    /**
     * Records the entry of a store write.
     *
     * @param pending the entry
     * @return its id
     */
    public synchronized long add(OutboxEntry.Pending pending) {
        return addStored(Checks.notNull(pending, "pending").type().name(), pending);
    }

    /**
     * Takes back an entry whose store write was rolled back.
     *
     * @param entryId the entry {@link #add} returned
     */
    public synchronized void remove(long entryId) {
        entries.remove(entryId);
    }

    /**
     * @param which the entries wanted
     * @return live (not dead) entries it accepts, oldest first
     */
    public synchronized List<OutboxEntry> live(java.util.function.Predicate<OutboxEntry.Pending> which) {
        List<OutboxEntry> out = new ArrayList<>();
        for (Map.Entry<Long, Slot> e : entries.entrySet()) {
            Slot slot = e.getValue();
            Optional<TicketEvent.Type> type = knownType(slot.type);
            if (!slot.dead() && type.isPresent() && which.test(slot.entry)) {
                OutboxEntry.Pending p = slot.entry;
                out.add(new OutboxEntry(e.getKey(), type.get(), p.ticketId(), p.actor(), p.at(), p.messageId(),
                        Math.max(slot.attempts, 0), p.slaTarget()));
            }
        }
        return out;
    }

    /**
     * Rewrites the entries a predicate accepts.
     *
     * @param which the entries
     * @param how   the new entry of each
     * @return how many changed, and the action that takes the change back
     */
    public synchronized Map.Entry<Integer, Runnable> rewrite(java.util.function.Predicate<OutboxEntry.Pending> which,
            java.util.function.UnaryOperator<OutboxEntry.Pending> how) {
        Map<Slot, OutboxEntry.Pending> before = new java.util.HashMap<>();
        for (Slot slot : entries.values()) {
            if (which.test(slot.entry)) {
                OutboxEntry.Pending next = how.apply(slot.entry);
                if (!next.equals(slot.entry)) {
                    before.put(slot, slot.entry);
                    slot.entry = next;
                }
            }
        }
        return Map.entry(before.size(), () -> {
            synchronized (this) {
                before.forEach((slot, entry) -> slot.entry = entry);
            }
        });
    }

    /**
     * Removes the entries a predicate accepts, dead or alive.
     *
     * @param which the entries
     * @return the action that puts them back
     */
    public synchronized Runnable removeWhere(java.util.function.Predicate<OutboxEntry.Pending> which) {
        Map<Long, Slot> removed = new java.util.HashMap<>();
        entries.entrySet().removeIf(e -> {
            if (which.test(e.getValue().entry)) {
                removed.put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
        return () -> {
            synchronized (this) {
                entries.putAll(removed);
            }
        };
    }

    /** Records an entry whose type is stored as {@code type}, which may be one this version does not know. */
    synchronized long addStored(String type, OutboxEntry.Pending pending) {
        entries.put(++sequence, new Slot(type, pending));
        return sequence;
    }

    @Override
    public synchronized List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
        if (owner == null || owner.isBlank() || owner.length() > 100) {
            throw InvalidInputException.of("owner", "must be 1 to 100 characters");
        }
        Checks.between(max, 1, 1000, "max");
        Checks.notNull(lease, "lease");
        Checks.notNull(now, "now");
        Instant until = now.plus(lease);
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Map.Entry<Long, Slot> e : entries.entrySet()) {
            if (claimed.size() == max) {
                break;
            }
            Slot slot = e.getValue();
            if (slot.dead() || (slot.claimedUntil != null && !slot.claimedUntil.isBefore(now))) {
                continue;
            }
            Optional<TicketEvent.Type> type = knownType(slot.type);
            if (type.isEmpty()) {
                slot.owner = null;
                slot.deadReason = unknownType(slot.type);
                slot.diedAt = now;
                continue;
            }
            slot.owner = owner;
            slot.claimedUntil = until;
            slot.attempts++;
            OutboxEntry.Pending p = slot.entry;
            claimed.add(new OutboxEntry(e.getKey(), type.get(), p.ticketId(), p.actor(), p.at(), p.messageId(),
                    slot.attempts, p.slaTarget()));
        }
        return claimed;
    }

    @Override
    public synchronized boolean renew(long entryId, String owner, Instant until) {
        Checks.notNull(until, "until");
        Slot slot = held(entryId, owner);
        if (slot == null) {
            return false;
        }
        slot.claimedUntil = until;
        return true;
    }

    @Override
    public synchronized boolean complete(long entryId, String owner) {
        if (held(entryId, owner) == null) {
            return false;
        }
        entries.remove(entryId);
        return true;
    }

    @Override
    public synchronized boolean release(long entryId, String owner, Instant retryAt) {
        Checks.notNull(retryAt, "retryAt");
        Slot slot = held(entryId, owner);
        if (slot == null) {
            return false;
        }
        // claimable again once retryAt has passed: the claim test is "claimedUntil before now"
        slot.claimedUntil = retryAt;
        slot.owner = null;
        return true;
    }

    @Override
    public synchronized boolean deadLetter(long entryId, String owner, String reason, Instant at) {
        String text = reason(reason);
        Checks.notNull(at, "at");
        Slot slot = held(entryId, owner);
        if (slot == null) {
            return false;
        }
        slot.owner = null;
        slot.claimedUntil = null;
        slot.deadReason = text;
        slot.diedAt = at;
        return true;
    }

    @Override
    public synchronized long pendingCount() {
        return entries.values().stream().filter(s -> !s.dead()).count();
    }

    @Override
    public synchronized long deadLetterCount() {
        return entries.values().stream().filter(Slot::dead).count();
    }

    /**
     * @param which the entries wanted
     * @return dead entries it accepts, by id
     */
    public synchronized List<DeadLetter> dead(java.util.function.Predicate<OutboxEntry.Pending> which) {
        List<DeadLetter> out = new ArrayList<>();
        entries.forEach((id, slot) -> {
            if (slot.dead() && which.test(slot.entry)) {
                out.add(deadLetter(id, slot));
            }
        });
        return out;
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(long afterId, int limit) {
        Checks.between(limit, 1, 1000, "limit");
        List<DeadLetter> page = new ArrayList<>();
        for (Map.Entry<Long, Slot> e : entries.tailMap(afterId, false).entrySet()) {
            if (page.size() == limit) {
                break;
            }
            if (e.getValue().dead()) {
                page.add(deadLetter(e.getKey(), e.getValue()));
            }
        }
        return page;
    }

    @Override
    public synchronized Optional<DeadLetter> findDeadLetter(long entryId) {
        Slot slot = entries.get(entryId);
        return slot == null || !slot.dead() ? Optional.empty() : Optional.of(deadLetter(entryId, slot));
    }

    @Override
    public synchronized boolean retryDeadLetter(long entryId) {
        Slot slot = entries.get(entryId);
        if (slot == null || !slot.dead()) {
            return false;
        }
        slot.deadReason = null;
        slot.diedAt = null;
        slot.attempts = 0;
        slot.claimedUntil = null;
        return true;
    }

    @Override
    public synchronized boolean deleteDeadLetter(long entryId) {
        Slot slot = entries.get(entryId);
        if (slot == null || !slot.dead()) {
            return false;
        }
        entries.remove(entryId);
        return true;
    }

    private Slot held(long entryId, String owner) {
        Slot slot = entries.get(entryId);
        return slot == null || slot.dead() || owner == null || !owner.equals(slot.owner) ? null : slot;
    }

    private static DeadLetter deadLetter(long id, Slot slot) {
        return new DeadLetter(id, slot.type, slot.entry.ticketId().toString(), slot.entry.at(), slot.attempts,
                slot.deadReason, slot.diedAt);
    }

    private static Optional<TicketEvent.Type> knownType(String name) {
        for (TicketEvent.Type t : TicketEvent.Type.values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String unknownType(String type) {
        return reason("Unreadable entry: unknown event type '" + type + "' (written by a newer version? retry it once "
                + "every instance runs that version)");
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "must not be blank");
        }
        return reason.length() <= DeadLetter.MAX_REASON_LENGTH ? reason : reason.substring(0, DeadLetter.MAX_REASON_LENGTH);
    }
}
