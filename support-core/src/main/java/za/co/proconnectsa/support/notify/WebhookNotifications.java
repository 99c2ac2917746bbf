package za.co.proconnectsa.support.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.NotificationJson;
import za.co.proconnectsa.support.internal.Signatures;
import za.co.proconnectsa.support.queue.AbandonJobException;
import za.co.proconnectsa.support.spi.NotificationSender;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The {@link NotificationChannel#WEBHOOK} sender: POSTs each notification as JSON to the host's endpoint, signed so
 * the receiver knows it came from this desk and was not replayed.
 *
 * <p>Headers of every request:
 * <ul>
 *   <li>{@value #TIMESTAMP_HEADER}: the Unix time in seconds when the request was signed;</li>
 *   <li>{@value #SIGNATURE_HEADER}: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared
 *       secret, of the timestamp, a {@code .} and the raw body bytes ({@link #signature}); the receiver computes it
 *       over the bytes it received, compares in constant time and refuses a timestamp older than a few minutes;</li>
 *   <li>{@value #DELIVERY_HEADER}: the notification's key, the same on every retry: drop a key already seen.</li>
 * </ul>
 *
 * <p>A 2xx answer delivers it. A 408, 429 or 5xx answer, a timeout or a broken connection is tried again later by
 * the notification worker (doubling pauses, up to its maximum attempts, then kept as dead); any other answer is
 * refused for good and kept as dead at once.
 *
 * <pre>{@code
 * NotificationSender hooks = WebhookNotifications.builder(URI.create("https://portal.example/hooks/support"), secret)
 *         .build();
 * }</pre>
 */
public final class WebhookNotifications implements NotificationSender {

    /** The header with the signing time. */
    public static final String TIMESTAMP_HEADER = "X-ProConnect-Timestamp";
    /** The header with the signature. */
    public static final String SIGNATURE_HEADER = "X-ProConnect-Signature";
    /** The header with the notification's idempotency key. */
    public static final String DELIVERY_HEADER = "X-ProConnect-Delivery";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifications.class);

    private final URI endpoint;
    private final byte[] secret;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    private WebhookNotifications(Builder b) {
        this.endpoint = b.endpoint;
        this.secret = b.secret.clone();
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
    }

    /**
     * @param endpoint the host's HTTPS endpoint (HTTP only for tests on localhost)
     * @param secret   the shared signing secret, at least 32 bytes
     * @return a builder
     */
    public static Builder builder(URI endpoint, byte[] secret) {
        return new Builder(endpoint, secret);
    }

    /**
     * The signature a receiver expects: {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}.
     *
     * @param secret    the shared secret
     * @param timestamp the {@value #TIMESTAMP_HEADER} value
     * @param body      the raw body bytes
     * @return the {@value #SIGNATURE_HEADER} value
     */
    public static String signature(byte[] secret, String timestamp, byte[] body) {
        return "sha256=" + Signatures.hmacSha256Hex(secret, timestamp + ".", body);
    }

    /**
     * Checks a received request in constant time, for receivers written in Java.
     *
     * @param secret    the shared secret
     * @param timestamp the {@value #TIMESTAMP_HEADER} value received
     * @param body      the raw body bytes received
     * @param signature the {@value #SIGNATURE_HEADER} value received
     * @return whether the signature matches
     */
    public static boolean verify(byte[] secret, String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null || body == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(signature(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public void send(Notification notification, RequesterContact contact) {
        byte[] body = NotificationJson.webhookBody(notification);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, signature(secret, timestamp, body))
                .header(DELIVERY_HEADER, notification.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new SupportException("The webhook endpoint could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupportException("Interrupted while calling the webhook endpoint", e);
        }
        if (status >= 200 && status < 300) {
            LOG.debug("Notification {} of ticket {} delivered to the webhook ({})", notification.type(),
                    notification.ticketNumber(), status);
            return;
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new SupportException("The webhook endpoint answered " + status + "; tried again later");
        }
        throw new AbandonJobException("The webhook endpoint refused it with " + status);
    }

    @Override
    public String toString() {
        return "WebhookNotifications[endpoint=" + endpoint.getScheme() + "://" + endpoint.getAuthority() + "]";
    }

    /** Configures {@link WebhookNotifications}. */
    public static final class Builder {
        private final URI endpoint;
        private final byte[] secret;
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder(URI endpoint, byte[] secret) {
            Checks.notNull(endpoint, "endpoint");
            if (!"https".equals(endpoint.getScheme()) && !("http".equals(endpoint.getScheme())
                    && ("localhost".equals(endpoint.getHost()) || "127.0.0.1".equals(endpoint.getHost())))) {
                throw InvalidInputException.of("endpoint", "must be an https URL (http only on localhost)");
            }
            if (secret == null || secret.length < 32) {
                throw InvalidInputException.of("secret", "must be at least 32 bytes");
            }
            this.endpoint = endpoint;
            this.secret = secret.clone();
        }

        /**
         * @param value how long to wait for a connection and for an answer (10 s by default)
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = Checks.positive(value, "timeout");
            return this;
        }

        /**
         * @param value the time source of the timestamps
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /** @return the sender */
        public WebhookNotifications build() {
            return new WebhookNotifications(this);
        }
    }
}
