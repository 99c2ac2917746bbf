package za.co.proconnectsa.support.whatsapp.cloud;

import java.net.URI;
import java.util.Locale;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * A media message to send: an uploaded media id ({@link WhatsAppCloudClient#uploadMedia}) or a public https link,
 * with a caption (images, videos and documents) and a file name (documents).
 *
 * @param kind     what sort of file it is
 * @param mediaId  the uploaded media's id, or null when sent by link
 * @param link     a public https address Meta fetches the file from, or null when sent by id
 * @param caption  the words shown with it, at most 1024 characters, or null; not for audio and stickers
 * @param fileName the name shown for a document, at most 240 characters, or null; documents only
 */
public record OutboundMedia(AttachmentKind kind, String mediaId, URI link, String caption, String fileName) {

    /** The longest caption the Cloud API takes. */
    public static final int MAX_CAPTION = 1024;

    /**
     * @param kind what sort of file it is
     * @param mediaId the uploaded media's id, or null when sent by link
     * @param link a public https address Meta fetches the file from, or null when sent by id
     * @param caption the words shown with it, at most 1024 characters, or null; not for audio and stickers
     * @param fileName the name shown for a document, at most 240 characters, or null; documents only
     * @throws InvalidInputException when the parts do not make a media message the Cloud API takes
     */
    public OutboundMedia {
        Checks.notNull(kind, "kind");
        if ((mediaId == null) == (link == null)) {
            throw InvalidInputException.of("media", "needs either a media id or a link");
        }
        if (mediaId != null) {
            Text.identifier(mediaId, "mediaId");
        }
        if (link != null && (!"https".equals(link.getScheme() == null ? null : link.getScheme().toLowerCase(Locale.ROOT))
                || link.getHost() == null)) {
            throw InvalidInputException.of("link", "must be an absolute https address");
        }
        if (caption != null) {
            if (kind == AttachmentKind.AUDIO || kind == AttachmentKind.STICKER) {
                throw InvalidInputException.of("caption", "is not sent with " + kind.label());
            }
            Text.text(caption, "caption", MAX_CAPTION);
        }
        if (fileName != null) {
            if (kind != AttachmentKind.DOCUMENT) {
                throw InvalidInputException.of("fileName", "is for documents only");
            }
            Text.text(fileName, "fileName", 240);
        }
    }

    /**
     * @param kind     image, video, audio, document or sticker
     * @param mediaId  the id Graph gave the uploaded file
     * @param caption  the caption, or null (not for audio or stickers)
     * @param fileName the file name shown, or null (documents only)
     * @return a media message sending an uploaded media id
     */
    public static OutboundMedia uploaded(AttachmentKind kind, String mediaId, String caption, String fileName) {
        return new OutboundMedia(kind, mediaId, null, caption, fileName);
    }

    /**
     * @param kind     image, video, audio, document or sticker
     * @param link     the public https address Meta fetches the file from
     * @param caption  the caption, or null (not for audio or stickers)
     * @param fileName the file name shown, or null (documents only)
     * @return a media message Meta fetches from a public https link
     */
    public static OutboundMedia byLink(AttachmentKind kind, URI link, String caption, String fileName) {
        return new OutboundMedia(kind, null, link, caption, fileName);
    }
}
