package za.co.proconnectsa.support.whatsapp.webhook;

import java.time.Instant;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;

/**
 * A message a WhatsApp user sent to the business: text, media, a tapped reply button or list row, or a tapped
 * template quick-reply button. Other message types arrive as {@link UnsupportedEvent}.
 *
 * <p>Absent optional parts are {@code null}. {@link #toString()} masks phone numbers and leaves the text out, so
 * a message can be logged.
 *
 * @param messageId             WhatsApp's message id ({@code wamid.…}), an identifier
 *                              ({@link za.co.proconnectsa.support.TextRules}: 1 to 200 printable ASCII characters
 *                              without spaces): the key on which ingest is idempotent
 * @param businessPhoneNumberId the id of the business phone number that received it ({@code metadata.phone_number_id}),
 *                              or null
 * @param sender                who sent it
 * @param timestamp             when WhatsApp received it (whole seconds)
 * @param type                  what kind of message it is
 * @param text                  the words the user sent: a text message's body or a media caption; null when none
 * @param media                 the attached media for {@link Type#isMedia() media types}; null otherwise
 * @param reply                 the button or row the user tapped, for {@link Type#INTERACTIVE} and
 *                              {@link Type#BUTTON}; null otherwise
 * @param context               the message this one replies to, or the forwarding flags; null when none
 * @param referral              the Click to WhatsApp ad the conversation started from; null when none
 * @param system                what a {@link Type#SYSTEM} message reports (a new phone number or a new
 *                              business-scoped user id); null for every other type
 */
public record InboundMessage(
        String messageId,
        String businessPhoneNumberId,
        Sender sender,
        Instant timestamp,
        Type type,
        String text,
        Media media,
        InteractiveReply reply,
        ReplyContext context,
        Referral referral,
        SystemChange system) implements WebhookEvent {

    /** The longest message id accepted, as {@link za.co.proconnectsa.support.spi.ProcessedMessageLog} requires. */
    public static final int MAX_ID_LENGTH = 200;

    /** The kinds of inbound message this library reads. */
    public enum Type {
        /** {@code text}: {@link #text()} holds the body. */
        TEXT,
        /** {@code image}: {@link #media()} is set; {@link #text()} holds the caption, if any. */
        IMAGE,
        /** {@code video}: {@link #media()} is set; {@link #text()} holds the caption, if any. */
        VIDEO,
        /** {@code audio} (including voice notes): {@link #media()} is set. */
        AUDIO,
        /** {@code document}: {@link #media()} is set; {@link #text()} holds the caption, if any. */
        DOCUMENT,
        /** {@code sticker}: {@link #media()} is set. */
        STICKER,
        /** {@code interactive}: a tapped reply button or list row; {@link #reply()} is set. */
        INTERACTIVE,
        /** {@code button}: a tapped quick-reply button of a template message; {@link #reply()} is set. */
        BUTTON,
        /**
         * {@code system}: WhatsApp reports that the user changed their phone number ({@code user_changed_number}) or
         * that their business-scoped user id changed ({@code user_changed_user_id}); {@link #system()} is set and
         * {@link #text()} holds WhatsApp's sentence about it. Not a message from the person: the inbox merges the
         * contact and records nothing in the conversation.
         */
        SYSTEM;

        private static final Set<Type> MEDIA = Set.of(IMAGE, VIDEO, AUDIO, DOCUMENT, STICKER);

        /** @return whether messages of this type carry {@link Media} */
        public boolean isMedia() {
            return MEDIA.contains(this);
        }
    }

    /**
     * Checks the required parts and that the parts match the type.
     *
     * @param messageId WhatsApp's message id ({@code wamid.…}), an identifier ({@link za.co.proconnectsa.support.TextRules}: 1 to 200 printable ASCII characters without spaces): the key on which ingest is idempotent
     * @param businessPhoneNumberId the id of the business phone number that received it ({@code metadata.phone_number_id}), or null
     * @param sender who sent it
     * @param timestamp when WhatsApp received it (whole seconds)
     * @param type what kind of message it is
     * @param text the words the user sent: a text message's body or a media caption; null when none
     * @param media the attached media for {@link Type#isMedia() media types}; null otherwise
     * @param reply the button or row the user tapped, for {@link Type#INTERACTIVE} and {@link Type#BUTTON}; null otherwise
     * @param context the message this one replies to, or the forwarding flags; null when none
     * @param referral the Click to WhatsApp ad the conversation started from; null when none
     * @param system what a {@link Type#SYSTEM} message reports (a new phone number or a new business-scoped user id); null for every other type
     * @throws InvalidInputException when a required part is missing or does not match the type
     */
    public InboundMessage {
        Text.identifier(messageId, "messageId");
        Checks.notNull(sender, "sender");
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(type, "type");
        if (type.isMedia() != (media != null)) {
            throw InvalidInputException.of("media", type.isMedia() ? "is required for " + type : "is only for media types");
        }
        boolean needsReply = type == Type.INTERACTIVE || type == Type.BUTTON;
        if (needsReply != (reply != null)) {
            throw InvalidInputException.of("reply", needsReply ? "is required for " + type : "is only for INTERACTIVE and BUTTON");
        }
        if (type == Type.TEXT && text == null) {
            throw InvalidInputException.of("text", "is required for TEXT");
        }
        if ((type == Type.SYSTEM) != (system != null)) {
            throw InvalidInputException.of("system", type == Type.SYSTEM ? "is required for SYSTEM" : "is only for SYSTEM");
        }
    }

    /**
     * What a {@code system} message reports, as Meta's system messages webhook reference describes it.
     *
     * @param kind      the raw {@code system.type}: {@code user_changed_number} or {@code user_changed_user_id}
     * @param newUserId the new business-scoped user id ({@code system.user_id}), or null
     * @param newWaId   the new phone number ({@code system.wa_id}), or null
     */
    public record SystemChange(String kind, String newUserId, String newWaId) {
        /** The {@code system.type} of a business-scoped user id change. */
        public static final String USER_ID_CHANGED = "user_changed_user_id";
        /** The {@code system.type} of a phone number change. */
        public static final String NUMBER_CHANGED = "user_changed_number";

        /**
         * @param kind      the raw {@code system.type}
         * @param newUserId the new business-scoped user id, or null
         * @param newWaId   the new phone number, or null
         * @throws InvalidInputException when the kind is missing
         */
        public SystemChange {
            Checks.notNull(kind, "kind");
        }

        @Override
        public String toString() {
            return "SystemChange[kind=" + kind + ", newUserId=" + newUserId + ", newWaId="
                    + (newWaId == null ? "null" : za.co.proconnectsa.support.internal.PhoneMasking.mask(newWaId)) + ']';
        }
    }

    @Override
    public String toString() {
        return "InboundMessage[messageId=" + messageId + ", type=" + type + ", sender=" + sender
                + ", timestamp=" + timestamp + ", text=" + (text == null ? "null" : "(" + text.length() + " chars)")
                + ", media=" + media + ", reply=" + reply + ", context=" + context
                + ", referral=" + (referral == null ? "null" : "(ad " + referral.sourceId() + ")") + ", system=" + system + ']';
    }

    /**
     * Who sent a message. WhatsApp identifies a user by phone number ({@code wa_id}) and, since 2026, by a
     * business-scoped user id (BSUID, {@code user_id}); a user who adopted a username may arrive with the BSUID
     * only. At least one of the two is present.
     *
     * @param waId         the user's WhatsApp id, i.e. phone number in international form without {@code +}, or
     *                     null when WhatsApp withholds it
     * @param userId       the business-scoped user id (e.g. {@code US.13491208655302741918}), or null
     * @param parentUserId the parent business-scoped user id, when parent BSUIDs are enabled; or null
     * @param profileName  the user's WhatsApp profile name, or null
     * @param username     the user's WhatsApp username, or null
     */
    public record Sender(String waId, String userId, String parentUserId, String profileName, String username) {

        /**
         * @param waId the user's WhatsApp id, i.e. phone number in international form without {@code +}, or null when WhatsApp withholds it
         * @param userId the business-scoped user id (e.g. {@code US.13491208655302741918}), or null
         * @param parentUserId the parent business-scoped user id, when parent BSUIDs are enabled; or null
         * @param profileName the user's WhatsApp profile name, or null
         * @param username the user's WhatsApp username, or null
         * @throws InvalidInputException when neither {@code waId} nor {@code userId} is present
         */
        public Sender {
            if (isBlank(waId) && isBlank(userId)) {
                throw InvalidInputException.of("sender", "needs a wa_id or a user_id");
            }
        }

        /** Masks the phone number; leaves out the profile name and username. */
        @Override
        public String toString() {
            return "Sender[waId=" + (waId == null ? "null" : PhoneMasking.mask(waId)) + ", userId=" + userId + ']';
        }
    }

    /**
     * Media attached to a message. Download it with the Cloud API's media endpoint using {@link #id()}.
     *
     * @param id       the media id
     * @param mimeType the media type, e.g. {@code image/jpeg}; or null
     * @param sha256   the file's SHA-256 as WhatsApp reports it; or null
     * @param filename the file name of a document; or null
     */
    public record Media(String id, String mimeType, String sha256, String filename) {

        /**
         * @param id the media id
         * @param mimeType the media type, e.g. {@code image/jpeg}; or null
         * @param sha256 the file's SHA-256 as WhatsApp reports it; or null
         * @param filename the file name of a document; or null
         * @throws InvalidInputException when the id is blank
         */
        public Media {
            if (isBlank(id)) {
                throw InvalidInputException.of("media.id", "must not be blank");
            }
        }
    }

    /**
     * The button or list row the user tapped.
     *
     * @param kind        which kind of control it was
     * @param id          the id the business gave the button or row (for a template button: its payload)
     * @param title       the label the user saw
     * @param description the row's description (list rows only); or null
     */
    public record InteractiveReply(Kind kind, String id, String title, String description) {

        /** The kinds of control. */
        public enum Kind {
            /** A reply button of an interactive message ({@code button_reply}). */
            BUTTON_REPLY,
            /** A row of an interactive list message ({@code list_reply}). */
            LIST_REPLY,
            /** A quick-reply button of a template message ({@code button}). */
            TEMPLATE_BUTTON
        }

        /**
         * @param kind which kind of control it was
         * @param id the id the business gave the button or row (for a template button: its payload)
         * @param title the label the user saw
         * @param description the row's description (list rows only); or null
         * @throws InvalidInputException when the kind, id or title is missing
         */
        public InteractiveReply {
            Checks.notNull(kind, "reply.kind");
            Checks.notNull(id, "reply.id");
            Checks.notNull(title, "reply.title");
        }
    }

    /**
     * What a message refers to: the earlier message it quotes or answers, or that it was forwarded.
     *
     * @param messageId           the id of the message replied to (for an interactive reply: the message with the
     *                            button); or null
     * @param from                who sent that message (the business's display number for a button reply); or null
     * @param forwarded           whether the user forwarded the message
     * @param frequentlyForwarded whether the message was forwarded more than five times
     */
    public record ReplyContext(String messageId, String from, boolean forwarded, boolean frequentlyForwarded) {

        /** Masks the phone number. */
        @Override
        public String toString() {
            return "ReplyContext[messageId=" + messageId + ", from=" + (from == null ? "null" : PhoneMasking.mask(from))
                    + ", forwarded=" + forwarded + ", frequentlyForwarded=" + frequentlyForwarded + ']';
        }
    }

    /**
     * The Click to WhatsApp ad (or post) the user tapped to start the conversation. Every part may be null.
     *
     * @param sourceUrl  the ad's or post's URL
     * @param sourceId   the ad id
     * @param sourceType {@code ad} or {@code post}
     * @param headline   the ad's headline
     * @param body       the ad's primary text
     * @param mediaType  {@code image} or {@code video}
     * @param ctwaClid   the click id, for Meta's Conversions API; absent for ads shown in WhatsApp Status
     */
    public record Referral(String sourceUrl, String sourceId, String sourceType, String headline, String body,
            String mediaType, String ctwaClid) {
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
