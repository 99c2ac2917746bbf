package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * What the library knows about an attached file. The bytes stay with the host; {@code reference}
 * is the host's handle to them (an object-store key, a media id). All three texts are free text as {@link za.co.proconnectsa.support.TextRules}
 * defines it: no control characters other than tab and line breaks, no lone surrogates.
 *
 * @param name        the file name shown to people, at most 255 characters
 * @param contentType the media type, e.g. {@code image/png}
 * @param sizeBytes   the size in bytes, not negative
 * @param reference   the host's handle to the bytes, at most 500 characters
 */
public record Attachment(String name, String contentType, long sizeBytes, String reference) {

    /**
     * @param name the file name shown to people, at most 255 characters
     * @param contentType the media type, e.g. {@code image/png}
     * @param sizeBytes the size in bytes, not negative
     * @param reference the host's handle to the bytes, at most 500 characters
     * @throws InvalidInputException when a field is blank, too long, negative or holds a character no store keeps
     */
    public Attachment {
        requireText("attachment.name", name, 255);
        requireText("attachment.contentType", contentType, 100);
        requireText("attachment.reference", reference, 500);
        if (sizeBytes < 0) {
            throw InvalidInputException.of("attachment.sizeBytes", "must not be negative");
        }
    }

    private static void requireText(String field, String value, int max) {
        Text.text(value, field, max);
    }
}
