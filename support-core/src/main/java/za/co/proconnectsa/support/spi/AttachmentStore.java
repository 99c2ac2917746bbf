package za.co.proconnectsa.support.spi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * Where attached files are kept: each file's bytes with its {@link AttachmentRecord}. The library ships a file-system
 * store ({@link za.co.proconnectsa.support.attachment.FileSystemAttachmentStore}), an in-memory one for tests and,
 * in {@code support-jdbc}, one in the database; a host's own store (an object store, say) proves itself with
 * {@code AttachmentStoreContract} from {@code support-testing}.
 *
 * <p>Rules every store keeps:
 * <ul>
 *   <li>{@link #save} is idempotent on the record's id: saving the same id again stores nothing and returns the record
 *       kept the first time, so a download retried after a crash is one attachment.</li>
 *   <li>The bytes read back byte for byte and the record's texts exactly; a record is never visible without its
 *       bytes.</li>
 *   <li>Nothing from a record (its file name above all) is used as a path or a key: a name such as
 *       {@code ../../etc/passwd} is only data.</li>
 * </ul>
 */
public interface AttachmentStore {

    /**
     * Keeps a file and its record, unless a record with the same id is kept already.
     *
     * @param record  the record; its size and SHA-256 must be those of the content
     * @param content the bytes
     * @return the record kept under the id: this one, or the one kept before
     * @throws za.co.proconnectsa.support.InvalidInputException when the content's size or SHA-256 is not the record's
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store cannot be written
     */
    AttachmentRecord save(AttachmentRecord record, byte[] content);

    /**
     * @param id an attachment's id
     * @return its record, if kept
     */
    Optional<AttachmentRecord> find(UUID id);

    /**
     * @param id an attachment's id
     * @return its bytes, if kept
     */
    Optional<byte[]> content(UUID id);

    /**
     * @param conversationId a conversation
     * @return the attachments sent in it, oldest first (ties by id)
     */
    List<AttachmentRecord> byConversation(UUID conversationId);

    /**
     * @param ticketId a ticket
     * @return the attachments recorded with this ticket, oldest first (ties by id)
     */
    List<AttachmentRecord> byTicket(TicketId ticketId);

    /**
     * Removes an attachment and its bytes.
     *
     * @param id the attachment's id
     * @return whether one was kept
     */
    boolean delete(UUID id);
}
