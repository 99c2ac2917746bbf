package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One public change to a ticket as its requester sees it in the ticket's history (submitted, replied, status
 * changed, a repeated request linked): who by name and side, never support's internal ids. Internal events
 * (assignments, notes) have no requester form at all.
 *
 * @param action    what changed
 * @param before    the value before, or {@code null} (see {@link AuditAction} for what it holds)
 * @param after     the value after, or {@code null}
 * @param actorName the name of who changed it
 * @param bySupport whether the support team changed it (otherwise the requester did)
 * @param at        when it happened
 */
public record RequesterAuditEvent(
        AuditAction action,
        String before,
        String after,
        String actorName,
        boolean bySupport,
        Instant at) {

    /**
     * Checks the required components.
     *
     * @param action what changed
     * @param before the value before, or {@code null} (see {@link AuditAction} for what it holds)
     * @param after the value after, or {@code null}
     * @param actorName the name of who changed it
     * @param bySupport whether the support team changed it (otherwise the requester did)
     * @param at when it happened
     */
    public RequesterAuditEvent {
        Checks.notNull(action, "action");
        Checks.notNull(actorName, "actorName");
        Checks.notNull(at, "at");
    }

    /**
     * @param event a public audit event
     * @return what the requester may see of it
     * @throws InvalidInputException when the event is internal
     */
    public static RequesterAuditEvent of(AuditEvent event) {
        Checks.notNull(event, "event");
        if (event.visibility() != Visibility.PUBLIC) {
            throw InvalidInputException.of("event", "is internal, which requesters never see");
        }
        return new RequesterAuditEvent(event.action(), event.before(), event.after(), event.actor().displayName(),
                event.actor().role().isSupport(), event.at());
    }
}
