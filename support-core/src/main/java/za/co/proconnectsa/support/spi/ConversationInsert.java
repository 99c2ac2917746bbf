package za.co.proconnectsa.support.spi;

import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.internal.Checks;

/** What {@link ConversationStore#insertConversation} did. */
public sealed interface ConversationInsert {

    /** @return the contact's active conversation now: the new one, or the one that was there */
    Conversation conversation();

    /**
     * The conversation was inserted.
     *
     * @param conversation the stored conversation
     */
    record Inserted(Conversation conversation) implements ConversationInsert {
        /**
         * Checks the component.
         *
         * @param conversation the stored conversation
         */
        public Inserted {
            Checks.notNull(conversation, "conversation");
        }
    }

    /**
     * The contact already had an active conversation (another delivery created it first); nothing was inserted.
     *
     * @param conversation the contact's active conversation
     */
    record ActiveExists(Conversation conversation) implements ConversationInsert {
        /**
         * Checks the component.
         *
         * @param conversation the contact's active conversation
         */
        public ActiveExists {
            Checks.notNull(conversation, "conversation");
        }
    }
}
