package za.co.proconnectsa.support.whatsapp.inbox.internal;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.inbox.ContactDirectory;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * The person on the other side of a conversation, as the inbox knows them.
 *
 * @param id          their WhatsApp id (phone digits) or business-scoped user id
 * @param name        their profile name, else their masked number; at most 200 characters
 * @param requesterId the host's requester id their tickets are filed under
 */
public record Contact(String id, String name, String requesterId) {

    private static final int MAX_NAME = 200;

    /**
     * @param m         an inbound message
     * @param id        the key the sender's conversations are held under ({@link ConversationLog#contactKey})
     * @param directory who contacts are in the host's application
     * @return the message's sender
     * @throws InvalidInputException when the directory gives no usable requester id
     */
    public static Contact of(InboundMessage m, String id, ContactDirectory directory) {
        String profile = m.sender().profileName();
        String name = profile == null || profile.isBlank() ? PhoneMasking.mask(id) : profile.strip();
        name = Text.truncate(name, MAX_NAME);
        String requester = directory.requesterId(id, profile);
        if (requester == null || requester.isBlank() || requester.length() > MAX_NAME) {
            throw InvalidInputException.of("requesterId", "the contact directory must give 1 to 200 characters");
        }
        return new Contact(id, name, requester);
    }

    /**
     * @param c a stored conversation
     * @return its contact, named by the profile name the conversation keeps, else by the masked number
     */
    public static Contact of(Conversation c) {
        return new Contact(c.contact(), c.contactName() == null ? PhoneMasking.mask(c.contact()) : c.contactName(),
                c.requesterId());
    }

    /** @return the contact as the requester their tickets are filed for */
    public Actor actor() {
        return Actor.requester(requesterId, name);
    }
}
