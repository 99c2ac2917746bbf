package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.internal.Retries;
import za.co.proconnectsa.support.internal.Retry;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * Conversation state for the inbox: every read and write of conversations and their transcripts goes through here,
 * and each write that lost a version race to another message of the contact is re-read and applied again.
 */
public final class ConversationLog {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);
    /** A write that lost a race for its conversation is tried again at least this many times... */
    private static final int MIN_ATTEMPTS = 8;
    /** ...and after that until this has passed since its first attempt. */
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(10);

    private final ConversationStore store;
    private final TicketNumberFormat numberFormat;
    private final Clock clock;

    /**
     * @param store        where conversations live
     * @param numberFormat how new conversations are numbered
     * @param clock        the desk's clock
     */
    public ConversationLog(ConversationStore store, TicketNumberFormat numberFormat, Clock clock) {
        this.store = store;
        this.numberFormat = numberFormat;
        this.clock = clock;
    }

    /** @return the retry of one change of a conversation that other messages race for, to add to */
    public static Retry.Builder retries() {
        return Retries.conflicts(MIN_ATTEMPTS, RETRY_BUDGET);
    }

    /** @return the time to write on conversations and messages, in the microseconds every store keeps */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** @param id a conversation's id @return the conversation, if stored */
    public Optional<Conversation> find(UUID id) {
        return store.findConversation(id);
    }

    /** @param number a conversation number, e.g. {@code WA-000042} @return the conversation, if stored */
    public Optional<Conversation> findByNumber(String number) {
        return store.findConversationByNumber(number);
    }

    /** @param ticketId a ticket @return the conversation escalated to or joined to it, if any */
    public Optional<Conversation> findByTicket(TicketId ticketId) {
        return store.findConversationByTicket(ticketId);
    }

    /** @param contact a contact's id @return their open or escalated conversation, if any */
    public Optional<Conversation> findActive(String contact) {
        return store.findActiveConversation(contact);
    }

    /** @param messageId a WhatsApp message id @return the message, if it is already in a conversation */
    public Optional<ConversationMessage> findMessage(String messageId) {
        return store.findConversationMessage(messageId);
    }

    /**
     * @param conversation a conversation as read earlier
     * @return its stored version now
     * @throws ConversationNotFoundException when it is gone
     */
    public Conversation reread(Conversation conversation) {
        return store.findConversation(conversation.id())
                .orElseThrow(() -> new ConversationNotFoundException(conversation.number().text()));
    }

    /** @param conversation a conversation @return its transcript, oldest first */
    public List<ConversationMessage> messages(Conversation conversation) {
        return store.conversationMessages(conversation.id());
    }

    /**
     * @param contact a contact's id
     * @param author  whose messages
     * @param since   from when
     * @return how many messages of that author the contact's conversations hold since then
     */
    public int countMessages(String contact, ConversationMessage.Author author, Instant since) {
        return store.countMessages(contact, author, since);
    }

    /** @param query filters and page @return one page of conversations, newest first */
    public Page<Conversation> query(ConversationQuery query) {
        return store.queryConversations(query);
    }

    // --------------------------------------------------------------------------------------------- writes

    /**
     * Starts an OPEN conversation with the contact's first message.
     *
     * @param reference the reference code the chat was started from, or {@code null}
     * @throws ActiveConversationChanged when another message of the contact started one first
     */
    public Conversation start(Contact contact, ConversationMessage first, String reference) {
        ConversationInsert inserted = insert(contact, first, ConversationStatus.OPEN, null, reference);
        if (inserted instanceof ConversationInsert.ActiveExists) {
            throw new ActiveConversationChanged();
        }
        LOG.info("WhatsApp conversation {} started by {}", inserted.conversation().number(),
                PhoneMasking.mask(contact.id()));
        return inserted.conversation();
    }

    /**
     * Starts a conversation already joined to a ticket, with the contact's first message.
     *
     * @return the insert: the new conversation, or the active one another message of the contact started first
     */
    public ConversationInsert startOnTicket(Contact contact, ConversationMessage first, TicketId ticketId) {
        return insert(contact, first, ConversationStatus.ESCALATED, ticketId, null);
    }

    private ConversationInsert insert(Contact contact, ConversationMessage first, ConversationStatus status,
            TicketId ticketId, String reference) {
        Instant now = now();
        long seq = store.nextConversationSequence();
        Conversation fresh = new Conversation(UUID.randomUUID(), ConversationNumber.format(numberFormat, seq),
                contact.id(), contact.name(), contact.requesterId(), status, ticketId, reference, first.at(), now, now,
                1);
        return store.insertConversation(fresh, List.of(retarget(first, fresh)));
    }

    /**
     * Records a customer message, re-reading the conversation when another message got in first: it runs after side
     * effects (a reply on the ticket), so it must not start the whole message over.
     */
    public Conversation append(Conversation conversation, ConversationMessage message, Contact contact) {
        return update(conversation, current -> received(current, contact, message.at()),
                current -> List.of(retarget(message, current)));
    }

    /**
     * As {@link #append}, before any side effect.
     *
     * @throws ActiveConversationChanged when the conversation was closed meanwhile: the message starts over
     */
    public Conversation appendWhileActive(Conversation conversation, ConversationMessage message, Contact contact) {
        return update(conversation, current -> {
            if (!current.status().isActive()) {
                throw new ActiveConversationChanged();
            }
            return received(current, contact, message.at());
        }, current -> List.of(retarget(message, current)));
    }

    /** Records a message that was sent to the contact, re-reading the conversation when a customer message got in. */
    public Conversation recordSent(Conversation conversation, ConversationMessage sent) {
        return update(conversation, current -> current.touchedAt(now()), current -> List.of(sent));
    }

    /**
     * Records a line and, with it, its delivery as queued, so the line and its state commit together.
     *
     * @return the conversation after the line was added
     */
    public Conversation recordQueued(Conversation conversation, ConversationMessage line) {
        Conversation after = recordSent(conversation, line);
        store.recordDelivery(MessageDelivery.queued(line.id(), line.at()));
        return after;
    }

    /** @param delivery what became of a queued line; written over what it had */
    public void recordDelivery(MessageDelivery delivery) {
        store.recordDelivery(delivery);
    }

    /** Applies the channel's report on a sent message; see {@link ConversationStore#advanceDelivery}. */
    public Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state, String detail,
            Instant at) {
        return store.advanceDelivery(providerMessageId, state, detail, at);
    }

    /**
     * Finds who sent a message among the known contacts (by phone number, else business-scoped user id), keeps what
     * the message says of them (a phone number, user id or username that appeared), and returns the key their
     * conversations are held under: the phone number or user id they first wrote with. Call it in the message's unit
     * of work.
     *
     * @param sender the message's sender
     * @param at     when the message was sent
     * @return the contact's key
     */
    public String contactKey(InboundMessage.Sender sender, Instant at) {
        String phone = sender.waId();
        String userId = sender.userId();
        Optional<ContactIdentity> known = Optional.<ContactIdentity>empty();
        if (phone != null) {
            known = store.findContactIdentity(phone);
        }
        if (known.isEmpty() && userId != null) {
            known = store.findContactIdentity(userId);
        }
        String key = known.map(ContactIdentity::contact).orElse(phone != null ? phone : userId);
        ContactIdentity next = new ContactIdentity(key,
                phone != null ? phone : known.map(ContactIdentity::phoneNumber).orElse(null),
                userId != null ? userId : known.map(ContactIdentity::userId).orElse(null),
                sender.username() != null ? Text.truncate(sender.username(), ContactIdentity.MAX_LENGTH)
                        : known.map(ContactIdentity::username).orElse(null), at);
        if (known.isEmpty() || !sameIdentity(known.get(), next)) {
            store.saveContactIdentity(next);
        }
        return key;
    }

    private static boolean sameIdentity(ContactIdentity a, ContactIdentity b) {
        return java.util.Objects.equals(a.phoneNumber(), b.phoneNumber()) && java.util.Objects.equals(a.userId(), b.userId())
                && java.util.Objects.equals(a.username(), b.username());
    }

    /**
     * @param contact a conversation's contact key
     * @return where a message to them goes now: their phone number when known, else their current user id (after any
     *         change WhatsApp reported), else the key itself
     */
    public String sendTarget(String contact) {
        return store.findContactIdentity(contact).map(ContactIdentity::sendTo).orElse(contact);
    }

    /**
     * Applies WhatsApp's report that a user's business-scoped user id changed.
     *
     * @return the merged identity, or empty when the old id was never seen
     */
    public Optional<ContactIdentity> changeUserId(String oldUserId, String newUserId, Instant at) {
        return store.changeContactUserId(oldUserId, newUserId, at);
    }

    /** @param value a key, phone number or user id @return the contact's identity */
    public Optional<ContactIdentity> identity(String value) {
        return store.findContactIdentity(value);
    }

    /** Keeps the channel's pricing of a sent message; see {@link ConversationStore#recordPricing}. */
    public boolean recordPricing(String providerMessageId, DeliveryPricing pricing) {
        return store.recordPricing(providerMessageId, pricing);
    }

    /** @param lineId a transcript line @return how the channel priced it */
    public Optional<DeliveryPricing> findPricing(String lineId) {
        return store.findPricing(lineId);
    }

    /** @return the priced messages written in {@code [from, to)}, counted by model, category and type */
    public List<PricedMessages> pricedMessages(Instant from, Instant to) {
        return store.pricedMessages(from, to);
    }

    /** @param lineId a transcript line @return its delivery */
    public Optional<MessageDelivery> findDelivery(String lineId) {
        return store.findDelivery(lineId);
    }

    /** @param conversation a conversation @return its lines' deliveries, by line id, in transcript order */
    public java.util.Map<String, MessageDelivery> deliveries(Conversation conversation) {
        java.util.Map<String, MessageDelivery> out = new java.util.LinkedHashMap<>();
        store.conversationDeliveries(conversation.id()).forEach(d -> out.put(d.messageId(), d));
        return out;
    }

    /** Joins the conversation to a ticket if it is still OPEN; one escalated or closed meanwhile keeps what it has. */
    public Conversation joinIfOpen(Conversation conversation, TicketId ticketId) {
        return update(conversation,
                c -> c.status() == ConversationStatus.OPEN ? c.escalatedTo(ticketId, now()) : c);
    }

    /** Closes the conversation: the contact's next message starts a new one. */
    public Conversation close(Conversation conversation) {
        return update(conversation, current -> current.closedAt(now()));
    }

    /**
     * Closes the conversation at the version read, once.
     *
     * @throws ConcurrentUpdateException when it changed since: the caller decides again
     */
    public Conversation closeAsRead(Conversation conversation) {
        return store.updateConversation(conversation.closedAt(now()), List.of());
    }

    /**
     * Joins the conversation to a ticket at the version read, once: exactly the messages recorded before it are
     * the ones the caller read.
     *
     * @throws ConcurrentUpdateException when it changed since: the caller reads again
     */
    public Conversation escalateAsRead(Conversation conversation, TicketId ticketId) {
        return store.updateConversation(conversation.escalatedTo(ticketId, now()), List.of());
    }

    /** Writes a change, re-reading the conversation and applying the change again when another write got in first. */
    public Conversation update(Conversation conversation, UnaryOperator<Conversation> change) {
        return update(conversation, change, current -> List.of());
    }

    /**
     * @param conversation the conversation as read
     * @param change       what to change, applied to the current version
     * @param added        the messages to append, given the current version
     * @return the stored conversation
     */
    private Conversation update(Conversation conversation, UnaryOperator<Conversation> change,
            Function<Conversation, List<ConversationMessage>> added) {
        return retries().build().get(attempt -> {
            Conversation current = attempt == 1 ? conversation : reread(conversation);
            return store.updateConversation(change.apply(current), added.apply(current));
        });
    }

    private Conversation received(Conversation current, Contact contact, Instant at) {
        Instant last = current.lastInboundAt() == null || at.isAfter(current.lastInboundAt()) ? at : current.lastInboundAt();
        return current.receivedAt(last, contact.name()).touchedAt(now());
    }

    private static ConversationMessage retarget(ConversationMessage m, Conversation c) {
        return new ConversationMessage(m.id(), c.id(), m.contact(), m.author(), m.authorId(), m.authorName(), m.body(),
                m.at());
    }
}
