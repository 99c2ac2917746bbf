package za.co.proconnectsa.support.privacy;

/**
 * What one run of {@link DataSubjectService#purgeExpired} deleted: each record counted once, by the run that
 * deleted it, however many runs race on however many instances.
 *
 * @param closedTickets       closed tickets deleted, with everything that belonged to them
 * @param closedConversations closed conversations deleted, with their transcripts
 * @param processedMessageIds processed webhook message ids deleted
 * @param doneJobs            finished jobs deleted
 * @param filesQueued         files in the desk's attachment store of the deleted tickets and conversations whose
 *                            deletion was queued in the unit that deleted them (not counted in {@link #total()})
 */
public record PurgeReport(int closedTickets, int closedConversations, int processedMessageIds, int doneJobs,
        int filesQueued) {

    /** @return how many records were deleted in all, files not included */
    public int total() {
        return closedTickets + closedConversations + processedMessageIds + doneJobs;
    }
}
