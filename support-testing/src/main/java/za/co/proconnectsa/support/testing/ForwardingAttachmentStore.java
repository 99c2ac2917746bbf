package za.co.proconnectsa.support.testing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * An {@link AttachmentStore} that passes every call to another one, for tests that change what a few calls do: die
 * right after a save, fail deletions as a stopped process would, count what was deleted. Override the methods to
 * change and leave the rest.
 *
 * <pre>{@code
 * AttachmentStore dying = new ForwardingAttachmentStore(FileSystemAttachmentStore.create(dir)) {
 *     @Override
 *     public boolean delete(UUID id) {
 *         throw new StoreUnavailableException("The process ended (simulated)", null);
 *     }
 * };
 * }</pre>
 */
public class ForwardingAttachmentStore implements AttachmentStore {

    private final AttachmentStore delegate;

    /** @param delegate the store that does the work */
    public ForwardingAttachmentStore(AttachmentStore delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    /** @return the store that does the work */
    public AttachmentStore delegate() {
        return delegate;
    }

    @Override
    public AttachmentRecord save(AttachmentRecord record, byte[] content) {
        return delegate.save(record, content);
    }

    @Override
    public Optional<AttachmentRecord> find(UUID id) {
        return delegate.find(id);
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        return delegate.content(id);
    }

    @Override
    public List<AttachmentRecord> byConversation(UUID conversationId) {
        return delegate.byConversation(conversationId);
    }

    @Override
    public List<AttachmentRecord> byTicket(TicketId ticketId) {
        return delegate.byTicket(ticketId);
    }

    @Override
    public boolean delete(UUID id) {
        return delegate.delete(id);
    }
}
