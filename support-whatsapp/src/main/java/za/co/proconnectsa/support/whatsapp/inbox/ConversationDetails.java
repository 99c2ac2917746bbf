package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow;

/**
 * A conversation with its transcript, the delivery of its outbound messages and the state of its customer-service
 * window, as an agent sees it.
 *
 * @param conversation the conversation
 * @param messages     its transcript, oldest first
 * @param window       the 24-hour window, from the customer's last message; {@code null} before they wrote
 * @param deliveries   what became of the outbound lines sent through the send queue, by line id
 * @param attachments  the files kept for the conversation, oldest first; a file still downloading is not listed yet
 */
public record ConversationDetails(Conversation conversation, List<ConversationMessage> messages,
        CustomerServiceWindow window, Map<String, MessageDelivery> deliveries, List<AttachmentRecord> attachments) {

    /**
     * Checks and copies the components.
     *
     * @param conversation the conversation
     * @param messages its transcript, oldest first
     * @param window the 24-hour window, from the customer's last message; {@code null} before they wrote
     * @param deliveries what became of the outbound lines sent through the send queue, by line id
     *
     * @param attachments the files kept for the conversation, oldest first; a file still downloading is not listed yet
     */
    public ConversationDetails {
        Checks.notNull(conversation, "conversation");
        attachments = List.copyOf(Checks.notNull(attachments, "attachments"));
        messages = List.copyOf(Checks.notNull(messages, "messages"));
        deliveries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(deliveries, "deliveries")));
    }

    /**
     * @param messageId a line of {@link #messages()}
     * @return what became of it (queued, sent, delivered, read, failed, unknown), when it went through the send queue
     */
    public Optional<MessageDelivery> delivery(String messageId) {
        return Optional.ofNullable(deliveries.get(messageId));
    }

    /**
     * @param messageId a line of {@link #messages()}
     * @return the files that line carried (an inbound image, document, audio or video), once downloaded
     */
    public List<AttachmentRecord> attachments(String messageId) {
        return attachments.stream().filter(a -> messageId != null && messageId.equals(a.sourceMessageId())).toList();
    }
}
