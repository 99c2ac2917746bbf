package za.co.proconnectsa.support.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.internal.InMemoryRoster;
import za.co.proconnectsa.support.internal.InMemoryConversations;
import za.co.proconnectsa.support.internal.InMemorySlaSchedules;
import za.co.proconnectsa.support.internal.InMemoryOutbox;
import za.co.proconnectsa.support.internal.InMemoryWorkQueue;
import za.co.proconnectsa.support.internal.UndoLog;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.DataSubjectRecords;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.spi.Redaction;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.spi.AlreadyStoredException;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.internal.InMemoryAnalytics;
import za.co.proconnectsa.support.internal.InMemorySurveys;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * A thread-safe {@link TicketStore} in the JVM's memory, for tests, demos and hosts that keep no
 * history across restarts. Text search matches any case-insensitive substring of subject or body.
 * Its {@link EventOutbox} lives as long as the store: it is for tests and for hosts that want one event path.
 * It also keeps WhatsApp conversations ({@link ConversationStore}); their text search is a case-insensitive
 * substring of any message; and the agent roster of automatic assignment ({@link AgentRoster}), whose loads it counts
 * by going over every ticket; and the records of data subjects ({@link DataSubjectStore}: consent ledger, requests).
 *
 * <p>A unit of work ({@link #inTransaction}) holds the store's write lock from start to end, so units run one at a
 * time and nobody reads a unit's writes before it ends; a unit that throws has each of its writes taken back.
 */
public final class InMemoryTicketStore implements TicketStore, ProcessedMessageLog, EventOutbox, ConversationStore,
        WorkQueue, SlaStore, AgentRoster, AnalyticsStore, DataSubjectStore, SatisfactionStore,
        za.co.proconnectsa.support.spi.ConversationSurveyStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InMemoryTicketStore.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong sequence = new AtomicLong();
    private final NavigableMap<Long, Ticket> bySequence = new TreeMap<>();
    private final Map<TicketId, Long> sequenceById = new HashMap<>();
    private final Map<String, Long> sequenceByNumber = new HashMap<>();
    private final Map<IdempotencyKey, TicketId> idempotencyKeys = new HashMap<>();
    private final Map<TicketId, List<Message>> messages = new HashMap<>();
    private final Map<TicketId, List<AuditEvent>> audit = new HashMap<>();
    private final Map<String, Instant> processedMessages = new ConcurrentHashMap<>();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final Map<TicketId, Long> changeById = new HashMap<>();
    private final NavigableMap<Long, TicketId> byChange = new TreeMap<>();
    private long changeCounter;
    private final UndoLog undo = new UndoLog();
    private final InMemoryConversations conversations = new InMemoryConversations(undo);
    private final InMemorySlaSchedules slaSchedules = new InMemorySlaSchedules(undo);
    private final InMemorySurveys surveys = new InMemorySurveys(undo);
    private final za.co.proconnectsa.support.internal.InMemoryConversationSurveys conversationSurveys =
            new za.co.proconnectsa.support.internal.InMemoryConversationSurveys(undo);
    private final InMemoryWorkQueue jobs = new InMemoryWorkQueue(undo);
    private final InMemoryRoster roster = new InMemoryRoster(undo);
    private final List<ConsentEntry> consent = new ArrayList<>();
    private final List<DataSubjectRequest> subjectRequests = new ArrayList<>();

    private InMemoryTicketStore() {
    }

    /** @return a new, empty store */
    public static InMemoryTicketStore create() {
        return new InMemoryTicketStore();
    }

    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        Checks.notNull(work, "work");
        if (lock.isWriteLockedByCurrentThread() && undo.active()) {
            return work.get();
        }
        List<Runnable> afterCommit;
        T result;
        lock.writeLock().lock();
        try {
            undo.begin();
            try {
                result = work.get();
            } catch (Throwable e) {
                // any Throwable, checked ones thrown past the compiler included: a unit that did not finish is undone
                undo.rollback();
                throw e;
            }
            afterCommit = undo.commit();
        } finally {
            lock.writeLock().unlock();
        }
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the unit is committed: a failing notification must neither undo it nor stop the others
                LOG.warn("An after-commit action failed; the unit of work is committed", e);
            }
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Checks.notNull(action, "action");
        if (!(lock.isWriteLockedByCurrentThread() && undo.deferUntilCommit(action))) {
            action.run();
        }
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
            if (sequenceById.containsKey(ticket.id()) || bySequence.containsKey(seq)
                    || sequenceByNumber.containsKey(ticket.number().text())) {
                throw new AlreadyStoredException("ticket " + ticket.number());
            }
            bySequence.put(seq, ticket);
            changed(ticket.id());
            sequenceById.put(ticket.id(), seq);
            sequenceByNumber.put(ticket.number().text(), seq);
            messages.put(ticket.id(), new ArrayList<>());
            audit.put(ticket.id(), appendInTimeOrder(new ArrayList<>(), events, AuditEvent::at));
            if (key != null) {
                idempotencyKeys.put(key, ticket.id());
            }
            List<Long> entry = addToOutbox(events, List.of());
            undo.record(() -> {
                bySequence.remove(seq);
                sequenceById.remove(ticket.id());
                sequenceByNumber.remove(ticket.number().text());
                messages.remove(ticket.id());
                audit.remove(ticket.id());
                if (key != null) {
                    idempotencyKeys.remove(key);
                }
                removeFromOutbox(entry);
            });
            return new InsertResult.Inserted(ticket);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Ticket> recordIdempotencyKey(IdempotencyKey key, TicketId ticket) {
        Checks.notNull(key, "key");
        Checks.notNull(ticket, "ticket");
        lock.writeLock().lock();
        try {
            Long seq = sequenceById.get(ticket);
            if (seq == null) {
                throw new TicketNotFoundException(ticket.toString());
            }
            TicketId owner = idempotencyKeys.get(key);
            if (owner != null) {
                return Optional.of(bySequence.get(sequenceById.get(owner)));
            }
            idempotencyKeys.put(key, ticket);
            undo.record(() -> idempotencyKeys.remove(key));
            return Optional.empty();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Gives a ticket the next change position; runs under the write lock. */
    private void changed(TicketId id) {
        long position = ++changeCounter;
        Long before = changeById.put(id, position);
        if (before != null) {
            byChange.remove(before);
        }
        byChange.put(position, id);
        undo.record(() -> {
            byChange.remove(position);
            if (before == null) {
                changeById.remove(id);
            } else {
                changeById.put(id, before);
                byChange.put(before, id);
            }
        });
    }

    @Override
    public TicketChanges changesSince(ChangeCursor after, int limit) {
        Checks.notNull(after, "after");
        Checks.between(limit, 1, 1000, "limit");
        return read(() -> {
            List<Ticket> items = new ArrayList<>();
            long last = after.position();
            for (Map.Entry<Long, TicketId> e : byChange.tailMap(after.position(), false).entrySet()) {
                if (items.size() == limit) {
                    return new TicketChanges(items, ChangeCursor.after(last), true);
                }
                items.add(bySequence.get(sequenceById.get(e.getValue())));
                last = e.getKey();
            }
            return new TicketChanges(items, ChangeCursor.after(last), false);
        });
    }

    @Override
    public ChangeCursor latestChange() {
        return read(() -> ChangeCursor.after(changeCounter));
    }

    private List<Long> addToOutbox(List<AuditEvent> events, List<Message> newMessages) {
        List<Long> ids = new ArrayList<>();
        for (OutboxEntry.Pending pending : OutboxEntry.pending(events, newMessages)) {
            ids.add(outbox.add(pending));
        }
        return ids;
    }

    private void removeFromOutbox(List<Long> entries) {
        entries.forEach(outbox::remove);
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
                throw new ConcurrentUpdateException(stored.number().text(), ticket.version(), stored.version());
            }
            Ticket written = ticket.withVersion(stored.version() + 1);
            if (undo.active()) {
                List<Message> messagesBefore = List.copyOf(messages.get(ticket.id()));
                List<AuditEvent> auditBefore = List.copyOf(audit.get(ticket.id()));
                undo.record(() -> {
                    bySequence.put(seq, stored);
                    messages.put(ticket.id(), new ArrayList<>(messagesBefore));
                    audit.put(ticket.id(), new ArrayList<>(auditBefore));
                });
            }
            bySequence.put(seq, written);
            changed(ticket.id());
            appendInTimeOrder(messages.get(ticket.id()), newMessages, Message::createdAt);
            appendInTimeOrder(audit.get(ticket.id()), events, AuditEvent::at);
            List<Long> entry = addToOutbox(events, newMessages);
            undo.record(() -> removeFromOutbox(entry));
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
        Checks.notNull(messageId, "messageId");
        Checks.notNull(at, "at");
        return write(() -> {
            boolean added = processedMessages.putIfAbsent(messageId, at) == null;
            if (added) {
                undo.record(() -> processedMessages.remove(messageId));
            }
            return added;
        });
    }

    @Override
    public void forget(String messageId) {
        Checks.notNull(messageId, "messageId");
        write(() -> {
            Instant seen = processedMessages.remove(messageId);
            if (seen != null) {
                undo.record(() -> processedMessages.put(messageId, seen));
            }
            return null;
        });
    }

    @Override
    public int purgeProcessedBefore(Instant cutoff) {
        Checks.notNull(cutoff, "cutoff");
        return write(() -> {
            int removed = 0;
            for (var it = processedMessages.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Instant> e = it.next();
                if (e.getValue().isBefore(cutoff)) {
                    it.remove();
                    undo.record(() -> processedMessages.put(e.getKey(), e.getValue()));
                    removed++;
                }
            }
            return removed;
        });
    }

    @Override
    public List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
        return write(() -> outbox.claim(owner, max, lease, now));
    }

    @Override
    public boolean renew(long entryId, String owner, Instant until) {
        return write(() -> outbox.renew(entryId, owner, until));
    }

    @Override
    public boolean complete(long entryId, String owner) {
        return write(() -> outbox.complete(entryId, owner));
    }

    @Override
    public boolean release(long entryId, String owner, Instant retryAt) {
        return write(() -> outbox.release(entryId, owner, retryAt));
    }

    @Override
    public boolean deadLetter(long entryId, String owner, String reason, Instant at) {
        return write(() -> outbox.deadLetter(entryId, owner, reason, at));
    }

    @Override
    public long pendingCount() {
        return read(() -> outbox.pendingCount());
    }

    @Override
    public long deadLetterCount() {
        return read(() -> outbox.deadLetterCount());
    }

    @Override
    public List<DeadLetter> deadLetters(long afterId, int limit) {
        return read(() -> outbox.deadLetters(afterId, limit));
    }

    @Override
    public Optional<DeadLetter> findDeadLetter(long entryId) {
        return read(() -> outbox.findDeadLetter(entryId));
    }

    @Override
    public boolean retryDeadLetter(long entryId) {
        return write(() -> outbox.retryDeadLetter(entryId));
    }

    @Override
    public boolean deleteDeadLetter(long entryId) {
        return write(() -> outbox.deleteDeadLetter(entryId));
    }

    @Override
    public long nextConversationSequence() {
        return conversations.nextConversationSequence();
    }

    @Override
    public ConversationInsert insertConversation(Conversation conversation, List<ConversationMessage> messages) {
        return write(() -> conversations.insertConversation(conversation, messages));
    }

    @Override
    public Conversation updateConversation(Conversation conversation, List<ConversationMessage> newMessages) {
        return write(() -> conversations.updateConversation(conversation, newMessages));
    }

    @Override
    public Optional<Conversation> findConversation(java.util.UUID id) {
        return read(() -> conversations.findConversation(id));
    }

    @Override
    public Optional<Conversation> findConversationByNumber(String number) {
        return read(() -> conversations.findConversationByNumber(number));
    }

    @Override
    public Optional<Conversation> findActiveConversation(String contact) {
        return read(() -> conversations.findActiveConversation(contact));
    }

    @Override
    public Optional<Conversation> findConversationByTicket(TicketId ticketId) {
        return read(() -> conversations.findConversationByTicket(ticketId));
    }

    @Override
    public Optional<ConversationMessage> findConversationMessage(String messageId) {
        return read(() -> conversations.findConversationMessage(messageId));
    }

    @Override
    public List<ConversationMessage> conversationMessages(java.util.UUID id) {
        return read(() -> conversations.conversationMessages(id));
    }

    @Override
    public Page<Conversation> queryConversations(ConversationQuery query) {
        return read(() -> conversations.queryConversations(query));
    }

    @Override
    public int countMessages(String contact, ConversationMessage.Author author, Instant since) {
        return read(() -> conversations.countMessages(contact, author, since));
    }

    @Override
    public boolean recordDelivery(MessageDelivery delivery) {
        return write(() -> conversations.recordDelivery(delivery));
    }

    @Override
    public Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state, String detail,
            Instant at) {
        return write(() -> conversations.advanceDelivery(providerMessageId, state, detail, at));
    }

    @Override
    public void saveContactIdentity(ContactIdentity identity) {
        write(() -> {
            conversations.saveContactIdentity(identity);
            return null;
        });
    }

    @Override
    public Optional<ContactIdentity> findContactIdentity(String phoneNumberOrUserId) {
        return read(() -> conversations.findContactIdentity(phoneNumberOrUserId));
    }

    @Override
    public Optional<ContactIdentity> changeContactUserId(String oldUserId, String newUserId, Instant at) {
        return write(() -> conversations.changeContactUserId(oldUserId, newUserId, at));
    }

    @Override
    public boolean recordPricing(String providerMessageId, DeliveryPricing pricing) {
        return write(() -> conversations.recordPricing(providerMessageId, pricing));
    }

    @Override
    public Optional<DeliveryPricing> findPricing(String messageId) {
        return read(() -> conversations.findPricing(messageId));
    }

    @Override
    public List<PricedMessages> pricedMessages(Instant from, Instant to) {
        return read(() -> conversations.pricedMessages(from, to));
    }

    @Override
    public Optional<MessageDelivery> findDelivery(String messageId) {
        return read(() -> conversations.findDelivery(messageId));
    }

    @Override
    public List<MessageDelivery> conversationDeliveries(UUID conversationId) {
        return read(() -> conversations.conversationDeliveries(conversationId));
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at) {
        return write(() -> jobs.enqueueJob(kind, key, payload, at));
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at, String about) {
        return write(() -> jobs.enqueueJob(kind, key, payload, at, about));
    }

    @Override
    public List<Job> claimJobs(String kind, String owner, int max, Duration lease, Instant now) {
        return write(() -> jobs.claimJobs(kind, owner, max, lease, now));
    }

    @Override
    public boolean renewJob(long jobId, String owner, Instant until) {
        return write(() -> jobs.renewJob(jobId, owner, until));
    }

    @Override
    public boolean completeJob(long jobId, String owner, Instant at) {
        return write(() -> jobs.completeJob(jobId, owner, at));
    }

    @Override
    public boolean releaseJob(long jobId, String owner, Instant retryAt, String error) {
        return write(() -> jobs.releaseJob(jobId, owner, retryAt, error));
    }

    @Override
    public boolean buryJob(long jobId, String owner, String reason, Instant at) {
        return write(() -> jobs.buryJob(jobId, owner, reason, at));
    }

    @Override
    public Optional<Job> findJob(String kind, String key) {
        return read(() -> jobs.findJob(kind, key));
    }

    @Override
    public List<Job> deadJobs(String kind, long afterId, int limit) {
        return read(() -> jobs.deadJobs(kind, afterId, limit));
    }

    @Override
    public List<Job> jobs(String kind, long afterId, int limit) {
        return read(() -> jobs.jobs(kind, afterId, limit));
    }

    @Override
    public boolean retryDeadJob(long jobId) {
        return write(() -> jobs.retryDeadJob(jobId));
    }

    @Override
    public long pendingJobs(String kind) {
        return read(() -> jobs.pendingJobs(kind));
    }

    @Override
    public int purgeDoneJobs(String kind, Instant before) {
        return write(() -> jobs.purgeDoneJobs(kind, before));
    }

    @Override
    public void saveAgent(Agent agent) {
        write(() -> {
            roster.save(agent);
            return null;
        });
    }

    @Override
    public Optional<Agent> findAgent(String agentId) {
        return read(() -> roster.find(agentId));
    }

    @Override
    public List<Agent> agents() {
        return read(roster::all);
    }

    @Override
    public Optional<Agent> changePresence(String agentId, Presence presence) {
        return write(() -> roster.changePresence(agentId, presence));
    }

    @Override
    public List<AgentWorkload> lockAvailableAgents() {
        // a unit of work holds the write lock to its end: nobody else decides meanwhile
        return write(() -> roster.available(bySequence.values()));
    }

    @Override
    public Map<String, Integer> assignmentsSince(java.util.Collection<String> agentIds, Instant since) {
        return read(() -> roster.assignmentsSince(agentIds, since, audit.values()));
    }

    @Override
    public Optional<String> lockRotation(String rotation) {
        return write(() -> roster.rotation(rotation));
    }

    @Override
    public void moveRotation(String rotation, String agentId) {
        write(() -> {
            roster.moveRotation(rotation, agentId);
            return null;
        });
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

    @Override
    public void saveSlaSchedule(TicketId ticketId, Instant nextDue, Instant nextCheck) {
        write(() -> {
            slaSchedules.save(ticketId, nextDue, nextCheck);
            return null;
        });
    }

    @Override
    public List<TicketId> claimSlaChecks(Instant now, Duration lease, int max) {
        return write(() -> slaSchedules.claim(now, lease, max));
    }

    @Override
    public boolean markSlaEvent(TicketId ticketId, String eventKey, Instant at) {
        Checks.notNull(at, "at");
        return write(() -> slaSchedules.mark(ticketId, eventKey));
    }

    @Override
    public List<TicketId> ticketsDueBy(Instant until, int limit) {
        return read(() -> slaSchedules.dueBy(until, limit));
    }

    @Override
    public Map<TicketId, SlaTimeline> slaTimelines(Collection<Ticket> tickets) {
        Checks.notNull(tickets, "tickets");
        return read(() -> {
            Map<TicketId, SlaTimeline> out = new LinkedHashMap<>();
            for (Ticket t : tickets) {
                out.put(t.id(), SlaTimeline.ofTicket(t, messages.getOrDefault(t.id(), List.of()),
                        audit.getOrDefault(t.id(), List.of())));
            }
            return out;
        });
    }

    @Override
    public void recordTicketEvents(TicketId ticketId, List<AuditEvent> events) {
        Checks.notNull(ticketId, "ticketId");
        List<AuditEvent> added = List.copyOf(Checks.notNull(events, "events"));
        write(() -> {
            List<AuditEvent> trail = audit.get(ticketId);
            if (trail == null) {
                throw new TicketNotFoundException(ticketId.toString());
            }
            List<AuditEvent> before = List.copyOf(trail);
            undo.record(() -> audit.put(ticketId, new ArrayList<>(before)));
            appendInTimeOrder(trail, added, AuditEvent::at);
            List<Long> entries = addToOutbox(added, List.of());
            undo.record(() -> removeFromOutbox(entries));
            return null;
        });
    }

    /** Analytics over the store as it is now; the read lock keeps writers out while one aggregate is computed. */
    private <T> T analytics(Function<InMemoryAnalytics, T> aggregate) {
        return read(() -> aggregate.apply(new InMemoryAnalytics(bySequence.values(),
                id -> messages.getOrDefault(id, List.of()), id -> audit.getOrDefault(id, List.of()),
                conversations.allConversations(), conversations::conversationMessages)));
    }

    @Override
    public List<AnalyticsStore.TicketCount> ticketCounts(AnalyticsQuery query) {
        return analytics(a -> a.ticketCounts(query));
    }

    @Override
    public java.util.SortedMap<Long, Long> requestsByQuarterHour(AnalyticsQuery query) {
        return analytics(a -> a.requestsByQuarterHour(query));
    }

    @Override
    public AnalyticsStore.ConversationCounts conversationCounts(AnalyticsQuery query) {
        return analytics(a -> a.conversationCounts(query));
    }

    @Override
    public AnalyticsStore.SpanStats spanStats(AnalyticsQuery query, AnalyticsStore.Span span) {
        return analytics(a -> a.spanStats(query, span));
    }

    @Override
    public void forEachSpan(AnalyticsQuery query, AnalyticsStore.Span span,
            java.util.function.BiConsumer<Instant, Instant> each) {
        List<Instant[]> spans = new ArrayList<>();
        analytics(a -> {
            a.forEachSpan(query, span, (from, to) -> spans.add(new Instant[] {from, to}));
            return null;
        });
        // called outside the lock: the caller's work never holds up writers
        spans.forEach(s -> each.accept(s[0], s[1]));
    }

    @Override
    public AnalyticsStore.SatisfactionCounts satisfactionCounts(AnalyticsQuery query) {
        return analytics(a -> a.satisfactionCounts(query));
    }

    @Override
    public boolean openSurvey(SatisfactionSurvey survey) {
        return write(() -> surveys.open(survey));
    }

    @Override
    public Optional<SatisfactionSurvey> findSurvey(TicketId ticketId) {
        return read(() -> surveys.find(ticketId));
    }

    @Override
    public Optional<Instant> lastSurveyAsked(String requesterId) {
        return read(() -> surveys.lastAsked(requesterId));
    }

    @Override
    public boolean recordAnswer(TicketId ticketId, int score, String comment, Instant at) {
        return write(() -> surveys.answer(ticketId, score, comment, at));
    }

    @Override
    public boolean openConversationSurvey(za.co.proconnectsa.support.satisfaction.ConversationSurvey survey) {
        return write(() -> conversationSurveys.open(survey));
    }

    @Override
    public Optional<za.co.proconnectsa.support.satisfaction.ConversationSurvey> findConversationSurvey(UUID surveyId) {
        return read(() -> conversationSurveys.find(surveyId));
    }

    @Override
    public Optional<za.co.proconnectsa.support.satisfaction.ConversationSurvey> findConversationSurveyOf(
            UUID conversationId) {
        return read(() -> conversationSurveys.findOf(conversationId));
    }

    @Override
    public Optional<Instant> lastConversationSurveyAsked(String contact) {
        return read(() -> conversationSurveys.lastAsked(contact));
    }

    @Override
    public boolean recordConversationAnswer(UUID surveyId, int score, String comment, Instant at) {
        return write(() -> conversationSurveys.answer(surveyId, score, comment, at));
    }

    @Override
    public AnalyticsStore.SatisfactionCounts conversationSatisfactionCounts(Instant from, Instant to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        return read(() -> conversationSurveys.counts(from, to));
    }

    @Override
    public List<AnalyticsStore.SlaCounts> slaCounts(AnalyticsQuery query) {
        return analytics(a -> a.slaCounts(query));
    }

    @Override
    public AnalyticsStore.ResolutionCounts resolutionCounts(AnalyticsQuery query) {
        return analytics(a -> a.resolutionCounts(query));
    }

    @Override
    public List<Long> backlog(AnalyticsQuery query, List<Instant> createdAfter) {
        return analytics(a -> a.backlog(query, createdAfter));
    }

    @Override
    public List<AnalyticsStore.AgentCounts> agentCounts(AnalyticsQuery query) {
        return analytics(a -> a.agentCounts(query));
    }

    @Override
    public List<AnalyticsStore.AgentSpanStats> agentSpanStats(AnalyticsQuery query, AnalyticsStore.Span span) {
        return analytics(a -> a.agentSpanStats(query, span));
    }

    @Override
    public void forEachRequestText(AnalyticsQuery query, java.util.function.Consumer<List<String>> request) {
        List<List<String>> texts = new ArrayList<>();
        analytics(a -> {
            a.forEachRequestText(query, texts::add);
            return null;
        });
        texts.forEach(request);
    }

    @Override
    public DataSubjectRecords findDataSubjectRecords(DataSubject subject) {
        Checks.notNull(subject, "subject");
        return read(() -> {
            List<Ticket> tickets = subjectTickets(subject.requesterIds(), subject.contacts());
            java.util.Set<TicketId> ids = new java.util.HashSet<>();
            tickets.forEach(t -> ids.add(t.id()));
            List<Message> found = new ArrayList<>();
            List<AuditEvent> events = new ArrayList<>();
            for (Ticket t : bySequence.values()) {
                boolean own = ids.contains(t.id());
                messages.get(t.id()).stream()
                        .filter(m -> own || subject.requesterIds().contains(m.author().id())).forEach(found::add);
                audit.get(t.id()).stream()
                        .filter(e -> own || subject.requesterIds().contains(e.actor().id())).forEach(events::add);
            }
            List<Conversation> chats = conversations.ofSubject(subject.requesterIds(), subject.contacts());
            List<ConversationMessage> lines = new ArrayList<>();
            chats.forEach(c -> lines.addAll(conversations.conversationMessages(c.id())));
            java.util.function.Predicate<OutboxEntry.Pending> theirs = p -> ids.contains(p.ticketId())
                    || subject.requesterIds().contains(p.actor().id());
            List<OutboxEntry> pending = outbox.live(theirs);
            List<ConsentEntry> ledger = consentOf(subject.contacts());
            List<DataSubjectRequest> requests = subjectRequests.stream()
                    .filter(q -> subject.requesterIds().contains(q.subjectRef())).toList();
            return new DataSubjectRecords(tickets, found, events, chats, lines, pending, outbox.dead(theirs), ledger,
                    requests);
        });
    }

    /** Tickets filed under the ids, or joined to a conversation with one of the contacts; under the lock. */
    private List<Ticket> subjectTickets(java.util.Set<String> requesterIds, java.util.Set<String> contacts) {
        java.util.Set<TicketId> joined = new java.util.HashSet<>();
        conversations.ofSubject(requesterIds, contacts).forEach(c -> {
            if (c.ticketId() != null) {
                joined.add(c.ticketId());
            }
        });
        return bySequence.values().stream()
                .filter(t -> requesterIds.contains(t.requesterId()) || joined.contains(t.id()))
                .toList();
    }

    private List<ConsentEntry> consentOf(java.util.Set<String> contacts) {
        return consent.stream().filter(c -> contacts.contains(c.contact()))
                .sorted(Comparator.comparing(ConsentEntry::at)).toList();
    }

    @Override
    public int redact(Redaction r) {
        Checks.notNull(r, "redaction");
        return write(() -> {
            int changed = 0;
            List<Ticket> tickets = subjectTickets(r.requesterIds(), r.contacts());
            java.util.Set<TicketId> ids = new java.util.HashSet<>();
            for (Ticket t : tickets) {
                ids.add(t.id());
                String subject = r.authored(t.subject());
                String body = r.authored(t.body());
                List<Attachment> files = t.attachments().stream().map(a -> redacted(a, r)).toList();
                Ticket next = new Ticket(t.id(), t.number(), subject, body, t.category(), t.priority(), t.status(),
                        t.origin(), r.requesterId(t.requesterId()), t.assigneeId(), t.tags(), files,
                        r.fingerprint(subject, body), t.createdAt(), t.updatedAt(), t.firstRespondedAt(), t.version());
                long seq = sequenceById.get(t.id());
                if (!next.equals(t)) {
                    // the version moves on, so a change read before the redaction cannot write the old text back
                    bySequence.put(seq, next.withVersion(t.version() + 1));
                    undo.record(() -> bySequence.put(seq, t));
                    changed(t.id());
                    changed++;
                }
            }
            for (Ticket t : List.copyOf(bySequence.values())) {
                boolean own = ids.contains(t.id());
                List<Message> before = messages.get(t.id());
                List<Message> after = new ArrayList<>();
                for (Message m : before) {
                    boolean theirs = r.isSubject(m.author().id());
                    if (!own && !theirs) {
                        after.add(m);
                        continue;
                    }
                    Actor author = new Actor(r.requesterId(m.author().id()), m.author().role(),
                            theirs ? r.name(m.author().displayName()) : r.text(m.author().displayName()));
                    Message next = new Message(m.id(), m.ticketId(), author,
                            theirs ? r.authored(m.body()) : r.text(m.body()), m.visibility(),
                            m.attachments().stream().map(a -> redacted(a, r)).toList(), m.createdAt());
                    changed += next.equals(m) ? 0 : 1;
                    after.add(next);
                }
                List<AuditEvent> trail = audit.get(t.id());
                List<AuditEvent> redactedTrail = new ArrayList<>();
                for (AuditEvent e : trail) {
                    boolean theirs = r.isSubject(e.actor().id());
                    if (!own && !theirs) {
                        redactedTrail.add(e);
                        continue;
                    }
                    AuditEvent next = new AuditEvent(e.ticketId(), new Actor(r.requesterId(e.actor().id()),
                            e.actor().role(), theirs ? r.name(e.actor().displayName()) : r.text(e.actor().displayName())),
                            e.action(), r.text(e.before()), r.text(e.after()), e.visibility(), e.at());
                    changed += next.equals(e) ? 0 : 1;
                    redactedTrail.add(next);
                }
                messages.put(t.id(), after);
                audit.put(t.id(), redactedTrail);
                undo.record(() -> {
                    messages.put(t.id(), before);
                    audit.put(t.id(), trail);
                });
            }
            for (IdempotencyKey key : List.copyOf(idempotencyKeys.keySet())) {
                if (r.isSubject(key.scope()) || ids.contains(idempotencyKeys.get(key))) {
                    IdempotencyKey next = new IdempotencyKey(r.requesterId(key.scope()), r.text(key.key()));
                    if (!next.equals(key)) {
                        TicketId owner = idempotencyKeys.remove(key);
                        idempotencyKeys.put(next, owner);
                        undo.record(() -> {
                            idempotencyKeys.remove(next);
                            idempotencyKeys.put(key, owner);
                        });
                        changed++;
                    }
                }
            }
            changed += conversations.redact(r);
            Map.Entry<Integer, Runnable> outboxChange = outbox.rewrite(
                    p -> ids.contains(p.ticketId()) || r.isSubject(p.actor().id()),
                    p -> new OutboxEntry.Pending(p.type(), p.ticketId(), new Actor(r.requesterId(p.actor().id()),
                            p.actor().role(), r.isSubject(p.actor().id()) ? r.name(p.actor().displayName())
                                    : r.text(p.actor().displayName())), p.at(), p.messageId(), p.slaTarget()));
            undo.record(outboxChange.getValue());
            changed += outboxChange.getKey();
            List<ConsentEntry> ledgerBefore = List.copyOf(consent);
            List<DataSubjectRequest> requestsBefore = List.copyOf(subjectRequests);
            for (int i = 0; i < consent.size(); i++) {
                ConsentEntry c = consent.get(i);
                if (r.contacts().contains(c.contact())) {
                    ConsentEntry next = new ConsentEntry(r.contact(c.contact()), c.choice(), r.text(c.source()),
                            c.recordedBy(), c.at());
                    changed += next.equals(c) ? 0 : 1;
                    consent.set(i, next);
                }
            }
            for (int i = 0; i < subjectRequests.size(); i++) {
                DataSubjectRequest q = subjectRequests.get(i);
                if (r.isSubject(q.subjectRef())) {
                    DataSubjectRequest next = new DataSubjectRequest(q.kind(), r.requesterId(q.subjectRef()), q.actor(),
                            r.text(q.reason()), q.outcome(), q.at());
                    changed += next.equals(q) ? 0 : 1;
                    subjectRequests.set(i, next);
                }
            }
            undo.record(() -> {
                consent.clear();
                consent.addAll(ledgerBefore);
                subjectRequests.clear();
                subjectRequests.addAll(requestsBefore);
            });
            changed += surveys.redact(r, ids);
            changed += conversationSurveys.redact(r);
            return changed;
        });
    }

    private static Attachment redacted(Attachment a, Redaction r) {
        return new Attachment(Text.truncate(r.authored(a.name()), 255), a.contentType(), a.sizeBytes(),
                r.text(a.reference()));
    }

    @Override
    public List<Job> findJobs(java.util.Set<String> keys) {
        return read(() -> jobs.findKeys(keys));
    }

    @Override
    public int dropJobs(java.util.Set<String> keys) {
        return write(() -> jobs.dropKeys(keys));
    }

    @Override
    public int emptyJobs(java.util.Set<String> keys, java.util.Set<String> about, String note, Instant now) {
        return write(() -> jobs.empty(keys, about, note, now));
    }

    @Override
    public int rewriteJobs(List<Job> rewritten) {
        return write(() -> jobs.rewrite(rewritten));
    }

    @Override
    public List<TicketId> purgeClosedTickets(Instant before, int max, Instant now) {
        Checks.notNull(before, "before");
        Checks.notNull(now, "now");
        Checks.between(max, 1, 1000, "max");
        return write(() -> {
            List<Ticket> doomed = bySequence.values().stream()
                    .filter(t -> t.status() == TicketStatus.CLOSED && t.updatedAt().isBefore(before))
                    .limit(max)
                    .toList();
            for (Ticket t : doomed) {
                long seq = t.number().sequence();
                List<Message> ms = messages.remove(t.id());
                List<AuditEvent> trail = audit.remove(t.id());
                bySequence.remove(seq);
                sequenceById.remove(t.id());
                sequenceByNumber.remove(t.number().text());
                Long position = changeById.remove(t.id());
                if (position != null) {
                    byChange.remove(position);
                }
                Map<IdempotencyKey, TicketId> keys = new HashMap<>();
                idempotencyKeys.entrySet().removeIf(e -> {
                    if (e.getValue().equals(t.id())) {
                        keys.put(e.getKey(), e.getValue());
                        return true;
                    }
                    return false;
                });
                undo.record(outbox.removeWhere(p -> p.ticketId().equals(t.id())));
                // its notifications, queued or sent, go with it: none may send its words after the purge
                java.util.Set<String> notified = DataSubjectStore.notificationJobKeys(t.id(), t.version(),
                        ms == null ? List.of() : ms.stream().map(Message::id).toList());
                // a send dropped before it went out says so on its line, instead of staying queued for ever
                for (String line : jobs.aboutOfKeys(notified)) {
                    conversations.findDelivery(line).filter(d -> d.state() == MessageDelivery.State.QUEUED)
                            .ifPresent(d -> conversations.recordDelivery(new MessageDelivery(line,
                                    MessageDelivery.State.FAILED, null, DataSubjectStore.PURGED_UNSENT, now)));
                }
                jobs.dropKeys(notified);
                slaSchedules.forget(t.id());
                surveys.forget(t.id());
                conversations.unlinkTicket(t.id());
                undo.record(() -> {
                    bySequence.put(seq, t);
                    sequenceById.put(t.id(), seq);
                    sequenceByNumber.put(t.number().text(), seq);
                    messages.put(t.id(), ms);
                    audit.put(t.id(), trail);
                    if (position != null) {
                        changeById.put(t.id(), position);
                        byChange.put(position, t.id());
                    }
                    idempotencyKeys.putAll(keys);
                });
            }
            return doomed.stream().map(Ticket::id).toList();
        });
    }

    @Override
    public List<java.util.UUID> purgeClosedConversations(Instant before, int max, Instant now) {
        Checks.notNull(before, "before");
        Checks.notNull(now, "now");
        Checks.between(max, 1, 1000, "max");
        return write(() -> {
            java.util.Set<String> keys = new java.util.HashSet<>();
            java.util.Set<String> lines = new java.util.HashSet<>();
            List<java.util.UUID> purged = conversations.purgeClosed(before, max, (line, providerId) -> {
                lines.add(line);
                keys.addAll(DataSubjectStore.transcriptJobKeys(line, providerId));
            });
            // the webhook bodies and sends of their lines go; the keys stay, so a redelivery is still a duplicate
            jobs.empty(keys, lines, DataSubjectStore.PURGED_JOB, now);
            purged.forEach(conversationSurveys::forget);
            return purged;
        });
    }

    @Override
    public void appendConsent(ConsentEntry entry) {
        Checks.notNull(entry, "entry");
        write(() -> {
            consent.add(entry);
            undo.record(() -> consent.remove(consent.size() - 1));
            return null;
        });
    }

    @Override
    public List<ConsentEntry> consentHistory(String contact) {
        Checks.notNull(contact, "contact");
        return read(() -> consentOf(java.util.Set.of(contact)));
    }

    @Override
    public void appendDataSubjectRequest(DataSubjectRequest request) {
        Checks.notNull(request, "request");
        write(() -> {
            subjectRequests.add(request);
            undo.record(() -> subjectRequests.remove(subjectRequests.size() - 1));
            return null;
        });
    }

    @Override
    public List<DataSubjectRequest> dataSubjectRequests(int limit) {
        Checks.between(limit, 1, 1000, "limit");
        return read(() -> {
            List<DataSubjectRequest> newest = new ArrayList<>(subjectRequests);
            java.util.Collections.reverse(newest);
            return List.copyOf(newest.subList(0, Math.min(limit, newest.size())));
        });
    }

    private <T> T write(java.util.function.Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
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
