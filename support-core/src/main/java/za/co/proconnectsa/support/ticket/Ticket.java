package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.internal.PhoneMasking;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * A support ticket as stored. Immutable: every change produces a new value with a higher
 * {@link #version()}.
 *
 * @param id               the internal identity
 * @param number           the number people quote
 * @param subject          a one-line summary
 * @param body             the requester's description as submitted
 * @param category         what it is about
 * @param priority         how urgent it is
 * @param status           where it is in its life
 * @param origin           the channel it came in on
 * @param requesterId      the host's id of the person the ticket is for, an identifier ({@link za.co.proconnectsa.support.TextRules})
 * @param assigneeId       the host's id of the agent working on it (an identifier), or {@code null}
 * @param tags             free labels, lower case
 * @param attachments      files attached at submission
 * @param fingerprint      a hash of the normalised subject and body, used to find duplicate submissions
 * @param createdAt        when it was submitted
 * @param updatedAt        when it last changed
 * @param firstRespondedAt when support first replied publicly, or {@code null}
 * @param version          the optimistic-locking version, 1 after submission
 */
public record Ticket(
        TicketId id,
        TicketNumber number,
        String subject,
        String body,
        Category category,
        Priority priority,
        TicketStatus status,
        OriginChannel origin,
        String requesterId,
        String assigneeId,
        Set<String> tags,
        List<Attachment> attachments,
        String fingerprint,
        Instant createdAt,
        Instant updatedAt,
        Instant firstRespondedAt,
        long version) {

    /**
     * Checks the required components, that subject and body are text every store keeps and that the ids are
     * identifiers ({@link za.co.proconnectsa.support.TextRules}), and copies the collections.
     *
     * @param id the internal identity
     * @param number the number people quote
     * @param subject a one-line summary
     * @param body the requester's description as submitted
     * @param category what it is about
     * @param priority how urgent it is
     * @param status where it is in its life
     * @param origin the channel it came in on
     * @param requesterId the host's id of the person the ticket is for, an identifier ({@link za.co.proconnectsa.support.TextRules})
     * @param assigneeId the host's id of the agent working on it (an identifier), or {@code null}
     * @param tags free labels, lower case
     * @param attachments files attached at submission
     * @param fingerprint a hash of the normalised subject and body, used to find duplicate submissions
     * @param createdAt when it was submitted
     * @param updatedAt when it last changed
     * @param firstRespondedAt when support first replied publicly, or {@code null}
     * @param version the optimistic-locking version, 1 after submission
     * @throws InvalidInputException when a component is missing or refused
     */
    public Ticket {
        Checks.notNull(id, "id");
        Checks.notNull(number, "number");
        Text.optionalText(Checks.notNull(subject, "subject"), "subject", Integer.MAX_VALUE);
        Text.optionalText(Checks.notNull(body, "body"), "body", Integer.MAX_VALUE);
        Checks.notNull(category, "category");
        Checks.notNull(priority, "priority");
        Checks.notNull(status, "status");
        Checks.notNull(origin, "origin");
        Text.identifier(requesterId, "requesterId");
        Text.optionalIdentifier(assigneeId, "assigneeId");
        Checks.notNull(fingerprint, "fingerprint");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        tags = Set.copyOf(tags);
        attachments = List.copyOf(attachments);
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1, was " + version);
        }
    }

    /** @return the assigned agent's id, if any */
    public Optional<String> assignee() {
        return Optional.ofNullable(assigneeId);
    }

    /** @return when support first replied publicly, if it has */
    public Optional<Instant> firstResponse() {
        return Optional.ofNullable(firstRespondedAt);
    }

    /**
     * @param actor someone acting on the ticket
     * @return whether the actor is the person the ticket is for
     */
    public boolean isRequestedBy(Actor actor) {
        return requesterId.equals(actor.id());
    }

    /**
     * @param newStatus the new status
     * @param at        when it changed
     * @return a copy with the status changed (the version is set by the store)
     */
    public Ticket withStatus(TicketStatus newStatus, Instant at) {
        return new Ticket(id, number, subject, body, category, priority, newStatus, origin, requesterId,
                assigneeId, tags, attachments, fingerprint, createdAt, at, firstRespondedAt, version);
    }

    /**
     * @param newAssigneeId the agent's id, or {@code null} to unassign
     * @param at            when it changed
     * @return a copy with the assignee changed
     */
    public Ticket withAssignee(String newAssigneeId, Instant at) {
        return new Ticket(id, number, subject, body, category, priority, status, origin, requesterId,
                newAssigneeId, tags, attachments, fingerprint, createdAt, at, firstRespondedAt, version);
    }

    /**
     * @param at when support first replied publicly
     * @return a copy with the first response recorded (unchanged if already set)
     */
    public Ticket withFirstResponse(Instant at) {
        return new Ticket(id, number, subject, body, category, priority, status, origin, requesterId,
                assigneeId, tags, attachments, fingerprint, createdAt, updatedAt,
                firstRespondedAt == null ? at : firstRespondedAt, version);
    }

    /**
     * @param at when it changed
     * @return a copy with {@code updatedAt} set, e.g. after a reply
     */
    public Ticket touchedAt(Instant at) {
        return new Ticket(id, number, subject, body, category, priority, status, origin, requesterId,
                assigneeId, tags, attachments, fingerprint, createdAt, at, firstRespondedAt, version);
    }

    /**
     * Used by stores only.
     *
     * @param newVersion the version the store wrote
     * @return a copy with the version set
     */
    public Ticket withVersion(long newVersion) {
        return new Ticket(id, number, subject, body, category, priority, status, origin, requesterId,
                assigneeId, tags, attachments, fingerprint, createdAt, updatedAt, firstRespondedAt, newVersion);
    }

    /**
     * What a person debugging needs: number, status, category, priority, channel, who asked (a phone number
     * masked), assignee and version. No internal id, fingerprint, subject or body.
     */
    @Override
    public String toString() {
        return "Ticket[" + number + ", " + status + ", " + category + ", " + priority + ", origin=" + origin
                + ", requester=" + PhoneMasking.maskIfPhone(requesterId) + ", assignee="
                + PhoneMasking.maskIfPhone(assigneeId) + ", version=" + version + "]";
    }
}
