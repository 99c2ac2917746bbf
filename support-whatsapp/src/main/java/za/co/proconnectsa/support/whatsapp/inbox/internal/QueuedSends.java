package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobHandler;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.whatsapp.cloud.ErrorClass;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.inbox.SendObserver;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * Delivers the WhatsApp messages the inbox queued (automated texts, agents' replies, templates), one job each,
 * inside the send worker's unit of work, and records on each message's transcript line what became of it. The Cloud
 * API takes no idempotency key, so a message is sent at most once: an attempt that was claimed and did not report
 * "not sent" may have reached the customer, and the message is then not sent again but marked
 * {@link MessageDelivery.State#UNKNOWN}, with a note on its ticket when it has one. A send that surely did not
 * happen (rate limit, Graph down, no connection: {@link ErrorClass#RETRYABLE}) is tried again later, up to
 * {@value #MAX_ATTEMPTS} attempts, then marked failed and noted like a refused one. A data error
 * ({@link ErrorClass#PERMANENT}) or a configuration error ({@link ErrorClass#CONFIGURATION}) is never tried again:
 * it is marked failed at once and noted on the ticket with Meta's code and details.
 */
public final class QueuedSends implements JobHandler {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);
    private static final String MAYBE_TOLD = "The customer may or may not have been told on WhatsApp: ";
    /** Attempts at a send that surely did not happen before it is given up and noted (a rate limit, Graph down). */
    static final int MAX_ATTEMPTS = 5;

    /** Thrown for a send that surely did not happen: the job is tried again, and its error says it was not sent. */
    static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSent(int attempt, String why) {
            super(marker(attempt) + " " + why, null, false, false);
        }

        /** @return the words that say attempt {@code attempt} surely sent nothing, as the job's last error keeps them */
        static String marker(int attempt) {
            return "[not sent at attempt " + attempt + "]";
        }
    }

    private final OutboundMessages outbound;
    private final TicketWriter writer;
    private final List<SendObserver> observers;

    /**
     * @param outbound  sends
     * @param writer    notes on tickets
     * @param observers told how each send ended
     */
    public QueuedSends(OutboundMessages outbound, TicketWriter writer, List<SendObserver> observers) {
        this.outbound = outbound;
        this.writer = writer;
        this.observers = List.copyOf(observers);
    }

    @Override
    public void handle(Job job) {
        QueuedSend send = QueuedSend.decode(job.payload());
        // only the attempt just before this one may vouch that nothing went out: a "not sent" left by an older attempt
        // says nothing about the one in between, which may have sent and then died before recording it
        if (job.attempts() > 1 && (job.lastError() == null || !job.lastError().contains(NotSent.marker(job.attempts() - 1)))) {
            unknown(send, "an earlier attempt to send it did not finish and may have reached WhatsApp, so it is not"
                    + " sent again");
            return;
        }
        OutboundMessages.Prepared prepared;
        try {
            if (!outbound.lineKept(send)) {
                // a retention purge deleted its conversation after it was queued: nothing of it is sent
                LOG.debug("A queued WhatsApp message to {} is not sent: its conversation no longer exists",
                        PhoneMasking.mask(send.contact()));
                return;
            }
            prepared = outbound.prepare(send);
        } catch (RuntimeException e) {
            // nothing went out yet: the next attempt may send
            throw new NotSent(job.attempts(), "could not read the contact before sending (" + e.getClass().getSimpleName()
                    + ")");
        }
        SendOutcome outcome = outbound.deliver(send, prepared);
        if (outcome instanceof SendOutcome.Sent) {
            outbound.recordOutcome(send, outcome, MessageDelivery.State.SENT);
            tell(o -> o.finished(MessageDelivery.State.SENT));
            return;
        }
        if (outcome instanceof SendOutcome.Failed failed && failed.retryable() && job.attempts() < MAX_ATTEMPTS) {
            tell(SendObserver::willRetry);
            throw new NotSent(job.attempts(), OutboundMessages.describe(outcome));
        }
        if (OutboundMessages.outcomeUnknown(outcome)) {
            unknown(send, OutboundMessages.describe(outcome));
            return;
        }
        if (outcome instanceof SendOutcome.Failed f && f.providerError().errorClass() == ErrorClass.CONFIGURATION) {
            LOG.error("WhatsApp message to {} not sent, and none will be until the configuration is fixed: {}",
                    PhoneMasking.mask(send.contact()), OutboundMessages.describe(outcome));
        } else {
            LOG.warn("WhatsApp message to {} not sent: {}", PhoneMasking.mask(send.contact()),
                    OutboundMessages.describe(outcome));
        }
        outbound.recordOutcome(send, outcome, MessageDelivery.State.FAILED);
        tell(o -> o.finished(MessageDelivery.State.FAILED));
        if (send.ticketNumber() != null) {
            writer.note(send.ticketNumber(), send.unsentNote() + OutboundMessages.describe(outcome) + ".");
        }
    }

    private void unknown(QueuedSend send, String why) {
        LOG.warn("WhatsApp message to {} may or may not have been delivered: {}", PhoneMasking.mask(send.contact()), why);
        outbound.recordUnknown(send, why);
        tell(o -> o.finished(MessageDelivery.State.UNKNOWN));
        if (send.ticketNumber() != null) {
            writer.note(send.ticketNumber(), MAYBE_TOLD + why + ".");
        }
    }

    private void tell(Consumer<SendObserver> call) {
        for (SendObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("Send observer {} failed; the send is not affected", observer.getClass().getName(), e);
            }
        }
    }
}
