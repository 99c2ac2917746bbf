package za.co.proconnectsa.support.privacy;

import java.util.List;

/**
 * What a correction, erasure or anonymisation changed. Nothing is deleted: every record keeps its place, so counts
 * and totals stay as they were.
 *
 * @param subjectRef           the id the subject's records are filed under now: a pseudonym ({@code erased-...})
 *                             after an erasure or anonymisation, the first requester id after a correction
 * @param tickets              tickets rewritten
 * @param conversations        WhatsApp conversations rewritten
 * @param recordsChanged       rows changed in all (tickets, messages, attachments, audit entries, transcript lines,
 *                             outbox entries, consent lines, earlier requests)
 * @param jobsDropped          queued or finished jobs holding their raw messages or number (inbound webhook messages,
 *                             delivery reports, WhatsApp sends to them), emptied: each keeps its key so a webhook
 *                             delivered again stays a duplicate, and one not yet run is finished unsent
 * @param attachmentReferences the host's handles to the files attached to their tickets by reference
 *                             ({@link za.co.proconnectsa.support.ticket.Attachment}): the host keeps those files, so the
 *                             host deletes them
 * @param filesQueued          files of their tickets and conversations in the desk's attachment store whose deletion
 *                             was queued in the request's unit of work (see
 *                             {@link DataSubjectService#fileDeletionWorker()}); 0 after a correction
 */
public record RedactionReport(String subjectRef, int tickets, int conversations, int recordsChanged, int jobsDropped,
        List<String> attachmentReferences, int filesQueued) {

    /**
     * Copies the list.
     *
     * @param subjectRef the id the subject's records are filed under now: a pseudonym ({@code erased-...}) after an erasure or anonymisation, the first requester id after a correction
     * @param tickets tickets rewritten
     * @param conversations WhatsApp conversations rewritten
     * @param recordsChanged rows changed in all (tickets, messages, attachments, audit entries, transcript lines, outbox entries, consent lines, earlier requests)
     * @param jobsDropped queued or finished jobs holding their raw messages or number, emptied with their keys kept
     * @param attachmentReferences the host's handles to the files attached to their tickets by reference: the host keeps those files, so the host deletes them
     * @param filesQueued files of their tickets and conversations in the desk's attachment store whose deletion was queued in the request's unit of work; 0 after a correction
     */
    public RedactionReport {
        attachmentReferences = List.copyOf(attachmentReferences);
    }
}
