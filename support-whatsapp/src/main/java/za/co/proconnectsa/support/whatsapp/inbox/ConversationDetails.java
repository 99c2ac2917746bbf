package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.List;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.util.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow;

/**
 * A conversation with its transcript and the state of its customer-service window, as an agent sees it.
 *
 * @param conversation the conversation
 * @param messages     its transcript, oldest first
 * @param window       the 24-hour window, from the customer's last message; {@code null} before they wrote
 */
public record ConversationDetails(Conversation conversation, List<ConversationMessage> messages,
        CustomerServiceWindow window) {

    /** Checks and copies the components. */
    public ConversationDetails {
        Checks.notNull(conversation, "conversation");
        messages = List.copyOf(Checks.notNull(messages, "messages"));
    }
}
