package za.co.proconnectsa.support.testing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * A {@link TicketStore} that passes every call to another one, for tests that change what a few calls do: fail
 * the next inserts as a lost database would, let another writer win a version race before an update, or hide the
 * delegate's other SPIs. Override the methods to change and leave the rest.
 *
 * <pre>{@code
 * TicketStore flaky = new ForwardingTicketStore(InMemoryTicketStore.create()) {
 *     @Override
 *     public InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key) {
 *         throw new StoreUnavailableException("The database went away (simulated)", null);
 *     }
 * };
 * }</pre>
 *
 * <p>It implements {@link TicketStore} only, whatever else the delegate implements: a subclass that should also
 * be an {@link za.co.proconnectsa.support.spi.EventOutbox} or a
 * {@link za.co.proconnectsa.support.spi.ConversationStore} implements those itself.
 */
public class ForwardingTicketStore implements TicketStore {

    private final TicketStore delegate;

    /** @param delegate the store that answers every call not overridden */
    public ForwardingTicketStore(TicketStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** @return the store that answers every call not overridden */
    protected TicketStore delegate() {
        return delegate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return delegate.inTransaction(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        delegate.afterCommit(action);
    }

    @Override
    public Optional<Ticket> recordIdempotencyKey(IdempotencyKey key, TicketId ticket) {
        return delegate.recordIdempotencyKey(key, ticket);
    }

    @Override
    public TicketChanges changesSince(ChangeCursor after, int limit) {
        return delegate.changesSince(after, limit);
    }

    @Override
    public ChangeCursor latestChange() {
        return delegate.latestChange();
    }

    @Override
    public long nextSequence() {
        return delegate.nextSequence();
    }

    @Override
    public InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key) {
        return delegate.insert(ticket, events, key);
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
    public List<Ticket> findByIds(java.util.Collection<TicketId> ids) {
        return delegate.findByIds(ids);
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
}
