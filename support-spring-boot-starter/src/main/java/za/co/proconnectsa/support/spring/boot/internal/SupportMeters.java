package za.co.proconnectsa.support.spring.boot.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToLongFunction;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.event.DeskObserver;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.whatsapp.inbox.SendObserver;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The desk's Micrometer meters, all named {@code support.*}:
 * <ul>
 *   <li>{@code support.tickets.submitted} (tags {@code origin}, {@code category}): tickets submitted and committed;</li>
 *   <li>{@code support.routing.decisions} ({@code channel}, {@code rule});</li>
 *   <li>{@code support.whatsapp.webhook.requests} ({@code kind} handshake or post, {@code outcome});</li>
 *   <li>{@code support.whatsapp.sends} ({@code outcome}: sent, failed, unknown, retry);</li>
 *   <li>{@code support.sla.events} ({@code type} warning or breached, {@code target});</li>
 *   <li>{@code support.conflict.retries} ({@code operation});</li>
 *   <li>gauges {@code support.outbox.pending}, {@code support.outbox.dead.letters} and
 *       {@code support.whatsapp.inbox.pending} (received messages not yet applied), read from the store when
 *       scraped.</li>
 * </ul>
 */
public final class SupportMeters implements DeskObserver, SendObserver, WebhookOutcomes {

    private final MeterRegistry registry;

    /**
     * @param registry the application's registry
     * @param store    the desk's store, for the lag gauges
     */
    public SupportMeters(MeterRegistry registry, TicketStore store) {
        this.registry = registry;
        if (store instanceof EventOutbox outbox) {
            gauge("support.outbox.pending", "Ticket events stored and not yet delivered to the listeners", outbox,
                    EventOutbox::pendingCount);
            gauge("support.outbox.dead.letters", "Ticket events given up after every attempt failed", outbox,
                    EventOutbox::deadLetterCount);
        }
        if (store instanceof WorkQueue queue) {
            gauge("support.whatsapp.inbox.pending", "WhatsApp messages received and not yet applied", queue,
                    q -> q.pendingJobs(WebhookReceiver.INBOUND_KIND));
        }
    }

    private <T> void gauge(String name, String description, T source, ToLongFunction<T> value) {
        Gauge.builder(name, source, s -> {
            try {
                return value.applyAsLong(s);
            } catch (RuntimeException e) {
                return Double.NaN;     // the store is unreachable: the health indicator says so
            }
        }).description(description).register(registry);
    }

    /**
     * Counts a stored ticket event: submissions once the host's transaction (if any) commits, SLA warnings and
     * breaches as they are announced.
     *
     * @param event the event
     */
    public void onTicketEvent(TicketEvent event) {
        switch (event.type()) {
            case SUBMITTED -> AfterSpringCommit.run(() -> Counter.builder("support.tickets.submitted")
                    .description("Tickets submitted").tag("origin", tag(event.ticket().origin()))
                    .tag("category", tag(event.ticket().category())).register(registry).increment());
            case SLA_WARNING, SLA_BREACHED -> AfterSpringCommit.run(() -> Counter.builder("support.sla.events")
                    .description("SLA warnings and breaches")
                    .tag("type", event.type() == TicketEvent.Type.SLA_WARNING ? "warning" : "breached")
                    .tag("target", tag(event.slaTarget())).register(registry).increment());
            default -> {
            }
        }
    }

    @Override
    public void routed(RoutingDecision decision) {
        Counter.builder("support.routing.decisions").description("Routing decisions")
                .tag("channel", tag(decision.channel())).tag("rule", decision.ruleName())
                .register(registry).increment();
    }

    @Override
    public void conflictRetried(String operation) {
        Counter.builder("support.conflict.retries").description("Changes tried again after losing a race")
                .tag("operation", operation).register(registry).increment();
    }

    @Override
    public void finished(MessageDelivery.State outcome) {
        sends(tag(outcome));
    }

    @Override
    public void willRetry() {
        sends("retry");
    }

    private void sends(String outcome) {
        Counter.builder("support.whatsapp.sends").description("WhatsApp texts sent by the inbox, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void record(String kind, String outcome) {
        Counter.builder("support.whatsapp.webhook.requests").description("WhatsApp webhook requests, by outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
    }

    private static String tag(Object value) {
        return value == null ? "none" : value.toString().toLowerCase(Locale.ROOT);
    }
}
