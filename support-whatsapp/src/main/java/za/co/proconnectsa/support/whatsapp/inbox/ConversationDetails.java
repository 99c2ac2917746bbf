package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
public record ConversationDetails(Conversation conversation, List<ConversationMessage> messages,
        CustomerServiceWindow window, Map<String, MessageDelivery> deliveries) {

    /**
     * Checks and copies the components.
     *
     * @param conversation the conversation
     * @param messages its transcript, oldest first
     * @param window the 24-hour window, from the customer's last message; {@code null} before they wrote
     * @param deliveries what became of the outbound lines sent through the send queue, by line id
     */
    public ConversationDetails {
        Checks.notNull(conversation, "conversation");
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
}
