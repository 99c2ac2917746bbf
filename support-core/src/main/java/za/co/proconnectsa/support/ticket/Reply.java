package za.co.proconnectsa.support.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply to add to a ticket: public, or an internal note that only support sees. The body is free text as
 * {@link za.co.proconnectsa.support.internal.Text} defines it (no control characters other than tab and line breaks,
 * no lone surrogates), checked when the reply is added.
 *
 * @param body        the text, 1 to {@value NewTicket#MAX_BODY_LENGTH} characters
 * @param visibility  PUBLIC or INTERNAL
 * @param attachments files attached, at most 10
 */
public record Reply(
        @NotBlank @Size(max = NewTicket.MAX_BODY_LENGTH) String body,
        @NotNull Visibility visibility,
        @NotNull @Size(max = 10) List<@NotNull @Valid Attachment> attachments) {

    /** Copies the attachment list. */
    public Reply {
        attachments = attachments == null ? null : List.copyOf(attachments);
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
