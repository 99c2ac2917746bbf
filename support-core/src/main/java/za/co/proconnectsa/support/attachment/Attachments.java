package za.co.proconnectsa.support.attachment;

import java.util.Comparator;

/** What the stores in this package share. */
final class Attachments {

    /** The order every store lists attachments in: oldest first, ties by id. */
    static final Comparator<AttachmentRecord> OLDEST_FIRST = Comparator.comparing(AttachmentRecord::createdAt)
            .thenComparing(AttachmentRecord::id);

    private Attachments() {
    }
}
