package za.co.proconnectsa.support.whatsapp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.spi.UnitOfWork;
import za.co.proconnectsa.support.spi.WorkQueue;

/**
 * The webhook endpoint's logic, without the HTTP: for each POST it
 * <ol>
 *   <li>refuses a body over the size limit (default {@value #DEFAULT_MAX_BODY_BYTES} bytes, 1 MiB) before hashing
 *       or parsing it;</li>
 *   <li>checks the {@value WebhookSignatureVerifier#HEADER} signature over the raw bytes;</li>
 *   <li>parses the body ({@link WhatsAppWebhook#parse(byte[])});</li>
 *   <li>stores each inbound message, with the raw body it came in, in the store's job queue ({@link WorkQueue}: the
 *       in-memory and JDBC ticket stores keep one; the JDBC store keeps it across restarts and instances), in one
 *       transaction, keyed by its message id, so Meta's at-least-once, retried, concurrent deliveries are stored once;
 *       and answers at once. An {@link InboundMessageWorker} applies the stored messages later, each in one unit of
 *       work with its done mark, so no message is lost or applied twice, whatever crashes in between;</li>
 *   <li>refuses, message by message, a message whose id, sender id or text no store keeps exactly
 *       ({@link za.co.proconnectsa.support.TextRules}), counting it in {@link WebhookReceipt#unsupported()} and
 *       handing it to {@link WebhookHandler#onUnsupported} as a {@code refused/...} {@link UnsupportedEvent};</li>
 *   <li>stores each status update (sent, delivered, read, failed) the same way, keyed by its message id and status,
 *       to be applied by the worker {@link #DEFAULT_STATUS_DELAY} later ({@link Builder#statusDelay}), so that the
 *       send it reports on has committed its record first; the handler's
 *       {@link WebhookHandler#onStatusChange} applies it, once, in the worker's unit of work.</li>
 * </ol>
 *
 * <p>In a servlet:
 * <pre>{@code
 * WebhookReceipt receipt = receiver.receive(request.getInputStream(),
 *         request.getHeader(WebhookSignatureVerifier.HEADER));
 * response.setStatus(receipt.httpStatus());
 * }</pre>
 *
 * <p>Thread-safe, provided the queue and the handler are. Never logs phone numbers, message text or the secret.
 */
public final class WebhookReceiver {

    /** The default size limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** The largest size limit that can be configured: 64 MiB. */
    public static final int MAX_MAX_BODY_BYTES = 64 << 20;
    /** The job kind inbound messages are stored under in the {@link WorkQueue}. */
    public static final String INBOUND_KIND = "whatsapp.inbound";
    /** The job kind status updates are stored under in the {@link WorkQueue}. */
    public static final String STATUS_KIND = "whatsapp.status";
    /**
     * How long a stored status update waits before a worker applies it: a status can arrive before the worker that
     * sent its message has committed the message's provider id.
     */
    public static final java.time.Duration DEFAULT_STATUS_DELAY = java.time.Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookSignatureVerifier verifier;
    private final WorkQueue queue;
    private final WebhookHandler handler;
    private final Runnable onStored;
    private final java.time.Duration statusDelay;
    private final int maxBodyBytes;
    private final Clock clock;

    private WebhookReceiver(Builder b) {
        this.verifier = b.verifier;
        this.queue = b.queue;
        this.handler = b.handler == null ? message -> { } : b.handler;
        this.onStored = b.onStored;
        this.statusDelay = b.statusDelay;
        this.maxBodyBytes = b.maxBodyBytes;
        this.clock = b.clock;
    }

    /** @return a builder; a verifier (or app secret) and a queue are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Receives a webhook POST whose body the host has already read.
     *
     * @param body            the raw request body
     * @param signatureHeader the {@value WebhookSignatureVerifier#HEADER} header, or null when absent
     * @return what was done and the HTTP status to answer with
     * @throws InvalidInputException       when the body is null
     * @throws StoreUnavailableException when the queue cannot store the messages; answer 5xx so that Meta retries
     */
    public WebhookReceipt receive(byte[] body, String signatureHeader) {
        Checks.notNull(body, "body");
        if (body.length > maxBodyBytes) {
            LOG.warn("Refused a WhatsApp webhook body of {} bytes (limit {})", body.length, maxBodyBytes);
            return WebhookReceipt.refused(WebhookReceipt.Outcome.TOO_LARGE);
        }
        return verified(body, signatureHeader);
    }

    /**
     * Receives a webhook POST, reading at most the size limit plus one byte from the stream, so an oversized body
     * is refused without being read whole. The stream is not closed.
     *
     * @param body            the request body stream
     * @param signatureHeader the {@value WebhookSignatureVerifier#HEADER} header, or null when absent
     * @return what was done and the HTTP status to answer with
     * @throws InvalidInputException       when the stream is null
     * @throws StoreUnavailableException when the queue cannot store the messages; answer 5xx so that Meta retries
     */
    public WebhookReceipt receive(InputStream body, String signatureHeader) {
        Checks.notNull(body, "body");
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBodyBytes + 1);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read a WhatsApp webhook body ({})", e.getClass().getSimpleName());
            return WebhookReceipt.refused(WebhookReceipt.Outcome.UNREADABLE);
        }
        if (bytes.length > maxBodyBytes) {
            LOG.warn("Refused a WhatsApp webhook body over the limit of {} bytes", maxBodyBytes);
            return WebhookReceipt.refused(WebhookReceipt.Outcome.TOO_LARGE);
        }
        return verified(bytes, signatureHeader);
    }

    /** @return the size limit in bytes */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    private WebhookReceipt verified(byte[] body, String signatureHeader) {
        boolean valid;
        try {
            valid = verifier.isValid(body, signatureHeader);
        } catch (RuntimeException e) {
            LOG.warn("The webhook signature verifier failed ({}); treating the signature as invalid",
                    e.getClass().getSimpleName());
            valid = false;
        }
        if (!valid) {
            LOG.warn("Refused a WhatsApp webhook with a {} signature", signatureHeader == null ? "missing" : "bad");
            return WebhookReceipt.refused(WebhookReceipt.Outcome.BAD_SIGNATURE);
        }
        List<WebhookEvent> events;
        try {
            events = WhatsAppWebhook.parse(body);
        } catch (WebhookParseException e) {
            LOG.warn("Refused a signed WhatsApp webhook: {}", e.getMessage());
            return WebhookReceipt.refused(WebhookReceipt.Outcome.MALFORMED);
        }
        return ingest(body, events);
    }

    private WebhookReceipt ingest(byte[] body, List<WebhookEvent> events) {
        Instant now = clock.instant();
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        int unsupported = 0;
        for (WebhookEvent event : events) {
            if (event instanceof InboundMessage message) {
                messages.add(message);
            } else if (event instanceof StatusUpdate update) {
                statuses.add(update);
            } else if (event instanceof TemplateCategoryUpdate update) {
                LOG.info("WhatsApp template {} ({}) category: {} -> {}{}", update.templateName(), update.language(),
                        update.previousCategory(), update.completed() ? update.newCategory() : update.correctCategory(),
                        update.completed() ? "" : " from " + update.effectiveAt());
                try {
                    handler.onTemplateCategoryUpdate(update);
                } catch (RuntimeException e) {
                    LOG.error("The webhook handler failed on a template category update ({})", update.templateName(), e);
                }
            } else if (event instanceof UnsupportedEvent other) {
                unsupported++;
                LOG.debug("Unsupported WhatsApp webhook event: field={}, type={}", other.field(), other.type());
                try {
                    handler.onUnsupported(other);
                } catch (RuntimeException e) {
                    LOG.error("The webhook handler failed on an unsupported event ({})", other.field(), e);
                }
            }
        }
        int[] stored = messages.isEmpty() && statuses.isEmpty() ? new int[2] : store(messages, statuses, body, now);
        LOG.debug("WhatsApp webhook: {} new, {} duplicate, {} statuses stored, {} repeated, {} unsupported",
                stored[0], messages.size() - stored[0], stored[1], statuses.size() - stored[1], unsupported);
        if (stored[0] > 0) {
            try {
                onStored.run();
            } catch (RuntimeException e) {
                LOG.warn("The receiver's onStored action failed; the messages are stored", e);
            }
        }
        return new WebhookReceipt(WebhookReceipt.Outcome.ACCEPTED, stored[0], messages.size() - stored[0], stored[1],
                statuses.size() - stored[1], unsupported);
    }

    /**
     * The job key of a status update: one job per message and status, so Meta's repeats are stored once.
     *
     * @param update a status update
     * @return its key in {@link #STATUS_KIND}
     */
    public static String statusKey(StatusUpdate update) {
        return za.co.proconnectsa.support.queue.Job.keyOf(update.status().name() + ":" + update.messageId());
    }

    /** Stores the body's messages and statuses in one transaction; returns how many of each were new. */
    private int[] store(List<InboundMessage> messages, List<StatusUpdate> statuses, byte[] body, Instant now) {
        java.util.function.Supplier<int[]> all = () -> {
            int[] stored = new int[2];
            for (InboundMessage message : messages) {
                if (queue.enqueueJob(INBOUND_KIND, message.messageId(), body, now)) {
                    stored[0]++;
                }
            }
            for (StatusUpdate update : statuses) {
                if (queue.enqueueJob(STATUS_KIND, statusKey(update), body, now.plus(statusDelay))) {
                    stored[1]++;
                }
            }
            return stored;
        };
        int count = messages.size() + statuses.size();
        try {
            // one event is one statement, atomic by itself; several share a transaction
            return count > 1 && queue instanceof UnitOfWork units ? units.inTransaction(all) : all.get();
        } catch (SupportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("storing " + count + " WhatsApp webhook events", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookReceiver[maxBodyBytes=" + maxBodyBytes + ", verifier=" + verifier + ']';
    }

    /** Builds a {@link WebhookReceiver}. */
    public static final class Builder {
        private WebhookSignatureVerifier verifier;
        private WorkQueue queue;
        private WebhookHandler handler;
        private Runnable onStored = () -> { };
        private java.time.Duration statusDelay = DEFAULT_STATUS_DELAY;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param value the signature check, usually {@link WebhookSignatureVerifier#create(String)}
         * @return this builder
         */
        public Builder verifier(WebhookSignatureVerifier value) {
            this.verifier = Checks.notNull(value, "verifier");
            return this;
        }

        /**
         * Shorthand for {@code verifier(WebhookSignatureVerifier.create(appSecret))}.
         *
         * @param appSecret the Meta app's secret
         * @return this builder
         * @throws InvalidInputException when the secret is blank
         */
        public Builder appSecret(String appSecret) {
            return verifier(WebhookSignatureVerifier.create(appSecret));
        }

        /**
         * @param value where inbound messages are stored until an {@link InboundMessageWorker} applies them: the ticket
         *              store (in-memory or JDBC), whose unit of work the worker runs them in
         * @return this builder
         */
        public Builder queue(WorkQueue value) {
            this.queue = Checks.notNull(value, "queue");
            return this;
        }

        /**
         * @param value what to do with unsupported events, on the request thread; inbound messages and status updates
         *              go to the {@link InboundMessageWorker}'s handler instead. Optional.
         * @return this builder
         */
        public Builder handler(WebhookHandler value) {
            this.handler = Checks.notNull(value, "handler");
            return this;
        }

        /**
         * @param value run after a request stored new messages, e.g. {@code worker::wakeUp} so that they are applied
         *              at once rather than at the worker's next poll. Optional.
         * @return this builder
         */
        public Builder onStored(Runnable value) {
            this.onStored = Checks.notNull(value, "onStored");
            return this;
        }

        /**
         * @param value how long a stored status update waits before a worker applies it, 0 to 10 minutes;
         *              {@link WebhookReceiver#DEFAULT_STATUS_DELAY} when not set. A status can arrive before the send
         *              it reports on has committed; one applied before that finds no message and is ignored.
         * @return this builder
         * @throws InvalidInputException when out of range
         */
        public Builder statusDelay(java.time.Duration value) {
            if (Checks.notNull(value, "statusDelay").isNegative() || value.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
                throw InvalidInputException.of("statusDelay", "must be 0 to 10 minutes, was " + value);
            }
            this.statusDelay = value;
            return this;
        }

        /**
         * @param value the largest body accepted, 1 to {@value WebhookReceiver#MAX_MAX_BODY_BYTES} bytes
         * @return this builder
         * @throws InvalidInputException when out of range
         */
        public Builder maxBodyBytes(int value) {
            if (value < 1 || value > MAX_MAX_BODY_BYTES) {
                throw InvalidInputException.of("maxBodyBytes",
                        "must be between 1 and " + MAX_MAX_BODY_BYTES + ", was " + value);
            }
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * @param value the clock for the time messages are stored at; the system UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /**
         * @return the receiver
         * @throws InvalidInputException listing every required part that is missing
         */
        public WebhookReceiver build() {
            List<InvalidInputException.FieldError> missing = new ArrayList<>();
            if (verifier == null) {
                missing.add(new InvalidInputException.FieldError("verifier", "is required (or set appSecret)"));
            }
            if (queue == null) {
                missing.add(new InvalidInputException.FieldError("queue", "is required (the ticket store)"));
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
            return new WebhookReceiver(this);
        }
    }
}
