package za.co.proconnectsa.support.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;

/**
 * A chat with one contact. Immutable: changes make a copy, which the store writes if its version is still
 * the stored one.
 *
 * @param id            the conversation's id
 * @param number        the number people quote, e.g. {@code WA-000042}
 * @param contact       the contact's address on the channel: a WhatsApp id (phone digits) or business-scoped
 *                      user id, an identifier ({@link za.co.proconnectsa.support.TextRules}) of 1 to 100 characters
 * @param contactName   the contact's profile name, free text ({@link za.co.proconnectsa.support.TextRules}) cut to 200 characters, or {@code null}
 * @param requesterId   the host's id of the person, as tickets of this conversation are requested by (an
 *                      identifier)
 * @param status        where it stands
 * @param ticketId      the ticket it was escalated to or joined, or {@code null}
 * @param reference     the reference code the chat was started from (a page code), an identifier of 1 to 40
 *                      characters, or {@code null}
 * @param lastInboundAt when the contact last wrote; opens the 24-hour customer-service window; {@code null}
 *                      before the contact wrote
 * @param createdAt     when it started
 * @param updatedAt     when it last changed
 * @param version       the optimistic-locking version, 1 when new
 */
public record Conversation(
        UUID id,
        ConversationNumber number,
        String contact,
        String contactName,
        String requesterId,
        ConversationStatus status,
        TicketId ticketId,
        String reference,
        Instant lastInboundAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * Checks the required components.
     *
     * @param id the conversation's id
     * @param number the number people quote, e.g. {@code WA-000042}
     * @param contact the contact's address on the channel: a WhatsApp id (phone digits) or business-scoped user id, an identifier ({@link za.co.proconnectsa.support.TextRules}) of 1 to 100 characters
     * @param contactName the contact's profile name, free text ({@link za.co.proconnectsa.support.TextRules}) cut to 200 characters, or {@code null}
     * @param requesterId the host's id of the person, as tickets of this conversation are requested by (an identifier)
     * @param status where it stands
     * @param ticketId the ticket it was escalated to or joined, or {@code null}
     * @param reference the reference code the chat was started from (a page code), an identifier of 1 to 40 characters, or {@code null}
     * @param lastInboundAt when the contact last wrote; opens the 24-hour customer-service window; {@code null} before the contact wrote
     * @param createdAt when it started
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version, 1 when new
     */
    public Conversation {
        Checks.notNull(id, "id");
        Checks.notNull(number, "number");
        if (Text.identifier(contact, "contact").length() > 100) {
            throw InvalidInputException.of("contact", "must be 1 to 100 characters");
        }
        contactName = Text.optionalText(Text.truncate(contactName, 200), "contactName", 200);
        Text.identifier(requesterId, "requesterId");
        Checks.notNull(status, "status");
        if (status == ConversationStatus.ESCALATED && ticketId == null) {
            throw InvalidInputException.of("ticketId", "is required for an ESCALATED conversation");
        }
        if (reference != null && Text.identifier(reference, "reference").length() > 40) {
            throw InvalidInputException.of("reference", "must be 1 to 40 characters");
        }
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1, was " + version);
        }
    }

    /** @return the ticket it is joined to, if any */
    public Optional<TicketId> ticket() {
        return Optional.ofNullable(ticketId);
    }

    /**
     * @param at   when the contact wrote
     * @param name the contact's current profile name, or {@code null} to keep the known one
     * @return a copy recording an inbound message
     */
    public Conversation receivedAt(Instant at, String name) {
        return new Conversation(id, number, contact, name == null ? contactName : name, requesterId, status, ticketId,
                reference, at, createdAt, at, version);
    }

    /**
     * @param at when
     * @return a copy changed at {@code at}
     */
    public Conversation touchedAt(Instant at) {
        return new Conversation(id, number, contact, contactName, requesterId, status, ticketId, reference,
                lastInboundAt, createdAt, at, version);
    }

    /**
     * @param ticket the ticket
     * @param at     when
     * @return a copy joined to the ticket, ESCALATED
     */
    public Conversation escalatedTo(TicketId ticket, Instant at) {
        return new Conversation(id, number, contact, contactName, requesterId, ConversationStatus.ESCALATED,
                Checks.notNull(ticket, "ticket"), reference, lastInboundAt, createdAt, at, version);
    }

    /**
     * @param at when
     * @return a copy CLOSED
     */
    public Conversation closedAt(Instant at) {
        return new Conversation(id, number, contact, contactName, requesterId, ConversationStatus.CLOSED, ticketId,
                reference, lastInboundAt, createdAt, at, version);
    }

    /**
     * @param newVersion the version the store wrote
     * @return a copy at that version
     */
    public Conversation withVersion(long newVersion) {
        return new Conversation(id, number, contact, contactName, requesterId, status, ticketId, reference,
                lastInboundAt, createdAt, updatedAt, newVersion);
    }

    /** Masks the contact, so a conversation can be logged. */
    @Override
    public String toString() {
        return "Conversation[number=" + number + ", contact=" + PhoneMasking.mask(contact) + ", status=" + status
                + ", ticketId=" + ticketId + ", version=" + version + "]";
    }
}
