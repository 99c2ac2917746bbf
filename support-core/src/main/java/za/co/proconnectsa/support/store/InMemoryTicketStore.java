package za.co.proconnectsa.support.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import za.co.proconnectsa.support.ConcurrentModificationException;
import za.co.proconnectsa.support.util.Checks;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.internal.InMemoryConversations;
import za.co.proconnectsa.support.internal.InMemoryOutbox;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * A thread-safe {@link TicketStore} in the JVM's memory, for tests, demos and hosts that keep no
 * history across restarts. Text search matches any case-insensitive substring of subject or body.
 * Its {@link EventOutbox} lives as long as the store: it is for tests and for hosts that want one event path.
 * It also keeps WhatsApp conversations ({@link ConversationStore}); their text search is a case-insensitive
 * substring of any message.
 */
public final class InMemoryTicketStore implements TicketStore, ProcessedMessageLog, EventOutbox, ConversationStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong sequence = new AtomicLong();
    private final NavigableMap<Long, Ticket> bySequence = new TreeMap<>();
    private final Map<TicketId, Long> sequenceById = new HashMap<>();
    private final Map<String, Long> sequenceByNumber = new HashMap<>();
    private final Map<IdempotencyKey, TicketId> idempotencyKeys = new HashMap<>();
    private final Map<TicketId, List<Message>> messages = new HashMap<>();
    private final Map<TicketId, List<AuditEvent>> audit = new HashMap<>();
    private final Map<String, Instant> processedMessages = new ConcurrentHashMap<>();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryConversations conversations = new InMemoryConversations();

    private InMemoryTicketStore() {
    }

    /** @return a new, empty store */
    public static InMemoryTicketStore create() {
        return new InMemoryTicketStore();
    }

    @Override
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    @Override
    public InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key) {
        lock.writeLock().lock();
        try {
            if (key != null && idempotencyKeys.containsKey(key)) {
                return new InsertResult.KeyAlreadyUsed(bySequence.get(sequenceById.get(idempotencyKeys.get(key))));
            }
            long seq = ticket.number().sequence();
            if (sequenceById.containsKey(ticket.id()) || bySequence.containsKey(seq)) {
                throw new IllegalArgumentException("ticket " + ticket.number() + " is already stored");
            }
            bySequence.put(seq, ticket);
            sequenceById.put(ticket.id(), seq);
            sequenceByNumber.put(ticket.number().text(), seq);
            messages.put(ticket.id(), new ArrayList<>());
            audit.put(ticket.id(), appendInTimeOrder(new ArrayList<>(), events, AuditEvent::at));
            if (key != null) {
                idempotencyKeys.put(key, ticket.id());
            }
            OutboxEntry.pending(events, List.of()).ifPresent(outbox::add);
            return new InsertResult.Inserted(ticket);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Ticket update(Ticket ticket, List<Message> newMessages, List<AuditEvent> events) {
        lock.writeLock().lock();
        try {
            Long seq = sequenceById.get(ticket.id());
            if (seq == null) {
                throw new TicketNotFoundException(ticket.number().text());
            }
            Ticket stored = bySequence.get(seq);
            if (stored.version() != ticket.version()) {
                throw new ConcurrentModificationException(stored.number().text(), ticket.version(), stored.version());
            }
            Ticket written = ticket.withVersion(stored.version() + 1);
            bySequence.put(seq, written);
            appendInTimeOrder(messages.get(ticket.id()), newMessages, Message::createdAt);
            appendInTimeOrder(audit.get(ticket.id()), events, AuditEvent::at);
            OutboxEntry.pending(events, newMessages).ifPresent(outbox::add);
            return written;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return read(() -> Optional.ofNullable(sequenceById.get(id)).map(bySequence::get));
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return read(() -> Optional.ofNullable(sequenceByNumber.get(number)).map(bySequence::get));
    }

    @Override
    public Optional<Ticket> findByIdempotencyKey(IdempotencyKey key) {
        return read(() -> Optional.ofNullable(idempotencyKeys.get(key)).map(sequenceById::get).map(bySequence::get));
    }

    @Override
    public List<Message> messages(TicketId id) {
        return read(() -> List.copyOf(messages.getOrDefault(id, List.of())));
    }

    @Override
    public List<AuditEvent> auditTrail(TicketId id) {
        return read(() -> List.copyOf(audit.getOrDefault(id, List.of())));
    }

    @Override
    public Page<Ticket> query(TicketQuery query) {
        return read(() -> {
            NavigableMap<Long, Ticket> range = bySequence;
            if (query.afterSequence().isPresent()) {
                long after = query.afterSequence().getAsLong();
                range = query.order() == TicketQuery.Order.OLDEST_FIRST
                        ? bySequence.tailMap(after, false)
                        : bySequence.headMap(after, false);
            }
            Iterable<Ticket> ordered = query.order() == TicketQuery.Order.OLDEST_FIRST
                    ? range.values()
                    : range.descendingMap().values();
            String needle = query.text().map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
            List<Ticket> items = new ArrayList<>();
            boolean more = false;
            for (Ticket t : ordered) {
                if (!matches(query, needle, t)) {
                    continue;
                }
                if (items.size() == query.limit()) {
                    more = true;
                    break;
                }
                items.add(t);
            }
            Cursor next = more ? Cursor.after(items.get(items.size() - 1).number().sequence()) : null;
            return new Page<>(items, next);
        });
    }

    @Override
    public Optional<Ticket> findActiveDuplicate(String requesterId, String fingerprint, Instant since) {
        return read(() -> bySequence.descendingMap().values().stream()
                .filter(t -> t.requesterId().equals(requesterId)
                        && t.fingerprint().equals(fingerprint)
                        && t.status().isActive()
                        && !t.createdAt().isBefore(since))
                .findFirst());
    }

    @Override
    public boolean firstSeen(String messageId, Instant at) {
        return processedMessages.putIfAbsent(Checks.notNull(messageId, "messageId"), Checks.notNull(at, "at")) == null;
    }

    @Override
    public void forget(String messageId) {
        processedMessages.remove(Checks.notNull(messageId, "messageId"));
    }

    @Override
    public int purgeProcessedBefore(Instant cutoff) {
        Checks.notNull(cutoff, "cutoff");
        int removed = 0;
        for (Map.Entry<String, Instant> e : processedMessages.entrySet()) {
            if (e.getValue().isBefore(cutoff) && processedMessages.remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
        return outbox.claim(owner, max, lease, now);
    }

    @Override
    public boolean renew(long entryId, String owner, Instant until) {
        return outbox.renew(entryId, owner, until);
    }

    @Override
    public boolean complete(long entryId, String owner) {
        return outbox.complete(entryId, owner);
    }

    @Override
    public boolean release(long entryId, String owner, Instant retryAt) {
        return outbox.release(entryId, owner, retryAt);
    }

    @Override
    public boolean deadLetter(long entryId, String owner, String reason, Instant at) {
        return outbox.deadLetter(entryId, owner, reason, at);
    }

    @Override
    public long pendingCount() {
        return outbox.pendingCount();
    }

    @Override
    public long deadLetterCount() {
        return outbox.deadLetterCount();
    }

    @Override
    public List<DeadLetter> deadLetters(long afterId, int limit) {
        return outbox.deadLetters(afterId, limit);
    }

    @Override
    public Optional<DeadLetter> findDeadLetter(long entryId) {
        return outbox.findDeadLetter(entryId);
    }

    @Override
    public boolean retryDeadLetter(long entryId) {
        return outbox.retryDeadLetter(entryId);
    }

    @Override
    public boolean deleteDeadLetter(long entryId) {
        return outbox.deleteDeadLetter(entryId);
    }

    @Override
    public long nextConversationSequence() {
        return conversations.nextConversationSequence();
    }

    @Override
    public ConversationInsert insertConversation(Conversation conversation, List<ConversationMessage> messages) {
        return conversations.insertConversation(conversation, messages);
    }

    @Override
    public Conversation updateConversation(Conversation conversation, List<ConversationMessage> newMessages) {
        return conversations.updateConversation(conversation, newMessages);
    }

    @Override
    public Optional<Conversation> findConversation(java.util.UUID id) {
        return conversations.findConversation(id);
    }

    @Override
    public Optional<Conversation> findConversationByNumber(String number) {
        return conversations.findConversationByNumber(number);
    }

    @Override
    public Optional<Conversation> findActiveConversation(String contact) {
        return conversations.findActiveConversation(contact);
    }

    @Override
    public Optional<Conversation> findConversationByTicket(TicketId ticketId) {
        return conversations.findConversationByTicket(ticketId);
    }

    @Override
    public Optional<ConversationMessage> findConversationMessage(String messageId) {
        return conversations.findConversationMessage(messageId);
    }

    @Override
    public List<ConversationMessage> conversationMessages(java.util.UUID id) {
        return conversations.conversationMessages(id);
    }

    @Override
    public Page<Conversation> queryConversations(ConversationQuery query) {
        return conversations.queryConversations(query);
    }

    @Override
    public int countMessages(String contact, ConversationMessage.Author author, Instant since) {
        return conversations.countMessages(contact, author, since);
    }

    private static boolean matches(TicketQuery q, String needle, Ticket t) {
        return (q.statuses().isEmpty() || q.statuses().contains(t.status()))
                && (q.categories().isEmpty() || q.categories().contains(t.category()))
                && (q.priorities().isEmpty() || q.priorities().contains(t.priority()))
                && (q.origins().isEmpty() || q.origins().contains(t.origin()))
                && q.assigneeId().map(a -> a.equals(t.assigneeId())).orElse(true)
                && (!q.unassignedOnly() || t.assigneeId() == null)
                && q.requesterId().map(r -> r.equals(t.requesterId())).orElse(true)
                && (needle == null
                    || t.subject().toLowerCase(Locale.ROOT).contains(needle)
                    || t.body().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** Keeps lists oldest first; the sort is stable, so equal instants keep insertion order. */
    private static <T> List<T> appendInTimeOrder(List<T> list, List<T> added, Function<T, Instant> time) {
        list.addAll(added);
        list.sort(Comparator.comparing(time));
        return list;
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
