package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * An inbound file waiting to be downloaded, as its job's payload: the message that carried it, the media id, and
 * what the webhook said of it.
 *
 * @param messageId the WhatsApp message id; the attachment's id is derived from it
 * @param mediaId   the media id to download
 * @param kind      the kind of file
 * @param mimeType  the type the webhook stated, or {@code null}
 * @param sha256    the checksum the webhook stated, or {@code null}
 * @param fileName  the document's file name, or {@code null}
 * @param caption   the caption, or {@code null}
 */
record PendingMedia(String messageId, String mediaId, AttachmentKind kind, String mimeType, String sha256,
        String fileName, String caption) {

    /** @return the file of a media message */
    static PendingMedia of(InboundMessage m) {
        AttachmentKind kind = AttachmentKind.valueOf(m.type().name());
        return new PendingMedia(m.messageId(), m.media().id(), kind, m.media().mimeType(), m.media().sha256(),
                m.media().filename(), m.text());
    }

    /** @return the id its attachment is kept under: the same for every attempt, so a retry is one attachment */
    UUID attachmentId() {
        return UUID.nameUUIDFromBytes(("whatsapp-media:" + messageId).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the payload: UTF-8 properties, so that any caption survives */
    byte[] encode() {
        Properties p = new Properties();
        p.setProperty("messageId", messageId);
        p.setProperty("mediaId", mediaId);
        p.setProperty("kind", kind.name());
        Payloads.setIfPresent(p, "mimeType", mimeType);
        Payloads.setIfPresent(p, "sha256", sha256);
        Payloads.setIfPresent(p, "fileName", fileName);
        Payloads.setIfPresent(p, "caption", caption);
        return Payloads.write(p);
    }

    /**
     * @param payload a job's payload
     * @return the pending file
     * @throws InvalidInputException when the payload is not one this version wrote
     */
    static PendingMedia decode(byte[] payload) {
        try {
            Properties p = Payloads.read(payload);
            return new PendingMedia(required(p, "messageId"), required(p, "mediaId"),
                    AttachmentKind.valueOf(required(p, "kind")), p.getProperty("mimeType"), p.getProperty("sha256"),
                    p.getProperty("fileName"), p.getProperty("caption"));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("payload", "is not a pending WhatsApp media download");
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key);
        }
        return value;
    }
}
