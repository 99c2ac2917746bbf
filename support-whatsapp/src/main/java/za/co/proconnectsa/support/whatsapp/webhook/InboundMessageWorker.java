package za.co.proconnectsa.support.whatsapp.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Applies the inbound WhatsApp messages that {@link WebhookReceiver} stored, off the webhook's request thread: each
 * message is handed to the {@link WebhookHandler} (usually the {@code WhatsAppInbox}) inside one unit of work of the
 * store, which also marks the message done. Conversation, transcript, ticket changes, audit events, outbox entries
 * and the done mark commit together, so a crash at any point leaves the message to be applied again, whole, and a
 * message is never applied twice. A failing message is retried after a doubling pause and, after
 * {@link Builder#maxAttempts}, left dead for a person ({@link WorkQueue#deadJobs}
 * with {@link WebhookReceiver#INBOUND_KIND}).
 *
 * <pre>{@code
 * InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).build().start();
 * ...
 * worker.close();
 * }</pre>
 *
 * <p>It applies the stored status updates too ({@link WebhookReceiver#STATUS_KIND}), each handed to
 * {@link WebhookHandler#onStatusChange} once, in a unit of work of its own, on a second thread.
 *
 * <p>Several workers, on one instance or many, share the stored messages. Hosts with their own scheduler call
 * {@link #runOnce()} instead of {@link #start()}.
 */
public final class InboundMessageWorker implements AutoCloseable {

    private final JobWorker worker;
    private final JobWorker statuses;

    private InboundMessageWorker(JobWorker worker, JobWorker statuses) {
        this.worker = worker;
        this.statuses = statuses;
    }

    /**
     * @param store   the ticket store the receiver enqueues into; it must implement {@link WorkQueue} (the in-memory
     *                and JDBC stores do)
     * @param handler what to do with each message, usually the {@code WhatsAppInbox}
     * @return a builder
     * @throws InvalidInputException when the store keeps no job queue
     */
    public static Builder builder(TicketStore store, WebhookHandler handler) {
        Checks.notNull(store, "store");
        Checks.notNull(handler, "handler");
        if (!(store instanceof WorkQueue queue)) {
            throw InvalidInputException.of("store", "does not keep a job queue (WorkQueue); the in-memory and JDBC stores do");
        }
        return new Builder(JobWorker.builder(store, queue, WebhookReceiver.INBOUND_KIND, job -> apply(job, handler)),
                JobWorker.builder(store, queue, WebhookReceiver.STATUS_KIND, job -> applyStatus(job, handler)));
    }

    /** Finds the job's message in its stored body and hands it over, inside the worker's unit of work. */
    private static void apply(Job job, WebhookHandler handler) {
        handler.onMessage(find(job, InboundMessage.class, m -> m.messageId().equals(job.key()), "message"));
    }

    /** Finds the job's status update in its stored body and hands it over, inside the worker's unit of work. */
    private static void applyStatus(Job job, WebhookHandler handler) {
        handler.onStatusChange(find(job, StatusUpdate.class, u -> WebhookReceiver.statusKey(u).equals(job.key()), "status"));
    }

    /** @return the event of the job's stored body that the job is for */
    private static <E extends WebhookEvent> E find(Job job, Class<E> type, java.util.function.Predicate<E> isTheJobs,
            String what) {
        List<WebhookEvent> events;
        try {
            events = WhatsAppWebhook.parse(job.payload());
        } catch (WebhookParseException e) {
            throw InvalidInputException.of("payload", "the stored webhook body cannot be read: " + e.getMessage());
        }
        return events.stream().filter(type::isInstance).map(type::cast).filter(isTheJobs).findFirst()
                .orElseThrow(() -> InvalidInputException.of("payload", "the stored webhook body has no " + what + " "
                        + job.key()));
    }

    /**
     * Applies one batch of the stored status updates that are due, then one of stored messages.
     *
     * @return how many were applied
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store cannot be reached to claim them
     */
    public int runOnce() {
        // statuses first: a store lost while claiming them leaves nothing claimed and no message half-counted
        int applied = statuses.runOnce();
        return applied + worker.runOnce();
    }

    /**
     * Starts a daemon thread that applies messages until {@link #close()}.
     *
     * @return this worker
     */
    public InboundMessageWorker start() {
        worker.start();
        statuses.start();
        return this;
    }

    /** Wakes a started worker to look at once, e.g. right after the receiver stored a message. */
    public void wakeUp() {
        worker.wakeUp();
    }

    /** Stops the thread after the message it is applying. */
    @Override
    public void close() {
        worker.close();
        statuses.close();
    }

    @Override
    public String toString() {
        return "InboundMessageWorker[" + worker + "]";
    }

    /** Configures an {@link InboundMessageWorker}. */
    public static final class Builder {
        private final JobWorker.Builder worker;
        private final JobWorker.Builder statuses;

        private Builder(JobWorker.Builder worker, JobWorker.Builder statuses) {
            this.worker = worker;
            this.statuses = statuses;
        }

        /** The messages' and the statuses' workers share every setting. */
        private Builder both(java.util.function.Consumer<JobWorker.Builder> setting) {
            setting.accept(worker);
            setting.accept(statuses);
            return this;
        }

        /**
         * @param value a name unique among the workers sharing the store
         * @return this builder
         */
        public Builder owner(String value) {
            return both(b -> b.owner(value));
        }

        /**
         * @param value messages claimed at a time, 1 to 1000
         * @return this builder
         */
        public Builder batchSize(int value) {
            return both(b -> b.batchSize(value));
        }

        /**
         * @param value how long a claim lasts; renewed while a message is applied
         * @return this builder
         */
        public Builder lease(Duration value) {
            return both(b -> b.lease(value));
        }

        /**
         * @param value the pause between polls when nothing is waiting
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            return both(b -> b.pollInterval(value));
        }

        /**
         * @param value the first pause before a failed message is tried again; it doubles
         * @return this builder
         */
        public Builder retryDelay(Duration value) {
            return both(b -> b.retryDelay(value));
        }

        /**
         * @param value attempts before a failing message is left dead
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            return both(b -> b.maxAttempts(value));
        }

        /**
         * @param value the time source
         * @return this builder
         */
        public Builder clock(Clock value) {
            return both(b -> b.clock(value));
        }

        /** @return the worker, not yet started */
        public InboundMessageWorker build() {
            return new InboundMessageWorker(worker.build(), statuses.build());
        }
    }
}
