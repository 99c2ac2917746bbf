package za.co.proconnectsa.support.spring.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The WhatsApp half of the starter: the inbox's workers as lifecycle beans against a WireMock stand-in for the Graph
 * API, and the webhook controller through MockMvc with valid and invalid signatures and missing secrets.
 */
class WhatsAppStarterTest {

    private static final String APP_SECRET = "test-app-secret";
    private static final String VERIFY_TOKEN = "test-verify-token";
    private static final String MESSAGES = "/v23.0/106540352242922/messages";

    private WireMockServer graph;

    @BeforeEach
    void startGraph() {
        graph = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        graph.start();
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"27679518124\","
                        + "\"wa_id\":\"27679518124\"}],\"messages\":[{\"id\":\"wamid.sent1\"}]}")));
    }

    @AfterEach
    void stopGraph() {
        graph.stop();
    }

    private String[] whatsApp() {
        return new String[] {"support.whatsapp.number=+27 67 951 8124",
                "support.whatsapp.cloud.phone-number-id=106540352242922",
                "support.whatsapp.cloud.access-token=test-access-token",
                "support.whatsapp.cloud.base-url=http://127.0.0.1:" + graph.port(),
                "support.whatsapp.webhook.app-secret=" + APP_SECRET,
                "support.whatsapp.webhook.verify-token=" + VERIFY_TOKEN,
                "support.whatsapp.workers.poll-interval=50ms"};
    }

    @Test
    @DisplayName("the inbound worker and the sender start with the context, answer on WhatsApp, and stop with it")
    void workersFollowTheContext() throws Exception {
        new ApplicationContextRunner().withConfiguration(SupportAutoConfigurationTest.ALL)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(whatsApp()).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(WhatsAppInbox.class);
                    SupportWorkerLifecycle inbound = context.getBean("supportInboundMessageWorker",
                            SupportWorkerLifecycle.class);
                    SupportWorkerLifecycle sender = context.getBean("supportWhatsAppSender", SupportWorkerLifecycle.class);
                    assertThat(inbound.isRunning()).isTrue();
                    assertThat(sender.isRunning()).isTrue();
                    WorkQueue queue = (WorkQueue) context.getBean(TicketStore.class);

                    byte[] body = message("wamid.in1", "My invoice INV-2291 was charged twice");
                    assertThat(context.getBean(WebhookReceiver.class).receive(body, sign(body)).isAccepted()).isTrue();

                    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> graph.verify(
                            postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("\"to\":\"27679518124\""))));
                    assertThat(queue.pendingJobs(WebhookReceiver.INBOUND_KIND)).isZero();
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("support.whatsapp.sends")
                            .tag("outcome", "sent").counter() != null);

                    context.stop();
                    assertThat(inbound.isRunning()).isFalse();
                    assertThat(sender.isRunning()).isFalse();
                    byte[] late = message("wamid.in2", "Anyone there?");
                    assertThat(context.getBean(WebhookReceiver.class).receive(late, sign(late)).isAccepted()).isTrue();
                    Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                            .until(() -> queue.pendingJobs(WebhookReceiver.INBOUND_KIND) == 1);

                    context.start();
                    assertThat(inbound.isRunning()).as("started again with the context").isTrue();
                    Awaitility.await().atMost(Duration.ofSeconds(15))
                            .until(() -> queue.pendingJobs(WebhookReceiver.INBOUND_KIND) == 0);
                });
    }

    @Test
    @DisplayName("support.whatsapp.workers.enabled=false: the inbox without its workers")
    void workersOff() {
        new ApplicationContextRunner().withConfiguration(SupportAutoConfigurationTest.ALL)
                .withPropertyValues(whatsApp()).withPropertyValues("support.whatsapp.workers.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(WhatsAppInbox.class)
                        .doesNotHaveBean("supportInboundMessageWorker").doesNotHaveBean("supportWhatsAppSender"));
    }

    @Test
    @DisplayName("webhook: the GET handshake echoes the challenge only for the right token")
    void handshake() {
        web().withPropertyValues(whatsApp()).run(context -> {
            MockMvc mvc = mvc(context);
            mvc.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe")
                    .param("hub.verify_token", VERIFY_TOKEN).param("hub.challenge", "1158201444"))
                    .andExpect(status().isOk()).andExpect(content().string("1158201444"));
            mvc.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe")
                    .param("hub.verify_token", "guess").param("hub.challenge", "1158201444"))
                    .andExpect(status().isForbidden()).andExpect(content().string("verification refused"));
        });
    }

    @Test
    @DisplayName("webhook: a POST signed with the app secret is stored; a wrong or missing signature is refused with 403")
    void signedPost() {
        web().withPropertyValues(whatsApp()).withPropertyValues("support.whatsapp.workers.enabled=false")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    MockMvc mvc = mvc(context);
                    WorkQueue queue = (WorkQueue) context.getBean(TicketStore.class);
                    byte[] body = message("wamid.web1", "How do I add a service area?");

                    mvc.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp").content(body)
                            .contentType(MediaType.APPLICATION_JSON).header("X-Hub-Signature-256", sign(body)))
                            .andExpect(status().isOk());
                    assertThat(queue.pendingJobs(WebhookReceiver.INBOUND_KIND)).isEqualTo(1);

                    byte[] forged = message("wamid.web2", "Send me the refund");
                    mvc.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp").content(forged)
                            .contentType(MediaType.APPLICATION_JSON).header("X-Hub-Signature-256", sign(body)))
                            .andExpect(status().isForbidden());
                    mvc.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp").content(forged)
                            .contentType(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
                    assertThat(queue.pendingJobs(WebhookReceiver.INBOUND_KIND)).as("nothing forged stored").isEqualTo(1);

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("support.whatsapp.webhook.requests").tag("outcome", "accepted").counter()
                            .count()).isEqualTo(1.0);
                    assertThat(registry.get("support.whatsapp.webhook.requests").tag("outcome", "bad_signature")
                            .counter().count()).isEqualTo(2.0);
                });
    }

    @Test
    @DisplayName("webhook: without the secrets the application starts and the endpoint answers 503 naming the property")
    void missingSecrets() {
        web().withPropertyValues("support.whatsapp.webhook.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasBean("supportWhatsAppWebhookController")
                    .doesNotHaveBean(WebhookReceiver.class);
            MockMvc mvc = mvc(context);
            mvc.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe").param("hub.verify_token", "x")
                    .param("hub.challenge", "1")).andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value("Set support.whatsapp.webhook.verify-token to serve the WhatsApp webhook."));
            byte[] body = message("wamid.x", "hello");
            mvc.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp").content(body).header("X-Hub-Signature-256",
                    sign(body))).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.detail").value("Set support.whatsapp.webhook.app-secret to serve the WhatsApp webhook."));
        });
    }

    @Test
    @DisplayName("webhook: off unless support.whatsapp.webhook.enabled=true, and served at the configured path")
    void optInAndPath() {
        web().withPropertyValues(whatsApp()).withPropertyValues("support.whatsapp.webhook.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("supportWhatsAppWebhookController"));
        web().withPropertyValues(whatsApp()).withPropertyValues("support.whatsapp.webhook.path=/meta/hook")
                .run(context -> mvc(context).perform(get("/meta/hook").param("hub.mode", "subscribe")
                        .param("hub.verify_token", VERIFY_TOKEN).param("hub.challenge", "42"))
                        .andExpect(status().isOk()).andExpect(content().string("42")));
    }

    private static WebApplicationContextRunner web() {
        return new WebApplicationContextRunner().withConfiguration(SupportAutoConfigurationTest.ALL)
                .withUserConfiguration(Mvc.class).withPropertyValues("support.whatsapp.webhook.enabled=true");
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

    /** Spring MVC, as a web application has it. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Mvc {
    }

    /** A text message from Thandi, as Meta POSTs it. */
    private static byte[] message(String id, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"profile\":{\"name\":\"Thandi\"},"
                + "\"wa_id\":\"27679518124\"}],\"messages\":[{\"from\":\"27679518124\",\"id\":\"" + id + "\","
                + "\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
