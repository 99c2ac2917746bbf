package za.co.proconnectsa.support.attachment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * What the desk keeps about one stored file: its kind, type, size and checksum, the name and caption it came with,
 * and the conversation, ticket and requester it belongs to. The bytes are kept beside it by the same
 * {@link za.co.proconnectsa.support.spi.AttachmentStore}.
 *
 * @param id              the attachment's id
 * @param kind            what sort of file it is
 * @param contentType     the media type, e.g. {@code image/jpeg} or {@code audio/ogg; codecs=opus}, 1 to 100
 *                        printable ASCII characters
 * @param sizeBytes       the size in bytes, not negative
 * @param sha256          the SHA-256 of the bytes, 64 lower-case hex digits
 * @param fileName        the file name it came with, free text ({@link Text}) of at most 255 characters, or
 *                        {@code null}; kept as data only, never used as a path
 * @param caption         the words sent with it, free text of at most 4096 characters, or {@code null}
 * @param createdAt       when it was stored, to the microsecond
 * @param conversationId  the conversation it was sent in, or {@code null}
 * @param ticketId        the ticket it belongs to, or {@code null}
 * @param requesterId     the host's id of the customer it came from or went to, or {@code null}
 * @param sourceMessageId the channel's id of the message that carried it (a WhatsApp {@code wamid}), an identifier,
 *                        or {@code null}
 */
public record AttachmentRecord(
        UUID id,
        AttachmentKind kind,
        String contentType,
        long sizeBytes,
        String sha256,
        String fileName,
        String caption,
        Instant createdAt,
        UUID conversationId,
        TicketId ticketId,
        String requesterId,
        String sourceMessageId) {

    /** The longest file name kept. */
    public static final int MAX_FILE_NAME = 255;
    /** The longest caption kept. */
    public static final int MAX_CAPTION = 4096;
    /** The longest content type kept. */
    public static final int MAX_CONTENT_TYPE = 100;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]{0,99}");

    /**
     * Checks every component and truncates the time to microseconds, as every store keeps it.
     *
     * @param id the attachment's id
     * @param kind what sort of file it is
     * @param contentType the media type, e.g. {@code image/jpeg} or {@code audio/ogg; codecs=opus}, 1 to 100 printable ASCII characters
     * @param sizeBytes the size in bytes, not negative
     * @param sha256 the SHA-256 of the bytes, 64 lower-case hex digits
     * @param fileName the file name it came with, free text ({@link Text}) of at most 255 characters, or {@code null}; kept as data only, never used as a path
     * @param caption the words sent with it, free text of at most 4096 characters, or {@code null}
     * @param createdAt when it was stored, to the microsecond
     * @param conversationId the conversation it was sent in, or {@code null}
     * @param ticketId the ticket it belongs to, or {@code null}
     * @param requesterId the host's id of the customer it came from or went to, or {@code null}
     * @param sourceMessageId the channel's id of the message that carried it (a WhatsApp {@code wamid}), an identifier, or {@code null}
     * @throws InvalidInputException when a component is missing or malformed
     */
    public AttachmentRecord {
        Checks.notNull(id, "id");
        Checks.notNull(kind, "kind");
        Checks.notNull(contentType, "contentType");
        if (!CONTENT_TYPE.matcher(contentType).matches()) {
            throw InvalidInputException.of("contentType", "must be 1 to " + MAX_CONTENT_TYPE
                    + " printable ASCII characters");
        }
        if (sizeBytes < 0) {
            throw InvalidInputException.of("sizeBytes", "must not be negative");
        }
        Checks.notNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw InvalidInputException.of("sha256", "must be 64 lower-case hex digits");
        }
        Text.optionalText(fileName, "fileName", MAX_FILE_NAME);
        Text.optionalText(caption, "caption", MAX_CAPTION);
        createdAt = Checks.notNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        Text.optionalIdentifier(requesterId, "requesterId");
        Text.optionalIdentifier(sourceMessageId, "sourceMessageId");
    }

    /**
     * @param content some bytes
     * @return their SHA-256 as 64 lower-case hex digits
     */
    public static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Checks.notNull(content, "content")));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * @param content the bytes a store is asked to keep under this record
     * @throws InvalidInputException when their size or SHA-256 is not the record's
     */
    public void requireContent(byte[] content) {
        Checks.notNull(content, "content");
        if (content.length != sizeBytes) {
            throw InvalidInputException.of("content", "is " + content.length + " bytes, the record says " + sizeBytes);
        }
        if (!sha256Of(content).equals(sha256)) {
            throw InvalidInputException.of("content", "does not have the record's SHA-256");
        }
    }

    /**
     * @param ticket the ticket the file now belongs to
     * @return the record with its ticket set, e.g. once its conversation became a ticket
     */
    public AttachmentRecord withTicket(TicketId ticket) {
        return new AttachmentRecord(id, kind, contentType, sizeBytes, sha256, fileName, caption, createdAt,
                conversationId, ticket, requesterId, sourceMessageId);
    }

    /** Leaves out the file name and the caption, which are the customer's words, so that a record can be logged. */
    @Override
    public String toString() {
        return "AttachmentRecord[id=" + id + ", kind=" + kind + ", contentType=" + contentType + ", sizeBytes="
                + sizeBytes + ", conversationId=" + conversationId + ", ticketId=" + ticketId + "]";
    }
}
