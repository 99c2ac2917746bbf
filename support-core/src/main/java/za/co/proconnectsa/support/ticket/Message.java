package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * A reply or an internal note on a ticket.
 *
 * @param id          the message's identity
 * @param ticketId    the ticket it belongs to
 * @param author      who wrote it
 * @param body        the text: free text as {@link za.co.proconnectsa.support.TextRules} defines it (no control characters other than tab and
 *                    line breaks, no lone surrogates)
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

    /**
     * Checks the components and copies the attachment list.
     *
     * @param id the message's identity
     * @param ticketId the ticket it belongs to
     * @param author who wrote it
     * @param body the text: free text as {@link za.co.proconnectsa.support.TextRules} defines it (no control characters other than tab and line breaks, no lone surrogates)
     * @param visibility {@link Visibility#INTERNAL} for notes that requesters never see
     * @param attachments files attached to it
     * @param createdAt when it was written
     */
    public Message {
        Checks.notNull(id, "id");
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(author, "author");
        Text.optionalText(Checks.notNull(body, "body"), "body", Integer.MAX_VALUE);
        Checks.notNull(visibility, "visibility");
        Checks.notNull(createdAt, "createdAt");
        attachments = List.copyOf(attachments);
    }
}
