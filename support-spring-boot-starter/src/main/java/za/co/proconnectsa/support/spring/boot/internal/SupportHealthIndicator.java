package za.co.proconnectsa.support.spring.boot.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The desk's health: DOWN when the store cannot be read; otherwise UP with the outbox's and the webhook inbox's lag
 * (entries waiting), their dead letters, and which WhatsApp settings are configured (never their values).
 */
public final class SupportHealthIndicator extends AbstractHealthIndicator {

    private final TicketStore store;
    private final Map<String, Boolean> whatsApp;

    /**
     * @param store    the desk's store
     * @param whatsApp for each WhatsApp part (number, cloud-api, webhook-app-secret, webhook-verify-token), whether it
     *                 is configured
     */
    public SupportHealthIndicator(TicketStore store, Map<String, Boolean> whatsApp) {
        super("The support store cannot be read");
        this.store = store;
        this.whatsApp = Map.copyOf(whatsApp);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            store.latestChange();
            if (store instanceof EventOutbox outbox) {
                details.put("outboxPending", outbox.pendingCount());
                details.put("outboxDeadLetters", outbox.deadLetterCount());
            }
            if (store instanceof WorkQueue queue) {
                details.put("webhookInboxPending", queue.pendingJobs(WebhookReceiver.INBOUND_KIND));
                details.put("webhookInboxDeadLetters", queue.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 100).size());
                details.put("whatsAppSendsPending", queue.pendingJobs(WhatsAppInbox.SEND_KIND));
            }
        } catch (SupportException e) {
            builder.down().withDetail("store", "unreachable: " + e.getClass().getSimpleName());
            return;
        }
        builder.up().withDetail("store", store.getClass().getSimpleName()).withDetails(details)
                .withDetail("whatsApp", new java.util.TreeMap<>(whatsApp));
    }
}
