package za.co.proconnectsa.support.whatsapp.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.queue.Job;
import java.time.Duration;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.ForwardingTicketStore;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;

/** The in-memory store, whose next ticket inserts can be made to fail as a lost database would. */
final class FlakyStore extends ForwardingTicketStore implements ConversationStore, WorkQueue {

    final InMemoryTicketStore delegate;
    final AtomicInteger failingInserts = new AtomicInteger();

    FlakyStore() {
        this(InMemoryTicketStore.create());
    }

    private FlakyStore(InMemoryTicketStore delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    @Override
    public InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key) {
        if (failingInserts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("The database went away (simulated)", null);
        }
        return delegate.insert(ticket, events, key);
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
    public boolean recordDelivery(MessageDelivery delivery) {
        return delegate.recordDelivery(delivery);
    }

    @Override
    public Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state, String detail,
            Instant at) {
        return delegate.advanceDelivery(providerMessageId, state, detail, at);
    }

    @Override
    public void saveContactIdentity(ContactIdentity identity) {
        delegate.saveContactIdentity(identity);
    }

    @Override
    public Optional<ContactIdentity> findContactIdentity(String phoneNumberOrUserId) {
        return delegate.findContactIdentity(phoneNumberOrUserId);
    }

    @Override
    public Optional<ContactIdentity> changeContactUserId(String oldUserId, String newUserId, Instant at) {
        return delegate.changeContactUserId(oldUserId, newUserId, at);
    }

    @Override
    public boolean recordPricing(String providerMessageId, DeliveryPricing pricing) {
        return delegate.recordPricing(providerMessageId, pricing);
    }

    @Override
    public Optional<DeliveryPricing> findPricing(String messageId) {
        return delegate.findPricing(messageId);
    }

    @Override
    public List<PricedMessages> pricedMessages(Instant from, Instant to) {
        return delegate.pricedMessages(from, to);
    }

    @Override
    public Optional<MessageDelivery> findDelivery(String messageId) {
        return delegate.findDelivery(messageId);
    }

    @Override
    public List<MessageDelivery> conversationDeliveries(UUID conversationId) {
        return delegate.conversationDeliveries(conversationId);
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at) {
        return delegate.enqueueJob(kind, key, payload, at);
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at, String about) {
        return delegate.enqueueJob(kind, key, payload, at, about);
    }

    @Override
    public List<Job> claimJobs(String kind, String owner, int max, Duration lease, Instant now) {
        return delegate.claimJobs(kind, owner, max, lease, now);
    }

    @Override
    public boolean renewJob(long jobId, String owner, Instant until) {
        return delegate.renewJob(jobId, owner, until);
    }

    @Override
    public boolean completeJob(long jobId, String owner, Instant at) {
        return delegate.completeJob(jobId, owner, at);
    }

    @Override
    public boolean releaseJob(long jobId, String owner, Instant retryAt, String error) {
        return delegate.releaseJob(jobId, owner, retryAt, error);
    }

    @Override
    public boolean buryJob(long jobId, String owner, String reason, Instant at) {
        return delegate.buryJob(jobId, owner, reason, at);
    }

    @Override
    public Optional<Job> findJob(String kind, String key) {
        return delegate.findJob(kind, key);
    }

    @Override
    public List<Job> deadJobs(String kind, long afterId, int limit) {
        return delegate.deadJobs(kind, afterId, limit);
    }

    @Override
    public List<Job> jobs(String kind, long afterId, int limit) {
        return delegate.jobs(kind, afterId, limit);
    }

    @Override
    public boolean retryDeadJob(long jobId) {
        return delegate.retryDeadJob(jobId);
    }

    @Override
    public long pendingJobs(String kind) {
        return delegate.pendingJobs(kind);
    }

    @Override
    public int purgeDoneJobs(String kind, Instant before) {
        return delegate.purgeDoneJobs(kind, before);
    }
}
