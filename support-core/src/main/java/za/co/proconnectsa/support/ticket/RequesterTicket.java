package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.internal.Checks;

/**
 * A ticket as the person who asked for help sees it, e.g. in a provider portal's "my tickets" list. It carries
 * everything the requester wrote and everything they may know about its progress, and nothing support keeps to
 * itself: no assignee, no duplicate-detection fingerprint, no internal identity or version. The ticket number is
 * the handle for every further call ({@link TicketService#myTicket}, {@link TicketService#reply}).
 *
 * <p>{@link TicketService} hands requesters this type only; support reads full {@link Ticket}s. To show support
 * what a requester sees, map a ticket with {@link #of(Ticket)}.
 *
 * @param number           the number the requester quotes, e.g. {@code PCS-000042}
 * @param subject          the one-line summary
 * @param body             the description as submitted
 * @param category         what it is about
 * @param priority         how urgent it is
 * @param status           where it is in its life
 * @param origin           the channel it came in on
 * @param tags             the labels given at submission, lower case
 * @param attachments      files attached at submission
 * @param createdAt        when it was submitted
 * @param updatedAt        when it last changed
 * @param firstRespondedAt when support first replied, or {@code null} while it has not
 */
public record RequesterTicket(
        TicketNumber number,
        String subject,
        String body,
        Category category,
        Priority priority,
        TicketStatus status,
        OriginChannel origin,
        Set<String> tags,
        List<Attachment> attachments,
        Instant createdAt,
        Instant updatedAt,
        Instant firstRespondedAt) {

    /**
     * Checks the required components and copies the collections.
     *
     * @param number the number the requester quotes, e.g. {@code PCS-000042}
     * @param subject the one-line summary
     * @param body the description as submitted
     * @param category what it is about
     * @param priority how urgent it is
     * @param status where it is in its life
     * @param origin the channel it came in on
     * @param tags the labels given at submission, lower case
     * @param attachments files attached at submission
     * @param createdAt when it was submitted
     * @param updatedAt when it last changed
     * @param firstRespondedAt when support first replied, or {@code null} while it has not
     */
    public RequesterTicket {
        Checks.notNull(number, "number");
        Checks.notNull(subject, "subject");
        Checks.notNull(body, "body");
        Checks.notNull(category, "category");
        Checks.notNull(priority, "priority");
        Checks.notNull(status, "status");
        Checks.notNull(origin, "origin");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        tags = Set.copyOf(Checks.notNull(tags, "tags"));
        attachments = List.copyOf(Checks.notNull(attachments, "attachments"));
    }

    /**
     * @param ticket a stored ticket
     * @return what its requester may see of it
     */
    public static RequesterTicket of(Ticket ticket) {
        Checks.notNull(ticket, "ticket");
        return new RequesterTicket(ticket.number(), ticket.subject(), ticket.body(), ticket.category(),
                ticket.priority(), ticket.status(), ticket.origin(), ticket.tags(), ticket.attachments(),
                ticket.createdAt(), ticket.updatedAt(), ticket.firstRespondedAt());
    }

    /** @return when support first replied, if it has */
    public Optional<Instant> firstResponse() {
        return Optional.ofNullable(firstRespondedAt);
    }

    /** Number, status, category, priority and channel; no subject or body. */
    @Override
    public String toString() {
        return "RequesterTicket[" + number + ", " + status + ", " + category + ", " + priority + ", origin=" + origin
                + "]";
    }
}
