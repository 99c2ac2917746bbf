package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.PATH;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.WAMID;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.fixture;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.graphError;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.json;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.messages;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.RecordingSleeper;

/** Backoff with jitter, Retry-After, exhausted retries, timeouts and connection failures. */
class CloudRetryTest {

    @RegisterExtension
    static WireMockExtension wm = CloudTestSupport.wireMock();

    private static final RetryPolicy NO_JITTER = RetryPolicy.defaults().withJitter(false);

    /** The first {@code failures} requests get {@code failure}, the next one success. */
    private static void failThenSucceed(int failures, ResponseDefinitionBuilder failure) {
        String state = STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed-" + i;
            wm.stubFor(messages().inScenario("retry").whenScenarioStateIs(state).willReturn(failure)
                    .willSetStateTo(next));
            state = next;
        }
        wm.stubFor(messages().inScenario("retry").whenScenarioStateIs(state)
                .willReturn(json(200, "responses/sent.json")));
    }

    @Test
    @DisplayName("130429 then success: Sent after one backoff, two requests made, the wait within the jitter range")
    void rateLimitThenSuccess() {
        failThenSucceed(1, graphError(400, "130429-rate-limit-hit.json"));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper).build();

        SendOutcome outcome = client.sendText(TO, "Hello");

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(500)));
    }

    @Test
    @DisplayName("131056 every time: 4 attempts with waits 500, 1000, 2000 ms (no jitter), then Failed(retryable)")
    void exhausted() {
        wm.stubFor(messages().willReturn(graphError(400, "131056-pair-rate-limit-hit.json")));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper).retryPolicy(NO_JITTER).build();

        SendOutcome outcome = client.sendText(TO, "Hello");

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.providerError().code()).isEqualTo(131056);
        assertThat(failed.providerError().details()).startsWith("Message failed to send because there were too many");
        wm.verify(4, postRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
                Duration.ofMillis(2000));
    }

    @Test
    @DisplayName("waits stop growing at maxBackoff")
    void capped() {
        wm.stubFor(messages().willReturn(graphError(503, "133004-server-temporarily-unavailable.json")));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper)
                .retryPolicy(new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(1), false)).build();

        client.sendText(TO, "Hello");

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        wm.verify(6, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("with jitter every wait lies between zero and its exponential ceiling")
    void jitterWithinCeilings() {
        wm.stubFor(messages().willReturn(graphError(400, "130429-rate-limit-hit.json")));
        RecordingSleeper sleeper = new RecordingSleeper();
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(800), true);
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper).retryPolicy(policy).build();

        client.sendText(TO, "Hello");

        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(9);
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(Duration.ZERO, policy.ceiling(i + 1));
        }
    }

    @Test
    @DisplayName("HTTP 429 with Retry-After: 2 waits exactly 2 s, then succeeds")
    void retryAfterSeconds() {
        failThenSucceed(1, graphError(429, "4-api-too-many-calls.json").withHeader("Retry-After", "2"));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper).build();

        SendOutcome outcome = client.sendText(TO, "Hello");

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("Retry-After as an HTTP date is read against the client's clock")
    void retryAfterDate() {
        Instant now = Instant.parse("2026-03-02T08:15:30Z");
        String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atOffset(ZoneOffset.UTC));
        failThenSucceed(1, graphError(503, "2-api-service.json").withHeader("Retry-After", in3s));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper).clock(SettableClock.at(now)).build();

        assertThat(client.sendText(TO, "Hello")).isInstanceOf(SendOutcome.Sent.class);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("a Retry-After longer than maxBackoff is not waited out: Failed(retryable) at once")
    void retryAfterTooLong() {
        wm.stubFor(messages().willReturn(graphError(429, "80007-rate-limit-issues.json")
                .withHeader("Retry-After", "120")));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper).build();

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.providerError().code()).isEqualTo(80007);
        assertThat(sleeper.waits()).isEmpty();
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("Graph answers after the request timeout: the message is not sent again, Failed(outcome unknown, not retryable)")
    void timeoutNotResent() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json").withFixedDelay(1500)));
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper)
                .requestTimeout(Duration.ofMillis(250))
                .retryPolicy(NO_JITTER.withMaxAttempts(4))
                .build();

        SendOutcome outcome = client.sendText(TO, "Hello");

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.providerError().code()).isEqualTo(ProviderError.CODE_OUTCOME_UNKNOWN);
        assertThat(failed.providerError().httpStatus()).isZero();
        assertThat(failed.providerError().message()).contains("250 ms").contains("may have been accepted");
        assertThat(failed.providerError().errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(sleeper.waits()).isEmpty();
        // Graph got the message once and (after its delay) accepted it: a retry would have sent it twice
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("a slow first answer is not followed by a second request, even when the second would be quick")
    void timeoutThenQuickAnswerStillOneRequest() {
        failThenSucceed(1, json(200, "responses/sent.json").withFixedDelay(4000));
        WhatsAppCloudClient client = CloudTestSupport.client(wm, new RecordingSleeper())
                .requestTimeout(Duration.ofSeconds(1)).build();

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");
        assertThat(failed.providerError().code()).isEqualTo(ProviderError.CODE_OUTCOME_UNKNOWN);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("nothing listening: a network error, retried, then Failed(retryable)")
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RecordingSleeper sleeper = new RecordingSleeper();
        WhatsAppCloudClient client = CloudTestSupport.client(wm, sleeper)
                .baseUrl(URI.create("http://127.0.0.1:" + port)).build();

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.providerError().code()).isIn(ProviderError.CODE_NETWORK, ProviderError.CODE_TIMEOUT);
        assertThat(failed.providerError().message()).startsWith("Could not reach the WhatsApp Cloud API");
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    @DisplayName("interrupted while waiting to retry: stops at once with Failed(retryable), the interrupt kept")
    void interrupted() {
        wm.stubFor(messages().willReturn(graphError(400, "130429-rate-limit-hit.json")));
        WhatsAppCloudClient client = CloudTestSupport.client(wm, new RecordingSleeper())
                .sleeper(d -> {
                    throw new InterruptedException("stop");
                }).build();

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.providerError().code()).isEqualTo(130429);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("real waits: 503, 503, 200 with 150 ms doubling backoff; the requests are spaced >= 150 ms, then >= 300 ms")
    void realBackoffTiming() {
        failThenSucceed(2, graphError(503, "133004-server-temporarily-unavailable.json"));
        WhatsAppCloudClient client = CloudTestSupport.client(wm, new RecordingSleeper())
                .sleeper(WhatsAppCloudClient.Sleeper.threadSleep())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(150), Duration.ofSeconds(1), false))
                .build();

        long start = System.nanoTime();
        SendOutcome outcome = client.sendText(TO, "Hello");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        List<ServeEvent> events = wm.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
        assertThat(events).hasSize(3);
        long first = events.get(0).getRequest().getLoggedDate().getTime();
        long second = events.get(1).getRequest().getLoggedDate().getTime();
        long third = events.get(2).getRequest().getLoggedDate().getTime();
        assertThat(second - first).isGreaterThanOrEqualTo(145);
        assertThat(third - second).isGreaterThanOrEqualTo(295);
        assertThat(third - second).isGreaterThan(second - first);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(5));
        assertThat(fixture("responses/sent.json")).contains(WAMID);
    }
}
