package za.co.proconnectsa.support.privacy;

/**
 * What one run of {@link DataSubjectService#purgeExpired} deleted: each record counted once, by the run that
 * deleted it, however many runs race on however many instances.
 *
 * @param closedTickets       closed tickets deleted, with everything that belonged to them
 * @param closedConversations closed conversations deleted, with their transcripts
 * @param processedMessageIds processed webhook message ids deleted
 * @param doneJobs            finished jobs deleted
 */
public record PurgeReport(int closedTickets, int closedConversations, int processedMessageIds, int doneJobs) {

    /** @return how many records were deleted in all */
    public int total() {
        return closedTickets + closedConversations + processedMessageIds + doneJobs;
    }
}
