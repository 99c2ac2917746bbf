package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.whatsapp.cloud.ReplyButton;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * A WhatsApp message waiting in the send queue, as its job's payload: who it goes to, what it says (a free-form
 * text, or an approved template with one body parameter), the start of the customer-service window it was written
 * in, the transcript line that records it, and the ticket to note on when it cannot be delivered.
 *
 * @param contact          the WhatsApp number
 * @param text             the text, or the template's body parameter
 * @param windowOpened     when the contact last wrote, or {@code null} when they never did
 * @param lineId           the transcript line whose delivery the send records
 * @param ticketNumber     the ticket to note on when it cannot be delivered, or {@code null}
 * @param unsentNote       the note's opening words, or {@code null}
 * @param templateName     the approved template to send instead of a text, or {@code null}
 * @param templateLanguage its language, or {@code null}
 * @param media            the file sent, with {@code text} as its caption (empty for none), or {@code null}
 * @param buttons          reply buttons under {@code text} (an interactive message), or an empty list
 */
record QueuedSend(String contact, String text, Instant windowOpened, String lineId, String ticketNumber,
        String unsentNote, String templateName, String templateLanguage, Media media, List<ReplyButton> buttons) {

    QueuedSend {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    QueuedSend(String contact, String text, Instant windowOpened, String lineId, String ticketNumber,
            String unsentNote, String templateName, String templateLanguage, Media media) {
        this(contact, text, windowOpened, lineId, ticketNumber, unsentNote, templateName, templateLanguage, media,
                List.of());
    }

    /**
     * A file an agent sends: kept in the attachment store and uploaded when sent, or fetched by Meta from a link.
     *
     * @param kind         the kind of file
     * @param attachmentId the kept file to upload, or {@code null} when sent by link
     * @param link         the public https link, or {@code null} when uploaded
     * @param fileName     a document's name, or {@code null}
     */
    record Media(AttachmentKind kind, UUID attachmentId, String link, String fileName) {
    }

    /** The job kind of queued WhatsApp messages in the store's queue. */
    static final String KIND = WhatsAppInbox.SEND_KIND;

    /** @return whether an approved template is sent rather than a text */
    boolean isTemplate() {
        return templateName != null;
    }

    /** @return the payload: UTF-8 properties, so that any text survives */
    byte[] encode() {
        Properties p = new Properties();
        p.setProperty("contact", contact);
        p.setProperty("text", text);
        p.setProperty("lineId", lineId);
        if (windowOpened != null) {
            p.setProperty("windowOpened", windowOpened.toString());
        }
        if (ticketNumber != null) {
            p.setProperty("ticketNumber", ticketNumber);
            p.setProperty("unsentNote", unsentNote);
        }
        if (templateName != null) {
            p.setProperty("templateName", templateName);
            p.setProperty("templateLanguage", templateLanguage);
        }
        if (media != null) {
            p.setProperty("mediaKind", media.kind().name());
            Payloads.setIfPresent(p, "mediaAttachment", media.attachmentId());
            Payloads.setIfPresent(p, "mediaLink", media.link());
            Payloads.setIfPresent(p, "mediaFileName", media.fileName());
        }
        for (int i = 0; i < buttons.size(); i++) {
            p.setProperty("button." + i + ".id", buttons.get(i).id());
            p.setProperty("button." + i + ".title", buttons.get(i).title());
        }
        return Payloads.write(p);
    }

    /**
     * @param payload a job's payload
     * @return the send
     * @throws InvalidInputException when the payload is not one this version wrote
     */
    static QueuedSend decode(byte[] payload) {
        Properties p;
        try {
            p = Payloads.read(payload);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("payload", "is not a queued WhatsApp message");
        }
        String contact = p.getProperty("contact");
        String text = p.getProperty("text");
        String lineId = p.getProperty("lineId");
        if (contact == null || text == null || lineId == null) {
            throw InvalidInputException.of("payload", "is not a queued WhatsApp message (no contact, text or line)");
        }
        String opened = p.getProperty("windowOpened");
        Media media = null;
        if (p.getProperty("mediaKind") != null) {
            try {
                String attachment = p.getProperty("mediaAttachment");
                media = new Media(AttachmentKind.valueOf(p.getProperty("mediaKind")),
                        attachment == null ? null : UUID.fromString(attachment), p.getProperty("mediaLink"),
                        p.getProperty("mediaFileName"));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("payload", "is not a queued WhatsApp message (bad media)");
            }
        }
        List<ReplyButton> buttons = new ArrayList<>();
        for (int i = 0; p.getProperty("button." + i + ".id") != null; i++) {
            try {
                buttons.add(new ReplyButton(p.getProperty("button." + i + ".id"),
                        p.getProperty("button." + i + ".title")));
            } catch (InvalidInputException e) {
                throw InvalidInputException.of("payload", "is not a queued WhatsApp message (bad button)");
            }
        }
        return new QueuedSend(contact, text, opened == null ? null : Instant.parse(opened), lineId,
                p.getProperty("ticketNumber"), p.getProperty("unsentNote"), p.getProperty("templateName"),
                p.getProperty("templateLanguage"), media, buttons);
    }
}
