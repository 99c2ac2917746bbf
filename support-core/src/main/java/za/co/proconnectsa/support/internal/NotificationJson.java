package za.co.proconnectsa.support.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationType;

/** A notification as a job's payload and as a webhook's body (UTF-8 JSON, the same fields). */
public final class NotificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {
    }

    /** @return the payload of a notification's job */
    public static byte[] encode(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", n.key());
        o.put("type", n.type().name());
        o.put("channel", n.channel().name());
        o.put("ticketNumber", n.ticketNumber());
        o.put("requesterId", n.requesterId());
        o.put("locale", n.locale().toLanguageTag());
        o.put("subject", n.subject());
        o.put("text", n.text());
        o.put("link", n.link() == null ? null : n.link().toString());
        o.put("createdAt", n.createdAt().toString());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    /** @return the body of a notification's webhook request */
    public static byte[] webhookBody(Notification n) {
        return encode(n);
    }

    /**
     * @param payload a job's payload
     * @return the notification
     * @throws InvalidInputException when it is not one (the job is then kept as dead)
     */
    public static Notification decode(byte[] payload) {
        try {
            JsonNode o = JSON.readTree(payload);
            JsonNode link = o.get("link");
            return new Notification(o.get("key").asText(), NotificationType.valueOf(o.get("type").asText()),
                    NotificationChannel.valueOf(o.get("channel").asText()), o.get("ticketNumber").asText(),
                    o.get("requesterId").asText(), Locale.forLanguageTag(o.get("locale").asText()),
                    o.get("subject").asText(), o.get("text").asText(),
                    link == null || link.isNull() ? null : URI.create(link.asText()),
                    Instant.parse(o.get("createdAt").asText()));
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("payload", "is not a notification this version reads: "
                    + e.getClass().getSimpleName());
        }
    }
}
