package za.co.proconnectsa.support.spi;

import java.util.List;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * What a store holds about one data subject ({@link DataSubjectStore#findDataSubjectRecords}).
 *
 * @param tickets              tickets filed under one of their requester ids, or joined to one of their conversations,
 *                             oldest first
 * @param messages             every message on those tickets, and every message they wrote elsewhere
 * @param auditEvents          every audit entry of those tickets, and every entry they are the actor of
 * @param conversations        conversations filed under one of their requester ids or held with one of their contacts
 * @param conversationMessages every line of those conversations
 * @param pendingOutbox        outbox entries not yet delivered of those tickets or with them as actor
 * @param deadOutbox           outbox entries given up on of those tickets or with them as actor, by id; a store finds
 *                             them with the same predicate as {@code pendingOutbox}, never by reading every dead entry
 * @param consent              consent-ledger lines of their contacts, oldest first
 * @param requests             earlier requests about them
 */
public record DataSubjectRecords(List<Ticket> tickets, List<Message> messages, List<AuditEvent> auditEvents,
        List<Conversation> conversations, List<ConversationMessage> conversationMessages,
        List<OutboxEntry> pendingOutbox, List<DeadLetter> deadOutbox, List<ConsentEntry> consent, List<DataSubjectRequest> requests) {

    /**
     * Copies the lists.
     *
     * @param tickets tickets filed under one of their requester ids, or joined to one of their conversations, oldest first
     * @param messages every message on those tickets, and every message they wrote elsewhere
     * @param auditEvents every audit entry of those tickets, and every entry they are the actor of
     * @param conversations conversations filed under one of their requester ids or held with one of their contacts
     * @param conversationMessages every line of those conversations
     * @param pendingOutbox outbox entries not yet delivered of those tickets or with them as actor
     * @param deadOutbox outbox entries given up on of those tickets or with them as actor, by id
     * @param consent consent-ledger lines of their contacts, oldest first
     * @param requests earlier requests about them
     */
    public DataSubjectRecords {
        tickets = List.copyOf(tickets);
        messages = List.copyOf(messages);
        auditEvents = List.copyOf(auditEvents);
        conversations = List.copyOf(conversations);
        conversationMessages = List.copyOf(conversationMessages);
        pendingOutbox = List.copyOf(pendingOutbox);
        deadOutbox = List.copyOf(deadOutbox);
        consent = List.copyOf(consent);
        requests = List.copyOf(requests);
    }
}
