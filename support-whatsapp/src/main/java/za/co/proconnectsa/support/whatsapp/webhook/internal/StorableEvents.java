package za.co.proconnectsa.support.whatsapp.webhook.internal;

import java.util.Optional;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * Whether a parsed message can be kept exactly by every store ({@link Text}): its ids identifiers, its texts free
 * of control characters and lone surrogates. A message that cannot is refused as an
 * {@link za.co.proconnectsa.support.whatsapp.webhook.UnsupportedEvent} instead of being stored altered (two ids
 * becoming one) or failing the store. Not part of the API.
 */
public final class StorableEvents {

    /** The type of an unsupported event for a message whose id is not an identifier. */
    public static final String REFUSED_ID = "refused/id";
    /** The type of an unsupported event for a message with a sender id or a text that no store keeps. */
    public static final String REFUSED_CONTENT = "refused/content";

    private StorableEvents() {
    }

    /**
     * @param id a message id from a body
     * @return whether every store keeps it exactly
     */
    public static boolean isStorableId(String id) {
        return Text.isIdentifier(id);
    }

    /**
     * @param m a parsed message with a storable id
     * @return the refused part's name ({@code sender.waId}, {@code text}, ...), or empty when all can be stored
     */
    public static Optional<String> refusedPart(InboundMessage m) {
        InboundMessage.Sender s = m.sender();
        if (!identifierOrNull(s.waId())) {
            return Optional.of("sender.waId");
        }
        if (!identifierOrNull(s.userId())) {
            return Optional.of("sender.userId");
        }
        if (!textOrNull(s.username())) {
            return Optional.of("sender.username");
        }
        if (m.system() != null && (!identifierOrNull(m.system().newUserId()) || !identifierOrNull(m.system().newWaId()))) {
            return Optional.of("system");
        }
        if (!textOrNull(s.profileName())) {
            return Optional.of("sender.profileName");
        }
        if (!textOrNull(m.text())) {
            return Optional.of("text");
        }
        if (m.media() != null && (!textOrNull(m.media().filename()) || !textOrNull(m.media().id()))) {
            return Optional.of("media");
        }
        if (m.reply() != null && (!textOrNull(m.reply().id()) || !textOrNull(m.reply().title())
                || !textOrNull(m.reply().description()))) {
            return Optional.of("reply");
        }
        return Optional.empty();
    }

    private static boolean identifierOrNull(String value) {
        return value == null || Text.isIdentifier(value);
    }

    private static boolean textOrNull(String value) {
        return value == null || Text.isText(value);
    }
}
