package za.co.proconnectsa.support.whatsapp.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketQuery;

/** The in-memory store, whose next ticket inserts can be made to fail as a lost database would. */
final class FlakyStore implements TicketStore, ConversationStore, ProcessedMessageLog {

    final InMemoryTicketStore delegate = InMemoryTicketStore.create();
    final AtomicInteger failingInserts = new AtomicInteger();

    @Override
    public InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key) {
        if (failingInserts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("The database went away (simulated)", null);
        }
        return delegate.insert(ticket, events, key);
    }

    @Override
    public long nextSequence() {
        return delegate.nextSequence();
    }

    @Override
    public Ticket update(Ticket ticket, List<Message> newMessages, List<AuditEvent> events) {
        return delegate.update(ticket, newMessages, events);
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return delegate.findByNumber(number);
    }

    @Override
    public Optional<Ticket> findByIdempotencyKey(IdempotencyKey key) {
        return delegate.findByIdempotencyKey(key);
    }

    @Override
    public List<Message> messages(TicketId id) {
        return delegate.messages(id);
    }

    @Override
    public List<AuditEvent> auditTrail(TicketId id) {
        return delegate.auditTrail(id);
    }

    @Override
    public Page<Ticket> query(TicketQuery query) {
        return delegate.query(query);
    }

    @Override
    public Optional<Ticket> findActiveDuplicate(String requesterId, String fingerprint, Instant since) {
        return delegate.findActiveDuplicate(requesterId, fingerprint, since);
    }

    @Override
    public long nextConversationSequence() {
        return delegate.nextConversationSequence();
    }

    @Override
    public ConversationInsert insertConversation(Conversation conversation, List<ConversationMessage> messages) {
        return delegate.insertConversation(conversation, messages);
    }

    @Override
    public Conversation updateConversation(Conversation conversation, List<ConversationMessage> newMessages) {
        return delegate.updateConversation(conversation, newMessages);
    }

    @Override
    public Optional<Conversation> findConversation(UUID id) {
        return delegate.findConversation(id);
    }

    @Override
    public Optional<Conversation> findConversationByNumber(String number) {
        return delegate.findConversationByNumber(number);
    }

    @Override
    public Optional<Conversation> findActiveConversation(String contact) {
        return delegate.findActiveConversation(contact);
    }

    @Override
    public Optional<Conversation> findConversationByTicket(TicketId ticketId) {
        return delegate.findConversationByTicket(ticketId);
    }

    @Override
    public Optional<ConversationMessage> findConversationMessage(String messageId) {
        return delegate.findConversationMessage(messageId);
    }

    @Override
    public List<ConversationMessage> conversationMessages(UUID id) {
        return delegate.conversationMessages(id);
    }

    @Override
    public Page<Conversation> queryConversations(ConversationQuery query) {
        return delegate.queryConversations(query);
    }

    @Override
    public int countMessages(String contact, ConversationMessage.Author author, Instant since) {
        return delegate.countMessages(contact, author, since);
    }

    @Override
    public boolean firstSeen(String messageId, Instant at) {
        return delegate.firstSeen(messageId, at);
    }

    @Override
    public void forget(String messageId) {
        delegate.forget(messageId);
    }
}
