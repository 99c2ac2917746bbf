package za.co.proconnectsa.support.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertySource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.notify.EmailNotifications;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.notify.WebhookNotifications;
import za.co.proconnectsa.support.portal.mail.JakartaMailGateway;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.spi.NotificationSender;
import za.co.proconnectsa.support.spi.RequesterDirectory;
import za.co.proconnectsa.support.spring.boot.SupportDeskCustomizer;
import za.co.proconnectsa.support.spring.boot.SupportWorkerLifecycle;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * A full scenario on the portal, with every log line captured from start-up on: sign-ins (one with a wrong
 * password), a ticket through the form and the API with HTTP Basic, Meta's webhook handshake and signed deliveries
 * (and forged ones), agent replies sent to a WireMock stand-in for the Graph API that accepts one, refuses the token of
 * another and rate-limits a third, approved templates sent by an agent (one refused by the Graph API with an error
 * that quotes the customer's number), and requester notifications on every channel: e-mail to a real SMTP server
 * (GreenMail), a signed webhook POST to a WireMock receiver that fails the first attempt, and WhatsApp. The output
 * holds none of the secrets the scenario used: access token, app secret, verify token, webhook signing secret,
 * password, Basic credentials, session ids, the customer's full phone number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-log-secrecy;DB_CLOSE_DELAY=-1",
        "portal.demo-password=" + PortalLogSecrecyTest.PASSWORD, "portal.demo-data=true",
        "support.whatsapp.cloud.phone-number-id=106540352242922",
        "support.whatsapp.cloud.access-token=" + PortalLogSecrecyTest.ACCESS_TOKEN,
        "support.whatsapp.webhook.enabled=true",
        "support.whatsapp.webhook.app-secret=" + PortalLogSecrecyTest.APP_SECRET,
        "support.whatsapp.webhook.verify-token=" + PortalLogSecrecyTest.VERIFY_TOKEN,
        "support.whatsapp.workers.enabled=true", "support.whatsapp.workers.poll-interval=50ms",
        "logging.level.za.co.proconnectsa=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class PortalLogSecrecyTest {

    static final String PASSWORD = "pw-Kq93-log-secrecy";
    static final String ACCESS_TOKEN = "EAAGtokenLogSecrecy7f3a9c1d2e";
    static final String APP_SECRET = "app-secret-5b1e77c0d4";
    static final String VERIFY_TOKEN = "verify-token-91aa30";
    static final String HOOK_SECRET = "webhook-signing-secret-0c41d9e2a7b35f68";
    private static final String PHONE = "27831234567";
    private static final String DEMO_PHONE = "27821234567";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer GRAPH = new WireMockServer(wireMockConfig().dynamicPort()
            .bindAddress("127.0.0.1"));
    /** The host's endpoint for webhook notifications: down for the first POST, then up. */
    private static final WireMockServer HOOKS = new WireMockServer(wireMockConfig().dynamicPort()
            .bindAddress("127.0.0.1"));
    private static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** A requester told by webhook, and one told on WhatsApp at the scenario's number. */
    private static final String HOOK_REQUESTER = "provider-hook-5";
    private static final String WHATSAPP_REQUESTER = "provider-wa-6";

    static {
        GRAPH.start();
        GRAPH.stubFor(post(urlPathMatching("/v[0-9.]+/106540352242922/messages")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + PHONE + "\",\"wa_id\":\""
                        + PHONE + "\"}],\"messages\":[{\"id\":\"wamid.sent-ok\"}]}")));
        GRAPH.stubFor(post(urlPathMatching("/v[0-9.]+/106540352242922/messages"))
                .withRequestBody(containing("please-refuse-the-token")).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token\","
                                + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AbC123\"}}")));
        GRAPH.stubFor(post(urlPathMatching("/v[0-9.]+/106540352242922/messages"))
                .withRequestBody(containing("please-rate-limit")).willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
                                + "\"code\":130429,\"fbtrace_id\":\"DeF456\"}}")));
        // a template refused with an error that quotes the full number, as Meta's error details sometimes do
        GRAPH.stubFor(post(urlPathMatching("/v[0-9.]+/106540352242922/messages"))
                .withRequestBody(containing("please-refuse-the-template")).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#132000) Number of parameters does not match for +"
                                + PHONE + "\",\"type\":\"OAuthException\",\"code\":132000,\"error_data\":{"
                                + "\"details\":\"recipient " + PHONE + "\"},\"fbtrace_id\":\"GhI789\"}}")));
        HOOKS.start();
        HOOKS.stubFor(post("/hooks/support").inScenario("endpoint").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        HOOKS.stubFor(post("/hooks/support").inScenario("endpoint").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        MAIL.start();
    }

    /**
     * Notifications on all three channels, with one worker that holds a sender for each: e-mail through the portal's
     * {@link JakartaMailGateway} to GreenMail, signed webhook POSTs, and WhatsApp through the inbox's send queue.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Notifications {

        @Bean
        SupportDeskCustomizer notifyOnEveryChannel() {
            RequesterDirectory directory = id -> switch (id) {
                case HOOK_REQUESTER -> Optional.of(new RequesterContact(id, null, null, NotificationChannel.WEBHOOK,
                        null));
                case WHATSAPP_REQUESTER -> Optional.of(new RequesterContact(id, null, "+" + PHONE,
                        NotificationChannel.WHATSAPP, null));
                default -> DemoUsers.find(id).filter(u -> u.email() != null)
                        .map(u -> new RequesterContact(id, u.email(), null, NotificationChannel.EMAIL, null));
            };
            return desk -> desk.notifyRequesters(directory, NotificationChannel.EMAIL, NotificationChannel.WHATSAPP,
                    NotificationChannel.WEBHOOK);
        }

        @Bean
        SupportWorkerLifecycle notificationWorker(SupportDesk desk, WhatsAppInbox inbox) {
            JavaMailSenderImpl smtp = new JavaMailSenderImpl();
            smtp.setHost("127.0.0.1");
            smtp.setPort(MAIL.getSmtp().getPort());
            List<NotificationSender> senders = List.of(
                    EmailNotifications.using(new JakartaMailGateway(smtp, "ProConnect Support <support@example.co.za>")),
                    WebhookNotifications.builder(URI.create("http://127.0.0.1:" + HOOKS.port() + "/hooks/support"),
                            HOOK_SECRET.getBytes(StandardCharsets.UTF_8)).build(),
                    inbox.notificationSender(Map.of(NotificationType.TICKET_RESOLVED, "ticket_resolved"), "en"));
            return new SupportWorkerLifecycle("log-secrecy-notifications", () -> desk.notifications().worker(senders)
                    .retryDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(50)).build().start());
        }
    }

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("support.whatsapp.cloud.base-url", () -> "http://127.0.0.1:" + GRAPH.port());
    }

    @AfterAll
    static void stopGraph() {
        GRAPH.stop();
        HOOKS.stop();
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    WhatsAppInbox inbox;

    @Autowired
    SupportDesk desk;

    @Test
    void aFullScenarioLogsNoSecretNoSessionIdAndNoFullPhoneNumber(CapturedOutput output) throws Exception {
        PortalSession visitor = PortalSession.anonymous(port);
        HttpResponse<String> wrong = visitor.postForm("/login", Map.of("username", "thandi",
                "password", "wrong-" + PASSWORD), visitor.csrfOf("/login"));
        assertThat(wrong.headers().firstValue("Location")).get().asString().contains("error");
        PortalSession thandi = PortalSession.signedIn(port, "thandi", PASSWORD);
        PortalSession sipho = PortalSession.signedIn(port, "sipho", PASSWORD);
        HttpResponse<String> ticket = thandi.postForm("/tickets", Map.of("subject", "Payout for job 4471",
                "body", "Call me on +" + PHONE + " please", "category", "BILLING", "idempotencyKey", "log-1"),
                thandi.csrfOf("/tickets/new"));
        assertThat(ticket.statusCode()).isEqualTo(302);
        PortalSession api = PortalSession.basic(port, "thandi", PASSWORD);
        assertThat(api.get("/api/tickets/mine").statusCode()).isEqualTo(200);
        assertThat(PortalSession.basic(port, "thandi", "not-" + PASSWORD).get("/api/tickets/mine").statusCode())
                .isEqualTo(401);

        PortalSession meta = PortalSession.anonymous(port);
        HttpResponse<String> handshake = meta.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + VERIFY_TOKEN + "&hub.challenge=1158201444");
        assertThat(handshake.statusCode()).isEqualTo(200);
        assertThat(handshake.body()).isEqualTo("1158201444");
        assertThat(meta.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "x&hub.challenge=1").statusCode()).isEqualTo(403);
        byte[] inbound = message("wamid.log-in-1", "Hi, my payout for job 4471 is late");
        assertThat(webhook(meta, inbound, sign(inbound)).statusCode()).isEqualTo(200);
        assertThat(webhook(meta, inbound, sign(inbound)).statusCode()).as("delivered twice").isEqualTo(200);
        byte[] forged = message("wamid.log-in-2", "Forged");
        assertThat(webhook(meta, forged, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(403);
        byte[] broken = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        assertThat(webhook(meta, broken, sign(broken)).statusCode()).isLessThan(500);

        Actor agent = Actor.agent("sipho", "Sipho (Support)");
        await(() -> conversationWith(agent).isPresent());
        String number = conversationWith(agent).orElseThrow().number().text();
        for (String reply : List.of("Hi, we are checking job 4471", "please-refuse-the-token now",
                "please-rate-limit now")) {
            HttpResponse<String> sent = sipho.postForm("/admin/inbox/" + number + "/reply", Map.of("body", reply),
                    sipho.csrfOf("/admin/inbox/" + number));
            assertThat(sent.statusCode()).isEqualTo(302);
        }
        await(() -> GRAPH.findAll(postRequestedFor(urlPathMatching(".*/messages"))
                .withRequestBody(containing("please-rate-limit"))).size() >= 1
                && !GRAPH.findAll(postRequestedFor(urlPathMatching(".*/messages"))
                .withRequestBody(containing("please-refuse-the-token"))).isEmpty());
        // approved templates, one refused with an error that quotes the full number
        inbox.sendTemplate(agent, number, "ticket_update", "en", "PCS-000001");
        inbox.sendTemplate(agent, number, "ticket_update", "en", "please-refuse-the-template");
        await(() -> !GRAPH.findAll(postRequestedFor(urlPathMatching(".*/messages"))
                .withRequestBody(containing("please-refuse-the-template"))).isEmpty());

        // notifications: thandi's form ticket was e-mailed on submission; one told by webhook, one on WhatsApp
        await(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> subject(m).startsWith("We received")));
        String hooked = desk.tickets().submit(Actor.requester(HOOK_REQUESTER, "Hook Provider"), NewTicket.builder()
                .subject("Payout for job 5120").body("It did not arrive").build()).ticketNumber().text();
        String told = desk.tickets().submit(Actor.requester(WHATSAPP_REQUESTER, "Thandi"), NewTicket.builder()
                .subject("Invoice 8812 is wrong").body("Please correct it").build()).ticketNumber().text();
        desk.tickets().reply(agent, told, Reply.publicReply("Corrected, see the new invoice"));
        desk.tickets().changeStatus(agent, told, TicketStatus.RESOLVED);
        // the endpoint refuses the first POST it gets (503) and takes the rest: the worker tries again
        await(() -> delivered(hooked).isPresent());
        assertThat(HOOKS.getAllServeEvents()).as("a refused attempt")
                .anyMatch(e -> e.getResponse().getStatus() == 503);
        await(() -> !GRAPH.findAll(postRequestedFor(urlPathMatching(".*/messages"))
                .withRequestBody(containing(told))).isEmpty());
        LoggedRequest delivered = delivered(hooked).orElseThrow();
        assertThat(WebhookNotifications.verify(HOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                delivered.getHeader(WebhookNotifications.TIMESTAMP_HEADER), delivered.getBody(),
                delivered.getHeader(WebhookNotifications.SIGNATURE_HEADER))).as("signed with the secret").isTrue();
        Thread.sleep(500);   // the sender logs each outcome after the call returns
        assertThat(sipho.get("/admin/tickets/PCS-099999").statusCode()).isEqualTo(404);
        assertThat(thandi.get("/admin").statusCode()).isEqualTo(403);

        // the secrets were in use, so their absence from the output means something
        GRAPH.verify(postRequestedFor(urlPathMatching(".*/messages"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        String log = output.getAll();
        assertThat(log).as("the scenario's log lines were captured").contains("Started PortalLogSecrecyTest")
                .contains("Refused a WhatsApp webhook with a bad signature")
                .contains("to +27 83 *** **67").contains("HTTP 401").contains("HTTP 429")
                .contains("The webhook endpoint answered 503").contains("HTTP 400");
        List<String> sessionIds = List.of(thandi, sipho, visitor).stream().map(s -> s.cookie("JSESSIONID"))
                .flatMap(Optional::stream).toList();
        assertThat(sessionIds).hasSize(3);
        String basic = Base64.getEncoder().encodeToString(("thandi:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN, HOOK_SECRET, PASSWORD, basic)) {
            assertThat(log).as("a secret in the log").doesNotContain(secret);
        }
        for (String sessionId : sessionIds) {
            assertThat(log).as("a session id in the log").doesNotContain(sessionId);
        }
        for (String phone : List.of(PHONE, DEMO_PHONE, "+27 83 123 4567", "083 123 4567", "0831234567")) {
            assertThat(log).as("a full phone number in the log").doesNotContain(phone);
        }
    }

    private Optional<Conversation> conversationWith(Actor agent) {
        return inbox.conversations(agent, ConversationQuery.builder().build()).items().stream()
                .filter(c -> c.contact().equals(PHONE)).findFirst();
    }

    /** @return the webhook POST of this ticket's notification that the endpoint took, once it did */
    private static Optional<LoggedRequest> delivered(String number) {
        return HOOKS.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 204
                && e.getRequest().getBodyAsString().contains(number)).map(e -> e.getRequest()).findFirst();
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> webhook(PortalSession meta, byte[] body, String signature) throws Exception {
        return meta.send("POST", "/webhooks/whatsapp", body, "Content-Type", "application/json",
                "X-Hub-Signature-256", signature);
    }

    /** A text message from {@link #PHONE} as Meta delivers it. */
    private static byte[] message(String id, String text) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "1").putArray("changes").addObject()
                .put("field", "messages").putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "27679518124").put("phone_number_id",
                "106540352242922");
        value.putArray("contacts").addObject().put("wa_id", PHONE).putObject("profile").put("name", "Thandi");
        ObjectNode message = value.putArray("messages").addObject().put("from", PHONE).put("id", id)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "text");
        message.putObject("text").put("body", text);
        return JSON.writeValueAsBytes(root);
    }

    /** {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw body with the app secret. */
    private static String sign(byte[] body) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), hmac.getAlgorithm()));
        return "sha256=" + HexFormat.of().formatHex(hmac.doFinal(body));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
