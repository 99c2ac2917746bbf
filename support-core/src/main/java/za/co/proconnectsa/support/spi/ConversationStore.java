package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * Where chat conversations and their transcripts live. The in-memory and JDBC ticket stores implement it; a
 * host's store proves itself with {@code ConversationStoreContract} from {@code support-testing}.
 *
 * <p>Rules every store keeps: each write is atomic (the conversation and its new messages together); a contact
 * has at most one active (OPEN or ESCALATED) conversation, even when two webhook deliveries race; updates are
 * guarded by the version; message ids are unique; instants round-trip to the microsecond; every method is safe
 * from many threads.
 */
public interface ConversationStore {

    /**
     * @return the next conversation-number sequence value: positive, never repeated, gaps allowed
     */
    long nextConversationSequence();

    /**
     * Inserts a new conversation with its first messages, unless the contact already has an active one.
     *
     * @param conversation a new conversation at version 1
     * @param messages     its first messages
     * @return what happened
     */
    ConversationInsert insertConversation(Conversation conversation, List<ConversationMessage> messages);

    /**
     * Writes a changed conversation with its new messages, if the stored version still equals
     * {@code conversation.version()}.
     *
     * @param conversation the changed conversation, carrying the version it was read at
     * @param newMessages  messages to append
     * @return the stored conversation, at version {@code conversation.version() + 1}
     * @throws za.co.proconnectsa.support.ConcurrentUpdateException when the stored version differs
     * @throws za.co.proconnectsa.support.conversation.ConversationNotFoundException when no such conversation is stored
     * @throws za.co.proconnectsa.support.InvalidInputException when the change would make a CLOSED conversation active
     *                                                        again (start a new one instead)
     */
    Conversation updateConversation(Conversation conversation, List<ConversationMessage> newMessages);

    /**
     * @param id a conversation id
     * @return the conversation, if stored
     */
    Optional<Conversation> findConversation(UUID id);

    /**
     * @param number a conversation number's text, e.g. {@code WA-000042}
     * @return the conversation, if stored
     */
    Optional<Conversation> findConversationByNumber(String number);

    /**
     * @param contact a contact
     * @return the contact's active (OPEN or ESCALATED) conversation, if any
     */
    Optional<Conversation> findActiveConversation(String contact);

    /**
     * @param ticketId a ticket
     * @return the most recent conversation joined to it, if any
     */
    Optional<Conversation> findConversationByTicket(TicketId ticketId);

    /**
     * @param messageId a message id (a WhatsApp {@code wamid.…})
     * @return the message, in whichever conversation it was recorded
     */
    Optional<ConversationMessage> findConversationMessage(String messageId);

    /**
     * @param id a conversation id
     * @return its messages, oldest first (insertion order for equal instants)
     */
    List<ConversationMessage> conversationMessages(UUID id);

    /**
     * @param query filters and page
     * @return conversations newest first (by number), at most {@code query.limit()}, with a cursor when more may follow
     */
    Page<Conversation> queryConversations(ConversationQuery query);

    /**
     * @param contact a contact
     * @param author  who wrote
     * @param since   from when (inclusive)
     * @return how many messages of that author the contact's conversations got since then: the auto-responder's
     *         loop guard counts its own replies with it
     */
    int countMessages(String contact, ConversationMessage.Author author,
            Instant since);

    /**
     * Sets what became of an outbound transcript line, whatever it was before: the send worker records the
     * message as queued, then as sent (with the channel's id), failed or unknown. Part of the caller's unit of work.
     *
     * @param delivery the line's delivery
     * @return {@code false} when the transcript has no line {@code delivery.messageId()} (nothing is written)
     * @throws AlreadyStoredException when another line already has the same provider message id
     */
    boolean recordDelivery(MessageDelivery delivery);

    /**
     * Applies the channel's report on a sent message: the line sent with that provider id takes the state only
     * when it {@linkplain MessageDelivery.State#supersedes supersedes} the one it has, so repeated, late and
     * reordered reports leave the highest state, atomically against racing reports.
     *
     * @param providerMessageId the channel's id of the sent message
     * @param state             the reported state ({@code SENT}, {@code DELIVERED}, {@code FAILED} or {@code READ})
     * @param detail            why it failed, or {@code null}
     * @param at                when the channel says it happened
     * @return the line's delivery after the report (changed or not); empty when no line was sent with that id
     */
    Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state, String detail,
            Instant at);

    /**
     * Keeps who a contact is (phone number, user id, username), replacing what was kept under the same
     * {@link ContactIdentity#contact()} key.
     *
     * @param identity the contact's identity
     */
    void saveContactIdentity(ContactIdentity identity);

    /**
     * @param phoneNumberOrUserId a key, a phone number (digits) or a business-scoped user id
     * @return the identity with that phone number, else with that user id, else with that key
     */
    Optional<ContactIdentity> findContactIdentity(String phoneNumberOrUserId);

    /**
     * Merges a user id change the channel reported: the identity that had {@code oldUserId} takes {@code newUserId}, so
     * messages from the new id reach the same conversations and replies go to the new id. An identity kept under
     * {@code newUserId} as its own key (the person wrote from the new id before the change was reported) is dropped:
     * its conversations keep that key, which now finds the merged identity by its user id.
     *
     * @param oldUserId the replaced user id
     * @param newUserId the new user id
     * @param at        when the change was reported
     * @return the identity after the change, or empty when no identity had {@code oldUserId}
     */
    Optional<ContactIdentity> changeContactUserId(String oldUserId, String newUserId, Instant at);

    /**
     * Keeps how the channel priced a sent message, from its status report, on the line sent with that id (the same
     * row as its delivery), replacing what an earlier report said. Call it in the unit of work that applies the report.
     *
     * @param providerMessageId the channel's id for the sent message
     * @param pricing           the report's pricing
     * @return {@code false} when no line was sent with that id (nothing is written)
     */
    boolean recordPricing(String providerMessageId, DeliveryPricing pricing);

    /**
     * @param messageId a transcript line ({@link ConversationMessage#id()})
     * @return how the channel priced it, when a status report said
     */
    Optional<DeliveryPricing> findPricing(String messageId);

    /**
     * The cost-by-category figures: the lines written in {@code [from, to)} that the channel priced, counted by
     * model, category and type, most messages first (then by category, model and type).
     *
     * @param from the first instant counted (the line's {@link ConversationMessage#at()})
     * @param to   the instant after the last one counted
     * @return the counts; empty when nothing priced was sent in the period
     */
    List<PricedMessages> pricedMessages(Instant from, Instant to);

    /**
     * @param messageId an outbound transcript line
     * @return what became of it, if it was sent through the send queue
     */
    Optional<MessageDelivery> findDelivery(String messageId);

    /**
     * @param conversationId a conversation
     * @return the deliveries of its outbound lines, in transcript order
     */
    List<MessageDelivery> conversationDeliveries(UUID conversationId);
}
