package za.co.proconnectsa.support.privacy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * How long each kind of record is kept (POPIA s14), for {@link DataSubjectService#purgeExpired}. A kind without a
 * period is kept. A purged ticket takes with it everything queued to go out about it (outbox entries, notifications in
 * any state and the WhatsApp sends they became): nothing of it is sent after the purge, and a WhatsApp line whose send
 * was dropped is marked failed. A purged conversation's webhook bodies and sends are emptied at once; their keys stay
 * until {@code doneJobs}, so a redelivered webhook is still a duplicate. Immutable.
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *         .closedTickets(Duration.ofDays(3 * 365))        // since the ticket last changed, CLOSED tickets only
 *         .closedConversations(Duration.ofDays(365))     // since the conversation last changed, CLOSED ones only
 *         .processedMessageIds(Duration.ofDays(30))      // webhook deduplication marks
 *         .doneJobs(Duration.ofDays(14), "whatsapp.inbound", "whatsapp.status", "whatsapp.send")
 *         .build();
 * }</pre>
 *
 * @param closedTickets       how long a CLOSED ticket is kept after its last change, with its messages, attachments'
 *                            metadata, audit trail, idempotency keys, SLA rows, survey, outbox entries and
 *                            notifications
 * @param closedConversations how long a CLOSED WhatsApp conversation is kept after its last change, with its transcript
 * @param processedMessageIds how long a processed webhook message id is kept
 * @param doneJobs            how long a finished job is kept, at least 7 days (Meta redelivers a webhook for 7 days)
 * @param jobKinds            the kinds of job {@code doneJobs} applies to
 * @param batchSize           how many records one unit of work deletes, 1 to 1000
 */
public record RetentionPolicy(Duration closedTickets, Duration closedConversations, Duration processedMessageIds,
        Duration doneJobs, Set<String> jobKinds, int batchSize) {

    /**
     * @param closedTickets how long a CLOSED ticket is kept after its last change, with its messages, attachments' metadata, audit trail, idempotency keys and SLA rows
     * @param closedConversations how long a CLOSED WhatsApp conversation is kept after its last change, with its transcript
     * @param processedMessageIds how long a processed webhook message id is kept
     * @param doneJobs how long a finished job is kept, at least 7 days (Meta redelivers a webhook for 7 days)
     * @param jobKinds the kinds of job {@code doneJobs} applies to
     * @param batchSize how many records one unit of work deletes, 1 to 1000
     * @throws InvalidInputException when a period is not positive, or done jobs are kept less than 7 days
     */
    public RetentionPolicy {
        positiveOrNull(closedTickets, "closedTickets");
        positiveOrNull(closedConversations, "closedConversations");
        positiveOrNull(processedMessageIds, "processedMessageIds");
        positiveOrNull(doneJobs, "doneJobs");
        jobKinds = Set.copyOf(Checks.notNull(jobKinds, "jobKinds"));
        jobKinds.forEach(k -> Text.identifier(k, "jobKind"));
        if (doneJobs != null && doneJobs.compareTo(Duration.ofDays(7)) < 0) {
            throw InvalidInputException.of("doneJobs", "must be at least 7 days: Meta redelivers a webhook for up to 7 days");
        }
        Checks.between(batchSize, 1, 1000, "batchSize");
    }

    private static void positiveOrNull(Duration value, String field) {
        if (value != null) {
            Checks.positive(value, field);
        }
    }

    /** @return the period of closed tickets, if they are purged */
    public Optional<Duration> closedTicketRetention() {
        return Optional.ofNullable(closedTickets);
    }

    /** @return a builder: nothing is purged until a period is set */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a {@link RetentionPolicy}. */
    public static final class Builder {
        private Duration closedTickets;
        private Duration closedConversations;
        private Duration processedMessageIds;
        private Duration doneJobs;
        private final Set<String> jobKinds = new LinkedHashSet<>();
        private int batchSize = 200;

        private Builder() {
        }

        /**
         * @param value how long a CLOSED ticket is kept after its last change
         * @return this builder
         */
        public Builder closedTickets(Duration value) {
            this.closedTickets = Checks.positive(value, "closedTickets");
            return this;
        }

        /**
         * @param value how long a CLOSED conversation is kept after its last change
         * @return this builder
         */
        public Builder closedConversations(Duration value) {
            this.closedConversations = Checks.positive(value, "closedConversations");
            return this;
        }

        /**
         * @param value how long a processed webhook message id is kept
         * @return this builder
         */
        public Builder processedMessageIds(Duration value) {
            this.processedMessageIds = Checks.positive(value, "processedMessageIds");
            return this;
        }

        /**
         * @param value how long a finished job is kept, at least 7 days
         * @param kinds the kinds of job it applies to
         * @return this builder
         */
        public Builder doneJobs(Duration value, String... kinds) {
            this.doneJobs = Checks.positive(value, "doneJobs");
            for (String kind : Checks.notNull(kinds, "kinds")) {
                jobKinds.add(Text.identifier(kind, "jobKind"));
            }
            return this;
        }

        /**
         * @param value records deleted per unit of work, 1 to 1000 (200 by default)
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = Checks.between(value, 1, 1000, "batchSize");
            return this;
        }

        /** @return the policy */
        public RetentionPolicy build() {
            return new RetentionPolicy(closedTickets, closedConversations, processedMessageIds, doneJobs, jobKinds,
                    batchSize);
        }
    }
}
