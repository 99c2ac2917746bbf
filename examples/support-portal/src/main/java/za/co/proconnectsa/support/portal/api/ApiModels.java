package za.co.proconnectsa.support.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.RequesterMessage;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Visibility;

/** The JSON bodies of the portal's REST API under {@code /api}, as described in {@code /api/openapi.yaml}. */
public final class ApiModels {

    private ApiModels() {
    }

    /**
     * A ticket to submit.
     *
     * @param subject  what it is about, 1 to 200 characters
     * @param body     the description, 1 to 10,000 characters
     * @param category a topic code of the desk, e.g. {@code BILLING}
     * @param priority {@code LOW}, {@code NORMAL}, {@code HIGH} or {@code URGENT}; {@code NORMAL} when left out
     */
    public record NewTicketRequest(String subject, String body, String category, String priority) {
    }

    /**
     * What a submission did.
     *
     * @param number                the ticket's number
     * @param status                its status
     * @param created               false when an earlier submission with the same idempotency key (or a duplicate)
     *                              answered
     * @param submittedAt           when it was filed
     * @param expectedFirstResponse when support is due to answer first, or null without an SLA
     * @param confirmation          the confirmation text shown to the requester
     */
    public record Receipt(String number, String status, boolean created, Instant submittedAt,
            Instant expectedFirstResponse, String confirmation) {

        static Receipt of(SubmissionReceipt r) {
            return new Receipt(r.ticketNumber().text(), r.status().name(), r.createdNewTicket(), r.submittedAt(),
                    r.expectedFirstResponse().orElse(null), r.confirmationText());
        }
    }

    /**
     * A ticket as the API shows it; requesters see their own without assignee or version.
     *
     * @param number    the ticket number
     * @param subject   the subject
     * @param body      the description
     * @param category  the topic code
     * @param priority  the priority
     * @param status    the status
     * @param origin    the channel it came through
     * @param requester who asked (agents only)
     * @param assignee  the assigned agent (agents only)
     * @param createdAt when it was filed
     * @param updatedAt when it last changed
     * @param version   the version to send back with a status change (agents only)
     */
    public record TicketView(String number, String subject, String body, String category, String priority,
            String status, String origin, String requester, String assignee, Instant createdAt, Instant updatedAt,
            Long version) {

        static TicketView of(Ticket t) {
            return new TicketView(t.number().text(), t.subject(), t.body(), t.category().code(), t.priority().name(),
                    t.status().name(), t.origin().name(), t.requesterId(), t.assigneeId(), t.createdAt(),
                    t.updatedAt(), t.version());
        }

        static TicketView of(RequesterTicket t) {
            return new TicketView(t.number().text(), t.subject(), t.body(), t.category().code(), t.priority().name(),
                    t.status().name(), t.origin().name(), null, null, t.createdAt(), t.updatedAt(), null);
        }
    }

    /**
     * One message of a ticket.
     *
     * @param id          its id
     * @param author      who wrote it
     * @param fromSupport whether the support team wrote it
     * @param internal    whether it is an internal note (never shown to requesters)
     * @param body        the text
     * @param createdAt   when
     */
    public record MessageView(UUID id, String author, boolean fromSupport, boolean internal, String body,
            Instant createdAt) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.author().displayName(), m.author().role().isSupport(),
                    m.visibility() == Visibility.INTERNAL, m.body(), m.createdAt());
        }

        static MessageView of(RequesterMessage m) {
            return new MessageView(m.id(), m.authorName(), m.fromSupport(), false, m.body(), m.createdAt());
        }
    }

    /**
     * A ticket with its messages.
     *
     * @param ticket   the ticket
     * @param messages its messages the caller may see, oldest first
     */
    public record TicketWithMessages(TicketView ticket, List<MessageView> messages) {
    }

    /**
     * One page of tickets.
     *
     * @param items      the tickets
     * @param nextCursor the cursor for the next page, or null on the last
     */
    public record TicketPage(List<TicketView> items, String nextCursor) {
    }

    /**
     * A reply to a ticket.
     *
     * @param body     the text, 1 to 10,000 characters
     * @param internal true for an internal note (support team only); false or left out for a public reply
     */
    public record ReplyRequest(String body, Boolean internal) {

        /** @return whether it is an internal note; false when left out */
        public boolean isInternal() {
            return Boolean.TRUE.equals(internal);
        }
    }

    /**
     * A status change by the support team.
     *
     * @param status          the new status
     * @param expectedVersion the version the change was decided on; a newer one answers 409
     */
    public record StatusChange(String status, Long expectedVersion) {
    }
}
