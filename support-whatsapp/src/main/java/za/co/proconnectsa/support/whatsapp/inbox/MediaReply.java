package za.co.proconnectsa.support.whatsapp.inbox;

import java.net.URI;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.OutboundMedia;
import za.co.proconnectsa.support.whatsapp.inbox.internal.MediaLimits;

/**
 * A file an agent sends on WhatsApp ({@link WhatsAppInbox#replyWithMedia}): bytes to upload, or a public https link
 * Meta fetches. Checked against WhatsApp's limits when made: images JPEG or PNG up to 5 MB; audio (AAC, AMR, MP3,
 * MP4, OGG) and video (3GP, MP4) up to 16 MB; documents (PDF, text, Word, Excel, PowerPoint) up to 100 MB; stickers
 * WebP up to 500 KB.
 *
 * @param kind        what sort of file it is
 * @param content     the bytes to upload, or {@code null} when sent by link
 * @param contentType the bytes' media type, or {@code null} when sent by link
 * @param link        the public https link, or {@code null} when uploaded
 * @param fileName    a document's name, or {@code null}
 * @param caption     the words shown with it (not for audio and stickers), or {@code null}
 */
public record MediaReply(AttachmentKind kind, byte[] content, String contentType, URI link, String fileName,
        String caption) {

    /**
     * @param kind what sort of file it is
     * @param content the bytes to upload, or {@code null} when sent by link
     * @param contentType the bytes' media type, or {@code null} when sent by link
     * @param link the public https link, or {@code null} when uploaded
     * @param fileName a document's name, or {@code null}
     * @param caption the words shown with it (not for audio and stickers), or {@code null}
     * @throws InvalidInputException when the file is not one WhatsApp carries
     */
    public MediaReply {
        Checks.notNull(kind, "kind");
        if ((content == null) == (link == null)) {
            throw InvalidInputException.of("file", "needs either the bytes or a link");
        }
        // the caption and name rules are the Cloud API's own
        if (link != null) {
            OutboundMedia.byLink(kind, link, caption, fileName);
        } else {
            OutboundMedia.uploaded(kind, "upload", caption, fileName);
            if (content.length == 0 || content.length > MediaLimits.maxBytes(kind)) {
                throw InvalidInputException.of("content", "must be 1 byte to " + MediaLimits.describe(MediaLimits.maxBytes(kind))
                        + " for " + kind.label() + ", was " + content.length + " bytes");
            }
            if (!MediaLimits.allows(kind, contentType)) {
                throw InvalidInputException.of("contentType", "WhatsApp does not carry " + contentType + " as "
                        + kind.label());
            }
            // checked now, not when the record is kept
            new AttachmentRecord(java.util.UUID.randomUUID(), kind, contentType, content.length,
                    "0".repeat(64), fileName, caption, java.time.Instant.EPOCH, null, null, null, null);
            content = content.clone();
        }
    }

    /**
     * @param kind        what sort of file it is
     * @param content     the bytes
     * @param contentType their media type, e.g. {@code application/pdf}
     * @param fileName    a document's name, or {@code null}
     * @param caption     the caption, or {@code null}
     * @return a file uploaded when it is sent
     */
    public static MediaReply upload(AttachmentKind kind, byte[] content, String contentType, String fileName,
            String caption) {
        return new MediaReply(kind, content, contentType, null, fileName, caption);
    }

    /**
     * @param kind     what sort of file it is
     * @param link     a public https address
     * @param fileName a document's name, or {@code null}
     * @param caption  the caption, or {@code null}
     * @return a file Meta fetches from the link
     */
    public static MediaReply link(AttachmentKind kind, URI link, String fileName, String caption) {
        return new MediaReply(kind, null, null, link, fileName, caption);
    }

    @Override
    public String toString() {
        return "MediaReply[kind=" + kind + (content == null ? ", link" : ", " + content.length + " bytes of " + contentType)
                + "]";
    }
}
