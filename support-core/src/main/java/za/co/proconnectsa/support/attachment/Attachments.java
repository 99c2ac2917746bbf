package za.co.proconnectsa.support.attachment;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/** What the stores in this package share: they list by reading every record, oldest first, ties by id. */
abstract class Attachments implements AttachmentStore {

    private static final Comparator<AttachmentRecord> OLDEST_FIRST = Comparator.comparing(AttachmentRecord::createdAt)
            .thenComparing(AttachmentRecord::id);

    /** @return every record kept */
    abstract Stream<AttachmentRecord> records();

    @Override
    public List<AttachmentRecord> byConversation(UUID conversationId) {
        Checks.notNull(conversationId, "conversationId");
        return matching(r -> conversationId.equals(r.conversationId()));
    }

    @Override
    public List<AttachmentRecord> byTicket(TicketId ticketId) {
        Checks.notNull(ticketId, "ticketId");
        return matching(r -> ticketId.equals(r.ticketId()));
    }

    private List<AttachmentRecord> matching(Predicate<AttachmentRecord> filter) {
        return records().filter(filter).sorted(OLDEST_FIRST).toList();
    }
}
