package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import za.co.proconnectsa.support.access.Actor;

/**
 * A reply or an internal note on a ticket.
 *
 * @param id          the message's identity
 * @param ticketId    the ticket it belongs to
 * @param author      who wrote it
 * @param body        the text
 * @param visibility  {@link Visibility#INTERNAL} for notes that requesters never see
 * @param attachments files attached to it
 * @param createdAt   when it was written
 */
public record Message(
        UUID id,
        TicketId ticketId,
        Actor author,
        String body,
        Visibility visibility,
        List<Attachment> attachments,
        Instant createdAt) {

    /** Checks the components and copies the attachment list. */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdAt, "createdAt");
        attachments = List.copyOf(attachments);
    }
}
