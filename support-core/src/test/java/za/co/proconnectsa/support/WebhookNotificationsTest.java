package za.co.proconnectsa.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.WebhookNotifications;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;

/** Signed outgoing webhooks against a real HTTP receiver (WireMock): signature, retries through the queue, dead. */
class WebhookNotificationsTest {

    private static final byte[] SECRET = "webhook signing secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final TestClock clock = new TestClock("2026-05-04T08:00:00Z");
    private SupportDesk desk;

    @BeforeEach
    void desk() {
        desk = SupportDesk.builder().store(InMemoryTicketStore.create()).clock(clock)
                .notifyRequesters(id -> Optional.empty(), NotificationChannel.WEBHOOK).build();
    }

    private JobWorker worker(int maxAttempts) {
        WebhookNotifications hooks = WebhookNotifications.builder(
                URI.create("http://127.0.0.1:" + receiver.getPort() + "/hooks/support"), SECRET).clock(clock)
                .timeout(Duration.ofSeconds(5)).build();
        return desk.notifications().worker(List.of(hooks)).clock(clock).retryDelay(Duration.ofSeconds(10))
                .maxAttempts(maxAttempts).build();
    }

    private String submit() {
        return desk.tickets().submit(THANDI, NewTicket.builder().subject("Invoice charged twice")
                .body("Charged twice on 3 May").build()).ticketNumber().text();
    }

    private static String hmac(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private NotificationDelivery onlyDelivery() {
        List<NotificationDelivery> log = desk.notifications().deliveries(AGENT, 0, 10);
        assertThat(log).hasSize(1);
        return log.get(0);
    }

    @Test
    @DisplayName("the request carries the notification as JSON, its key, a timestamp and an HMAC-SHA256 over both")
    void signed() throws Exception {
        receiver.stubFor(post("/hooks/support").willReturn(aResponse().withStatus(204)));
        String number = submit();
        assertThat(worker(3).runOnce()).isEqualTo(1);

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/support")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        String timestamp = request.getHeader(WebhookNotifications.TIMESTAMP_HEADER);
        assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(request.getHeader(WebhookNotifications.SIGNATURE_HEADER)).isEqualTo(hmac(timestamp, request.getBody()));
        assertThat(WebhookNotifications.verify(SECRET, timestamp, request.getBody(),
                request.getHeader(WebhookNotifications.SIGNATURE_HEADER))).isTrue();
        byte[] tampered = request.getBodyAsString().replace(number, "PCS-999999").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookNotifications.verify(SECRET, timestamp, tampered,
                request.getHeader(WebhookNotifications.SIGNATURE_HEADER))).isFalse();
        assertThat(WebhookNotifications.verify(SECRET, Long.toString(clock.instant().getEpochSecond() + 1),
                request.getBody(), request.getHeader(WebhookNotifications.SIGNATURE_HEADER))).isFalse();

        JsonNode json = new ObjectMapper().readTree(request.getBody());
        assertThat(json.get("type").asText()).isEqualTo("TICKET_RECEIVED");
        assertThat(json.get("ticketNumber").asText()).isEqualTo(number);
        assertThat(json.get("text").asText()).contains(number).contains("Invoice charged twice");
        assertThat(json.get("key").asText()).isEqualTo(request.getHeader(WebhookNotifications.DELIVERY_HEADER));
        assertThat(onlyDelivery().state()).isEqualTo(JobState.DONE);
    }

    @Test
    @DisplayName("a receiver that fails twice and then answers gets the same signed request three times, then it is done")
    void failsTwiceThenAnswers() {
        receiver.stubFor(post("/hooks/support").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        receiver.stubFor(post("/hooks/support").inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("twice"));
        receiver.stubFor(post("/hooks/support").inScenario("flaky").whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(200)));
        submit();
        JobWorker worker = worker(5);
        assertThat(worker.runOnce()).isZero();
        assertThat(onlyDelivery().lastError()).contains("answered 500");
        assertThat(worker.runOnce()).as("waits out its pause").isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(worker.runOnce()).isZero();
        assertThat(onlyDelivery().lastError()).contains("answered 503");
        clock.advance(Duration.ofSeconds(20));
        assertThat(worker.runOnce()).isEqualTo(1);

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/support")));
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader(WebhookNotifications.DELIVERY_HEADER)).containsOnly(
                requests.get(0).getHeader(WebhookNotifications.DELIVERY_HEADER));
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.get(0).getBodyAsString());
        NotificationDelivery done = onlyDelivery();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.attempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("a receiver that keeps failing is given up after the worker's attempts and kept dead in the log")
    void givesUp() {
        receiver.stubFor(post("/hooks/support").willReturn(aResponse().withStatus(500)));
        submit();
        JobWorker worker = worker(3);
        for (int i = 0; i < 6; i++) {
            worker.runOnce();
            clock.advance(Duration.ofMinutes(5));
        }
        receiver.verify(3, postRequestedFor(urlEqualTo("/hooks/support")));
        NotificationDelivery dead = onlyDelivery();
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.lastError()).contains("gave up after 3 attempts").contains("answered 500");
    }

    @Test
    @DisplayName("a refusal (4xx other than 408 and 429) is dead at once, without retries")
    void refused() {
        receiver.stubFor(post("/hooks/support").willReturn(aResponse().withStatus(410)));
        submit();
        worker(5).runOnce();
        clock.advance(Duration.ofMinutes(5));
        worker(5).runOnce();
        receiver.verify(1, postRequestedFor(urlEqualTo("/hooks/support")));
        assertThat(onlyDelivery().state()).isEqualTo(JobState.DEAD);
        assertThat(onlyDelivery().lastError()).contains("refused it with 410");
    }

    @Test
    @DisplayName("a rate limit (429) is retried")
    void rateLimited() {
        receiver.stubFor(post("/hooks/support").willReturn(aResponse().withStatus(429)));
        submit();
        worker(5).runOnce();
        assertThat(onlyDelivery().state()).isEqualTo(JobState.PENDING);
        assertThat(onlyDelivery().attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("the endpoint must be https (http only on localhost) and the secret at least 32 bytes")
    void configuration() {
        assertThatThrownBy(() -> WebhookNotifications.builder(URI.create("http://portal.example/hooks"), SECRET))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WebhookNotifications.builder(URI.create("https://portal.example/hooks"),
                "short".getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidInputException.class);
        assertThat(WebhookNotifications.builder(URI.create("https://portal.example/hooks"), SECRET).build().toString())
                .doesNotContain(new String(SECRET, StandardCharsets.UTF_8)).contains("portal.example");
    }
}
