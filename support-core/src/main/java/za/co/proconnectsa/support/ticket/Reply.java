package za.co.proconnectsa.support.ticket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reply to add to a ticket: public, or an internal note that only support sees. The body is free text as
 * {@link za.co.proconnectsa.support.TextRules} defines it (no control characters other than tab and line breaks,
 * no lone surrogates), checked when the reply is added.
 *
 * @param body        the text, 1 to {@value NewTicket#MAX_BODY_LENGTH} characters, not blank
 * @param visibility  PUBLIC or INTERNAL
 * @param attachments files attached, at most {@value NewTicket#MAX_ATTACHMENTS}
 */
public record Reply(String body, Visibility visibility, List<Attachment> attachments) {

    /**
     * Copies the attachment list, unmodifiable (null stays null, and so do null entries, for the desk to report).
     *
     * @param body the text, 1 to {@value NewTicket#MAX_BODY_LENGTH} characters, not blank
     * @param visibility PUBLIC or INTERNAL
     * @param attachments files attached, at most {@value NewTicket#MAX_ATTACHMENTS}
     */
    public Reply {
        attachments = attachments == null ? null : Collections.unmodifiableList(new ArrayList<>(attachments));
    }

    /**
     * @param body the text
     * @return a public reply
     */
    public static Reply publicReply(String body) {
        return new Reply(body, Visibility.PUBLIC, List.of());
    }

    /**
     * @param body the text
     * @return an internal note, never shown to the requester
     */
    public static Reply internalNote(String body) {
        return new Reply(body, Visibility.INTERNAL, List.of());
    }

    /**
     * @param attachment a file to attach
     * @return a copy with the attachment added
     */
    public Reply withAttachment(Attachment attachment) {
        List<Attachment> all = new ArrayList<>(attachments == null ? List.of() : attachments);
        all.add(attachment);
        return new Reply(body, visibility, all);
    }
}
