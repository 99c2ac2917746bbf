package za.co.proconnectsa.support.whatsapp.cloud.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.internal.Retry;
import za.co.proconnectsa.support.whatsapp.cloud.ErrorClass;
import za.co.proconnectsa.support.whatsapp.cloud.ProviderError;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;

/**
 * Posts one request to the messages endpoint, retrying {@link ErrorClass#RETRYABLE} failures by the
 * {@link RetryPolicy} through the library's one {@link Retry} helper, and turns the result into a {@link SendOutcome}. Logs only masked numbers, error
 * codes and trace ids: never the token, never a message's text.
 */
public final class GraphSender {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppCloudClient.class);

    private final URI endpoint;
    private final Secret token;
    private final HttpClient http;
    private final Duration timeout;
    private final RetryPolicy policy;
    private final WhatsAppCloudClient.Sleeper sleeper;
    private final Clock clock;

    /**
     * @param endpoint the messages endpoint
     * @param token    the access token
     * @param http     the HTTP client
     * @param timeout  the timeout of one attempt
     * @param policy   the retry policy
     * @param sleeper  how to wait between attempts
     * @param clock    the clock
     */
    public GraphSender(URI endpoint, Secret token, HttpClient http, Duration timeout, RetryPolicy policy,
            WhatsAppCloudClient.Sleeper sleeper, Clock clock) {
        this.endpoint = endpoint;
        this.token = token;
        this.http = http;
        this.timeout = timeout;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Sends, retrying as the policy allows.
     *
     * @param operation      what is sent, for logs ({@code text}, {@code template}, ...)
     * @param target         who or what it is for, for logs: {@code to +27 67 *** **24} or {@code for wamid...}
     * @param json           the request body
     * @param success        reads a 2xx body: the message id, or null when the body is not a success
     * @param windowClosesAt when the caller's customer-service window closes, or null when unknown
     * @return the outcome
     */
    public SendOutcome send(String operation, String target, String json, Function<String, String> success,
            Instant windowClosesAt) {
        int[] attempts = {0};
        Retry retry = Retry.builder().handle(RetryableFailure.class)
                .withMinAttempts(policy.maxAttempts())
                .withBackoff(policy.initialBackoff(), policy.maxBackoff())
                .withJitter(policy.jitter())
                .withDelayOverride(e -> ((RetryableFailure) e).retryAfter)
                .withSleeper(wait -> {
                    LOG.debug("WhatsApp {} {}: retrying in {} ms", operation, target, wait.toMillis());
                    sleeper.sleep(wait);
                })
                .onRetry((e, n) -> LOG.warn("WhatsApp {} {}: attempt {}/{} failed ({}); retrying", operation,
                        target, n, policy.maxAttempts(), safe(((RetryableFailure) e).error)))
                .onInterrupted((e, interrupted) -> {
                    LOG.warn("WhatsApp {} {}: interrupted while waiting to retry", operation, target);
                    return e;
                })
                .build();
        try {
            return retry.get(n -> {
                attempts[0] = n;
                return attempt(operation, target, json, success, windowClosesAt, n);
            });
        } catch (RetryableFailure spent) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.warn("WhatsApp {} {} failed after {} attempt(s), retryable later: {}", operation, target,
                        attempts[0], safe(spent.error));
            }
            return new SendOutcome.Failed(spent.error, true);
        }
    }

    /** One attempt: an outcome to return, or a {@link RetryableFailure} to try again after a pause. */
    private SendOutcome attempt(String operation, String target, String json, Function<String, String> success,
            Instant windowClosesAt, int attempt) {
        Attempt a = post(json);
        if (a.error == null) {
            String id = success.apply(a.body);
            if (id != null) {
                LOG.debug("WhatsApp {} {} accepted as {} (attempt {})", operation, target, id, attempt);
                return new SendOutcome.Sent(id);
            }
            ProviderError odd = ProviderError.unreadable(a.status, "The WhatsApp Cloud API answered HTTP "
                    + a.status + " without the expected success body");
            LOG.warn("WhatsApp {} {}: {}; not retried, as the message may have been sent", operation,
                    target, odd.summary());
            return new SendOutcome.Failed(odd, false);
        }
        ProviderError e = a.error;
        ErrorClass kind = e.errorClass();
        if (kind == ErrorClass.NEEDS_TEMPLATE) {
            Instant now = clock.instant();
            Instant closed = windowClosesAt == null || windowClosesAt.isAfter(now) ? now : windowClosesAt;
            LOG.info("WhatsApp {} {} refused: the customer-service window is closed, a template is"
                    + " required ({})", operation, target, safe(e));
            return new SendOutcome.RequiresTemplate(closed);
        }
        if (e.code() == ProviderError.CODE_OUTCOME_UNKNOWN) {
            LOG.warn("WhatsApp {} {}: {}", operation, target, safe(e));
            return new SendOutcome.Failed(e, false);
        }
        if (kind == ErrorClass.CONFIGURATION) {
            // every later message fails the same way until an administrator fixes the integration
            LOG.error("WhatsApp {} {} failed: the integration's configuration is wrong (token, permissions,"
                    + " phone number or template): {}", operation, target, safe(e));
            return new SendOutcome.Failed(e, false);
        }
        if (kind == ErrorClass.PERMANENT) {
            LOG.warn("WhatsApp {} {} failed permanently: {}", operation, target, safe(e));
            return new SendOutcome.Failed(e, false);
        }
        if (e.code() == ProviderError.CODE_INTERRUPTED) {
            LOG.warn("WhatsApp {} {} interrupted after {} attempt(s), retryable later: {}", operation, target,
                    attempt, safe(e));
            return new SendOutcome.Failed(e, true);
        }
        if (a.retryAfter != null && a.retryAfter.compareTo(policy.maxBackoff()) > 0
                && attempt < policy.maxAttempts()) {
            LOG.warn("WhatsApp {} {} failed: {}; Retry-After asks for {} s, more than the longest backoff"
                    + " ({} ms), so not retried now", operation, target, safe(e), a.retryAfter.toSeconds(),
                    policy.maxBackoff().toMillis());
            return new SendOutcome.Failed(e, true);
        }
        throw new RetryableFailure(e, a.retryAfter);
    }

    /** A retryable failure of one attempt, with the pause the server asked for (or null); control flow only. */
    private static final class RetryableFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ProviderError error;
        private final transient Duration retryAfter;

        RetryableFailure(ProviderError error, Duration retryAfter) {
            super(null, null, false, false);
            this.error = error;
            this.retryAfter = retryAfter;
        }
    }

    private static String safe(ProviderError e) {
        return LogText.maskNumbers(e.summary());
    }

    private Attempt post(String json) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            // the connection was never made: nothing reached Meta, a retry is safe
            return Attempt.failed(ProviderError.timeout(timeout));
        } catch (HttpTimeoutException e) {
            // the request went out and no answer came: Meta may have accepted it, and a resend would send it twice
            return Attempt.failed(ProviderError.outcomeUnknown("no response within " + timeout.toMillis() + " ms"));
        } catch (ConnectException e) {
            return Attempt.failed(ProviderError.network(describe(e)));
        } catch (IOException e) {
            // broken after the connection was made: whether Meta got the request is unknown
            return Attempt.failed(ProviderError.outcomeUnknown(describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(ProviderError.interrupted());
        } catch (RuntimeException e) {
            return Attempt.failed(ProviderError.network(describe(e)));
        }
        int status = response.statusCode();
        String body = response.body();
        if (status >= 200 && status <= 299) {
            return new Attempt(status, body, null, null);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        ProviderError error = GraphJson.error(status, body, contentType, token);
        Duration retryAfter = Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock);
        return new Attempt(status, body, error, retryAfter);
    }

    private String describe(Exception e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        String raw = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return token.redact(raw);
    }

    private static final class Attempt {
        final int status;
        final String body;
        final ProviderError error;
        final Duration retryAfter;

        Attempt(int status, String body, ProviderError error, Duration retryAfter) {
            this.status = status;
            this.body = body;
            this.error = error;
            this.retryAfter = retryAfter;
        }

        static Attempt failed(ProviderError error) {
            return new Attempt(0, null, error, null);
        }
    }
}
