package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The SLA schedules and announced SLA events of {@link za.co.proconnectsa.support.store.InMemoryTicketStore}; the
 * store's write lock guards it, and each write records how to take it back.
 */
public final class InMemorySlaSchedules {

    private record Schedule(Instant nextDue, Instant nextCheck) {
    }

    private final Map<TicketId, Schedule> schedules = new HashMap<>();
    private final Set<String> events = new HashSet<>();
    private final UndoLog undo;

    /** @param undo where writes made inside the store's unit of work record how to take them back */
    public InMemorySlaSchedules(UndoLog undo) {
        this.undo = undo;
    }

    /** Sets a ticket's schedule. */
    public void save(TicketId ticketId, Instant nextDue, Instant nextCheck) {
        Checks.notNull(ticketId, "ticketId");
        put(ticketId, new Schedule(nextDue, nextCheck));
    }

    private void put(TicketId ticketId, Schedule schedule) {
        Schedule before = schedules.put(ticketId, schedule);
        undo.record(() -> {
            if (before == null) {
                schedules.remove(ticketId);
            } else {
                schedules.put(ticketId, before);
            }
        });
    }

    /** Claims due checks: moves them a lease on. */
    public List<TicketId> claim(Instant now, Duration lease, int max) {
        Checks.notNull(now, "now");
        Checks.positive(lease, "lease");
        Checks.between(max, 1, 1000, "max");
        List<Map.Entry<TicketId, Schedule>> due = schedules.entrySet().stream()
                .filter(e -> e.getValue().nextCheck() != null && !e.getValue().nextCheck().isAfter(now))
                .sorted(Comparator.comparing(e -> e.getValue().nextCheck()))
                .limit(max)
                .toList();
        List<TicketId> claimed = new ArrayList<>();
        for (Map.Entry<TicketId, Schedule> e : due) {
            put(e.getKey(), new Schedule(e.getValue().nextDue(), now.plus(lease)));
            claimed.add(e.getKey());
        }
        return claimed;
    }

    /** @return whether the event was new */
    public boolean mark(TicketId ticketId, String eventKey) {
        Checks.notNull(ticketId, "ticketId");
        if (eventKey == null || eventKey.isEmpty() || eventKey.length() > 100) {
            throw za.co.proconnectsa.support.InvalidInputException.of("eventKey", "must be 1 to 100 characters");
        }
        String key = ticketId + "|" + eventKey;
        if (!events.add(key)) {
            return false;
        }
        undo.record(() -> events.remove(key));
        return true;
    }

    /** @return tickets due by then, nearest first */
    public List<TicketId> dueBy(Instant until, int limit) {
        Checks.notNull(until, "until");
        Checks.between(limit, 1, 1000, "limit");
        return schedules.entrySet().stream()
                .filter(e -> e.getValue().nextDue() != null && !e.getValue().nextDue().isAfter(until))
                .sorted(Comparator.comparing((Map.Entry<TicketId, Schedule> e) -> e.getValue().nextDue())
                        .thenComparing(e -> e.getKey().toString()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Forgets a deleted ticket's schedule and events. */
    public void forget(TicketId ticketId) {
        Schedule before = schedules.remove(ticketId);
        List<String> gone = events.stream().filter(k -> k.startsWith(ticketId + "|")).toList();
        gone.forEach(events::remove);
        undo.record(() -> {
            if (before != null) {
                schedules.put(ticketId, before);
            }
            events.addAll(gone);
        });
    }
}
