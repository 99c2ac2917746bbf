package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * A public reply on a ticket as its requester sees it: who wrote it by name and side, never support's internal ids.
 * Internal notes have no requester form at all.
 *
 * @param id          the message's identity, e.g. to anchor it on a page
 * @param authorName  the name shown next to it, e.g. "Sipho (Support)"
 * @param fromSupport whether the support team wrote it (otherwise the requester did)
 * @param body        the text
 * @param attachments files attached to it
 * @param createdAt   when it was written
 */
public record RequesterMessage(
        UUID id,
        String authorName,
        boolean fromSupport,
        String body,
        List<Attachment> attachments,
        Instant createdAt) {

    /**
     * Checks the components and copies the attachment list.
     *
     * @param id the message's identity, e.g. to anchor it on a page
     * @param authorName the name shown next to it, e.g. "Sipho (Support)"
     * @param fromSupport whether the support team wrote it (otherwise the requester did)
     * @param body the text
     * @param attachments files attached to it
     * @param createdAt when it was written
     */
    public RequesterMessage {
        Checks.notNull(id, "id");
        Checks.notNull(authorName, "authorName");
        Checks.notNull(body, "body");
        Checks.notNull(createdAt, "createdAt");
        attachments = List.copyOf(Checks.notNull(attachments, "attachments"));
    }

    /**
     * @param message a public message
     * @return what the requester may see of it
     * @throws InvalidInputException when the message is an internal note
     */
    public static RequesterMessage of(Message message) {
        Checks.notNull(message, "message");
        if (message.visibility() != Visibility.PUBLIC) {
            throw InvalidInputException.of("message", "is an internal note, which requesters never see");
        }
        return new RequesterMessage(message.id(), message.author().displayName(), message.author().role().isSupport(),
                message.body(), message.attachments(), message.createdAt());
    }
}
