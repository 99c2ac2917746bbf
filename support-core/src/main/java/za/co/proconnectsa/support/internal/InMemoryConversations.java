package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.spi.AlreadyStoredException;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/** The conversations of {@link za.co.proconnectsa.support.store.InMemoryTicketStore}; one lock guards all of it. */
public final class InMemoryConversations implements ConversationStore {

    private final AtomicLong sequence = new AtomicLong();
    private final NavigableMap<Long, Conversation> bySequence = new TreeMap<>();
    private final Map<UUID, Long> sequenceById = new HashMap<>();
    private final Map<String, Long> sequenceByNumber = new HashMap<>();
    private final Map<String, Long> activeByContact = new HashMap<>();
    private final Map<UUID, List<ConversationMessage>> messages = new HashMap<>();
    private final Map<String, ConversationMessage> messageIds = new HashMap<>();
    private final Map<String, MessageDelivery> deliveries = new HashMap<>();
    private final Map<String, String> lineByProviderId = new HashMap<>();
    private final Map<String, DeliveryPricing> pricing = new HashMap<>();
    private final Map<String, ContactIdentity> identities = new java.util.LinkedHashMap<>();
    private final UndoLog undo;

    /** @param undo where writes made inside the store's unit of work record how to take them back */
    public InMemoryConversations(UndoLog undo) {
        this.undo = undo;
    }

    @Override
    public long nextConversationSequence() {
        return sequence.incrementAndGet();
    }

    @Override
    public synchronized ConversationInsert insertConversation(Conversation conversation, List<ConversationMessage> first) {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(first, "messages");
        if (conversation.status().isActive() && activeByContact.containsKey(conversation.contact())) {
            return new ConversationInsert.ActiveExists(bySequence.get(activeByContact.get(conversation.contact())));
        }
        long seq = conversation.number().sequence();
        if (sequenceById.containsKey(conversation.id()) || bySequence.containsKey(seq)) {
            throw new AlreadyStoredException("conversation " + conversation.number());
        }
        checkNewIds(first);
        bySequence.put(seq, conversation);
        sequenceById.put(conversation.id(), seq);
        sequenceByNumber.put(conversation.number().text(), seq);
        if (conversation.status().isActive()) {
            activeByContact.put(conversation.contact(), seq);
        }
        messages.put(conversation.id(), new ArrayList<>());
        append(conversation.id(), first);
        undo.record(() -> {
            bySequence.remove(seq);
            sequenceById.remove(conversation.id());
            sequenceByNumber.remove(conversation.number().text());
            activeByContact.remove(conversation.contact(), seq);
            messages.remove(conversation.id());
            first.forEach(m -> messageIds.remove(m.id()));
        });
        return new ConversationInsert.Inserted(conversation);
    }

    @Override
    public synchronized Conversation updateConversation(Conversation conversation, List<ConversationMessage> newMessages) {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(newMessages, "newMessages");
        Long seq = sequenceById.get(conversation.id());
        if (seq == null) {
            throw new ConversationNotFoundException(conversation.number().text());
        }
        Conversation stored = bySequence.get(seq);
        if (stored.version() != conversation.version()) {
            throw new ConcurrentUpdateException(stored.number().text(), conversation.version(), stored.version());
        }
        if (!stored.status().isActive() && conversation.status().isActive()) {
            throw InvalidInputException.of("status", "a closed conversation stays closed; start a new one");
        }
        checkNewIds(newMessages);
        Conversation written = conversation.withVersion(stored.version() + 1);
        if (undo.active()) {
            List<ConversationMessage> before = List.copyOf(messages.get(conversation.id()));
            boolean wasActive = seq.equals(activeByContact.get(stored.contact()));
            undo.record(() -> {
                bySequence.put(seq, stored);
                if (wasActive) {
                    activeByContact.put(stored.contact(), seq);
                }
                messages.put(conversation.id(), new ArrayList<>(before));
                newMessages.forEach(m -> messageIds.remove(m.id()));
            });
        }
        bySequence.put(seq, written);
        if (!written.status().isActive()) {
            activeByContact.remove(written.contact(), seq);
        }
        append(conversation.id(), newMessages);
        return written;
    }

    private void checkNewIds(List<ConversationMessage> added) {
        Set<String> ids = new HashSet<>();
        for (ConversationMessage m : added) {
            if (messageIds.containsKey(m.id()) || !ids.add(m.id())) {
                throw new AlreadyStoredException("message " + m.id());
            }
        }
    }

    private void append(UUID id, List<ConversationMessage> added) {
        List<ConversationMessage> list = messages.get(id);
        list.addAll(added);
        list.sort(Comparator.comparing(ConversationMessage::at));
        added.forEach(m -> messageIds.put(m.id(), m));
    }

    /** @return every conversation, oldest first, for analytics */
    public synchronized List<Conversation> allConversations() {
        return List.copyOf(bySequence.values());
    }

    @Override
    public synchronized Optional<Conversation> findConversation(UUID id) {
        return Optional.ofNullable(sequenceById.get(id)).map(bySequence::get);
    }

    @Override
    public synchronized Optional<Conversation> findConversationByNumber(String number) {
        return Optional.ofNullable(sequenceByNumber.get(number)).map(bySequence::get);
    }

    @Override
    public synchronized Optional<Conversation> findActiveConversation(String contact) {
        return Optional.ofNullable(activeByContact.get(contact)).map(bySequence::get);
    }

    @Override
    public synchronized Optional<Conversation> findConversationByTicket(TicketId ticketId) {
        return bySequence.descendingMap().values().stream().filter(c -> ticketId.equals(c.ticketId())).findFirst();
    }

    @Override
    public synchronized Optional<ConversationMessage> findConversationMessage(String messageId) {
        return Optional.ofNullable(messageIds.get(messageId));
    }

    @Override
    public synchronized List<ConversationMessage> conversationMessages(UUID id) {
        return List.copyOf(messages.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized Page<Conversation> queryConversations(ConversationQuery query) {
        NavigableMap<Long, Conversation> range = query.after().isPresent()
                ? bySequence.headMap(query.after().getAsLong(), false)
                : bySequence;
        String needle = query.textFilter().map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        List<Conversation> items = new ArrayList<>();
        boolean more = false;
        for (Conversation c : range.descendingMap().values()) {
            if (!(query.statuses().isEmpty() || query.statuses().contains(c.status()))
                    || !query.contactFilter().map(c.contact()::equals).orElse(true)
                    || (needle != null && messages.get(c.id()).stream()
                            .noneMatch(m -> m.body().toLowerCase(Locale.ROOT).contains(needle)))) {
                continue;
            }
            if (items.size() == query.limit()) {
                more = true;
                break;
            }
            items.add(c);
        }
        return new Page<>(items, more ? Cursor.after(items.get(items.size() - 1).number().sequence()) : null);
    }

    @Override
    public synchronized int countMessages(String contact, ConversationMessage.Author author, Instant since) {
        int n = 0;
        for (Conversation c : bySequence.values()) {
            if (c.contact().equals(contact)) {
                for (ConversationMessage m : messages.get(c.id())) {
                    if (m.author() == author && !m.at().isBefore(since)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Override
    public synchronized boolean recordDelivery(MessageDelivery delivery) {
        Checks.notNull(delivery, "delivery");
        if (!messageIds.containsKey(delivery.messageId())) {
            return false;
        }
        String provider = delivery.providerMessageId();
        if (provider != null && !delivery.messageId().equals(lineByProviderId.getOrDefault(provider, delivery.messageId()))) {
            throw new AlreadyStoredException("provider message id " + provider);
        }
        put(delivery);
        return true;
    }

    @Override
    public synchronized Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state,
            String detail, Instant at) {
        Checks.notNull(state, "state");
        String line = lineByProviderId.get(Checks.notNull(providerMessageId, "providerMessageId"));
        if (line == null) {
            return Optional.empty();
        }
        MessageDelivery current = deliveries.get(line);
        if (!state.supersedes(current.state())) {
            return Optional.of(current);
        }
        MessageDelivery next = new MessageDelivery(line, state, providerMessageId, detail, at);
        put(next);
        return Optional.of(next);
    }

    private void put(MessageDelivery delivery) {
        MessageDelivery before = deliveries.put(delivery.messageId(), delivery);
        if (delivery.providerMessageId() != null) {
            lineByProviderId.put(delivery.providerMessageId(), delivery.messageId());
        }
        undo.record(() -> {
            if (delivery.providerMessageId() != null
                    && (before == null || !delivery.providerMessageId().equals(before.providerMessageId()))) {
                lineByProviderId.remove(delivery.providerMessageId());
            }
            if (before == null) {
                deliveries.remove(delivery.messageId());
            } else {
                deliveries.put(delivery.messageId(), before);
            }
        });
    }

    @Override
    public synchronized void saveContactIdentity(ContactIdentity identity) {
        Checks.notNull(identity, "identity");
        putIdentity(identity.contact(), identity);
    }

    private void putIdentity(String key, ContactIdentity identity) {
        ContactIdentity before = identity == null ? identities.remove(key) : identities.put(key, identity);
        undo.record(() -> {
            if (before == null) {
                identities.remove(key);
            } else {
                identities.put(key, before);
            }
        });
    }

    @Override
    public synchronized Optional<ContactIdentity> findContactIdentity(String phoneNumberOrUserId) {
        String v = Checks.notNull(phoneNumberOrUserId, "phoneNumberOrUserId");
        return identities.values().stream().filter(i -> v.equals(i.phoneNumber())).findFirst()
                .or(() -> identities.values().stream().filter(i -> v.equals(i.userId()) && !v.equals(i.contact()))
                        .findFirst())
                .or(() -> Optional.ofNullable(identities.get(v)));
    }

    @Override
    public synchronized Optional<ContactIdentity> changeContactUserId(String oldUserId, String newUserId, Instant at) {
        Checks.notNull(oldUserId, "oldUserId");
        Checks.notNull(newUserId, "newUserId");
        Optional<ContactIdentity> old = identities.values().stream().filter(i -> oldUserId.equals(i.userId())).findFirst();
        if (old.isEmpty()) {
            return Optional.empty();
        }
        ContactIdentity o = old.get();
        ContactIdentity merged = new ContactIdentity(o.contact(), o.phoneNumber(), newUserId, o.username(),
                Checks.notNull(at, "at"));
        if (!o.contact().equals(newUserId) && identities.containsKey(newUserId)) {
            putIdentity(newUserId, null);
        }
        putIdentity(o.contact(), merged);
        return Optional.of(merged);
    }

    @Override
    public synchronized boolean recordPricing(String providerMessageId, DeliveryPricing priced) {
        Checks.notNull(priced, "pricing");
        String line = lineByProviderId.get(Checks.notNull(providerMessageId, "providerMessageId"));
        if (line == null) {
            return false;
        }
        DeliveryPricing before = pricing.put(line, priced);
        undo.record(() -> {
            if (before == null) {
                pricing.remove(line);
            } else {
                pricing.put(line, before);
            }
        });
        return true;
    }

    @Override
    public synchronized Optional<DeliveryPricing> findPricing(String messageId) {
        return Optional.ofNullable(pricing.get(Checks.notNull(messageId, "messageId")));
    }

    @Override
    public synchronized List<PricedMessages> pricedMessages(Instant from, Instant to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Map<DeliveryPricing, Long> counts = new HashMap<>();
        pricing.forEach((line, p) -> {
            ConversationMessage m = messageIds.get(line);
            if (m != null && !m.at().isBefore(from) && m.at().isBefore(to)) {
                counts.merge(p, 1L, Long::sum);
            }
        });
        return counts.entrySet().stream().map(e -> new PricedMessages(e.getKey(), e.getValue()))
                .sorted(PricedMessages.ORDER).toList();
    }

    @Override
    public synchronized Optional<MessageDelivery> findDelivery(String messageId) {
        return Optional.ofNullable(deliveries.get(Checks.notNull(messageId, "messageId")));
    }

    @Override
    public synchronized List<MessageDelivery> conversationDeliveries(UUID conversationId) {
        List<MessageDelivery> out = new ArrayList<>();
        for (ConversationMessage m : messages.getOrDefault(Checks.notNull(conversationId, "conversationId"), List.of())) {
            MessageDelivery d = deliveries.get(m.id());
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * @param requesterIds requester ids
     * @param contacts     contacts
     * @return conversations filed under one of the ids or held with one of the contacts, oldest first
     */
    public synchronized List<Conversation> ofSubject(Set<String> requesterIds, Set<String> contacts) {
        return bySequence.values().stream()
                .filter(c -> requesterIds.contains(c.requesterId()) || contacts.contains(c.contact()))
                .toList();
    }

    /**
     * Rewrites a data subject's conversations, their lines and the delivery details of those lines; their
     * conversations stop being active when the redaction pseudonymises.
     *
     * @param r the redaction
     * @return how many rows changed
     */
    public synchronized int redact(za.co.proconnectsa.support.spi.Redaction r) {
        int changed = 0;
        for (Conversation c : ofSubject(r.requesterIds(), r.contacts())) {
            long seq = sequenceById.get(c.id());
            Conversation next = new Conversation(c.id(), c.number(), r.contact(c.contact()), r.name(c.contactName()),
                    r.requesterId(c.requesterId()), c.status(), c.ticketId(), c.reference(), c.lastInboundAt(),
                    c.createdAt(), c.updatedAt(), c.version());
            boolean release = r.pseudonymises() && Long.valueOf(seq).equals(activeByContact.get(c.contact()));
            List<ConversationMessage> before = List.copyOf(messages.get(c.id()));
            List<ConversationMessage> after = new ArrayList<>();
            for (ConversationMessage m : before) {
                boolean theirs = m.author() == ConversationMessage.Author.CUSTOMER;
                ConversationMessage line = new ConversationMessage(m.id(), m.conversationId(), r.contact(m.contact()),
                        m.author(), r.isSubject(m.authorId()) ? r.contact(m.authorId()) : m.authorId(),
                        theirs ? r.name(m.authorName()) : r.text(m.authorName()),
                        theirs ? r.authored(m.body()) : r.text(m.body()), m.at());
                changed += line.equals(m) ? 0 : 1;
                after.add(line);
            }
            Map<String, MessageDelivery> deliveriesBefore = new HashMap<>();
            for (ConversationMessage m : before) {
                MessageDelivery d = deliveries.get(m.id());
                if (d != null && d.detail() != null) {
                    MessageDelivery redacted = new MessageDelivery(d.messageId(), d.state(), d.providerMessageId(),
                            r.text(d.detail()), d.at());
                    if (!redacted.equals(d)) {
                        deliveriesBefore.put(m.id(), d);
                        deliveries.put(m.id(), redacted);
                        changed++;
                    }
                }
            }
            boolean rewritten = !next.equals(c);
            changed += rewritten ? 1 : 0;
            bySequence.put(seq, rewritten ? next.withVersion(c.version() + 1) : c);
            messages.put(c.id(), new ArrayList<>(after));
            after.forEach(m -> messageIds.put(m.id(), m));
            if (release) {
                activeByContact.remove(c.contact());
            }
            undo.record(() -> {
                bySequence.put(seq, c);
                messages.put(c.id(), new ArrayList<>(before));
                before.forEach(m -> messageIds.put(m.id(), m));
                deliveries.putAll(deliveriesBefore);
                if (release) {
                    activeByContact.put(c.contact(), seq);
                }
            });
        }
        if (r.pseudonymises()) {
            // who the person is on WhatsApp (number, business-scoped user id, username) goes with the erasure
            for (Map.Entry<String, ContactIdentity> e : List.copyOf(identities.entrySet())) {
                ContactIdentity i = e.getValue();
                // a contact known by phone number alone has no user id (an immutable set refuses to look for null)
                if (java.util.stream.Stream.of(i.contact(), i.phoneNumber(), i.userId())
                        .anyMatch(v -> v != null && r.contacts().contains(v))) {
                    putIdentity(e.getKey(), null);
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Deletes CLOSED conversations last changed before a time, with their lines and deliveries.
     *
     * @param before last changed before this
     * @param max    at most this many
     * @param lineGone told each deleted line's id and the channel's id for it (or null)
     * @return the ids of those deleted
     */
    public synchronized List<java.util.UUID> purgeClosed(Instant before, int max,
            java.util.function.BiConsumer<String, String> lineGone) {
        List<Conversation> doomed = bySequence.values().stream()
                .filter(c -> c.status() == ConversationStatus.CLOSED && c.updatedAt().isBefore(before))
                .limit(max)
                .toList();
        for (Conversation c : doomed) {
            long seq = sequenceById.remove(c.id());
            bySequence.remove(seq);
            sequenceByNumber.remove(c.number().text());
            List<ConversationMessage> lines = messages.remove(c.id());
            Map<String, MessageDelivery> gone = new HashMap<>();
            for (ConversationMessage m : lines) {
                messageIds.remove(m.id());
                DeliveryPricing priced = pricing.remove(m.id());
                if (priced != null) {
                    DeliveryPricing restore = priced;
                    undo.record(() -> pricing.put(m.id(), restore));
                }
                MessageDelivery d = deliveries.remove(m.id());
                lineGone.accept(m.id(), d == null ? null : d.providerMessageId());
                if (d != null) {
                    gone.put(m.id(), d);
                    if (d.providerMessageId() != null) {
                        lineByProviderId.remove(d.providerMessageId());
                    }
                }
            }
            undo.record(() -> {
                sequenceById.put(c.id(), seq);
                bySequence.put(seq, c);
                sequenceByNumber.put(c.number().text(), seq);
                messages.put(c.id(), lines);
                lines.forEach(m -> messageIds.put(m.id(), m));
                gone.values().forEach(d -> {
                    deliveries.put(d.messageId(), d);
                    if (d.providerMessageId() != null) {
                        lineByProviderId.put(d.providerMessageId(), d.messageId());
                    }
                });
            });
        }
        return doomed.stream().map(Conversation::id).toList();
    }

    /**
     * Unlinks conversations from a deleted ticket: an ESCALATED one is CLOSED and no longer active.
     *
     * @param ticketId the ticket
     */
    public synchronized void unlinkTicket(TicketId ticketId) {
        for (Conversation c : List.copyOf(bySequence.values())) {
            if (ticketId.equals(c.ticketId())) {
                long seq = sequenceById.get(c.id());
                ConversationStatus status = c.status() == ConversationStatus.ESCALATED ? ConversationStatus.CLOSED
                        : c.status();
                bySequence.put(seq, new Conversation(c.id(), c.number(), c.contact(), c.contactName(), c.requesterId(),
                        status, null, c.reference(), c.lastInboundAt(), c.createdAt(), c.updatedAt(), c.version()));
                boolean released = !status.isActive() && activeByContact.remove(c.contact(), seq);
                undo.record(() -> {
                    bySequence.put(seq, c);
                    if (released) {
                        activeByContact.put(c.contact(), seq);
                    }
                });
            }
        }
    }
}
