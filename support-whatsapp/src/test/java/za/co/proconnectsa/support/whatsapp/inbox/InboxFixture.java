package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;

/** Webhook bodies as Meta sends them, signed, and the Graph API on WireMock answering with fresh message ids. */
final class InboxFixture {

    static final String SECRET = "app-secret-for-inbox-tests";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
    static final String THANDI = "27679518124";
    static final String THANDI_MASKED = "+27 67 *** **24";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private InboxFixture() {
    }

    /** @return WireMock standing in for the Graph API on a free local port */
    static WireMockExtension graph() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    /** Every send succeeds with a new wamid (WireMock's response templating). */
    static void graphAccepts(WireMockExtension wm) {
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.out.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template")));
    }

    static WhatsAppCloudClient client(WireMockExtension wm, java.time.Clock clock) {
        return WhatsAppCloudClient.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + wm.getPort()))
                .apiVersion("v23.0")
                .phoneNumberId(PHONE_NUMBER_ID)
                .accessToken("EAAG-inbox-test-token")
                .requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.noRetries())
                .clock(clock)
                .build();
    }

    /** @return the JSON bodies the client POSTed to the Graph API, oldest first */
    static List<JsonNode> sent(WireMockExtension wm) {
        return wm.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(LoggedRequest::getBodyAsString)
                .map(InboxFixture::parse).toList();
    }

    /** @return the texts of the text messages sent to a number, oldest first */
    static List<String> textsTo(WireMockExtension wm, String waId) {
        return sent(wm).stream().filter(b -> b.path("to").asText().equals(waId) && b.path("type").asText().equals("text"))
                .map(b -> b.path("text").path("body").asText()).toList();
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook body with one text message, as Meta's documentation shows it. */
    static byte[] textWebhook(String waId, String name, String text, Instant at) {
        return textWebhook(waId, name, text, at, "wamid.in." + IDS.incrementAndGet());
    }

    static byte[] textWebhook(String waId, String name, String text, Instant at, String messageId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("from", waId).put("id", messageId).put("timestamp", Long.toString(at.getEpochSecond()))
                .put("type", "text").putObject("text").put("body", text);
        return webhook(waId, name, message);
    }

    /** @return the one inbound message of a webhook body */
    static za.co.proconnectsa.support.whatsapp.webhook.InboundMessage inbound(byte[] webhook) {
        return za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook.parse(webhook).stream()
                .filter(e -> e instanceof za.co.proconnectsa.support.whatsapp.webhook.InboundMessage)
                .map(e -> (za.co.proconnectsa.support.whatsapp.webhook.InboundMessage) e).findFirst().orElseThrow();
    }

    /** A webhook body with a tap on a reply button of an interactive message the business sent. */
    static byte[] buttonReplyWebhook(String waId, String name, String messageId, String buttonId, String title,
            Instant at) {
        ObjectNode message = JSON.createObjectNode();
        message.putObject("context").put("from", "15550783881").put("id", "wamid.out.with-buttons");
        message.put("from", waId).put("id", messageId).put("timestamp", Long.toString(at.getEpochSecond()))
                .put("type", "interactive");
        message.putObject("interactive").put("type", "button_reply").putObject("button_reply")
                .put("id", buttonId).put("title", title);
        return webhook(waId, name, message);
    }

    /** A webhook body with one image and its caption. */
    static byte[] imageWebhook(String waId, String name, String caption, Instant at) {
        ObjectNode message = JSON.createObjectNode();
        message.put("from", waId).put("id", "wamid.in." + IDS.incrementAndGet())
                .put("timestamp", Long.toString(at.getEpochSecond())).put("type", "image");
        ObjectNode image = message.putObject("image");
        image.put("caption", caption).put("mime_type", "image/jpeg").put("sha256", "c2hhMjU2").put("id", "1003383421387256");
        return webhook(waId, name, message);
    }

    /**
     * A webhook body with one media message.
     *
     * @param type     image, document, audio, video or sticker
     * @param mediaId  the media id
     * @param mimeType the type the webhook states, or null
     * @param sha256   the checksum the webhook states (base64, as Meta sends it), or null
     * @param fileName a document's name, or null
     * @param caption  the caption, or null
     */
    static byte[] mediaWebhook(String waId, String name, String messageId, String type, String mediaId, String mimeType,
            String sha256, String fileName, String caption, Instant at) {
        ObjectNode message = JSON.createObjectNode();
        message.put("from", waId).put("id", messageId).put("timestamp", Long.toString(at.getEpochSecond()))
                .put("type", type);
        ObjectNode media = message.putObject(type);
        media.put("id", mediaId);
        if (mimeType != null) {
            media.put("mime_type", mimeType);
        }
        if (sha256 != null) {
            media.put("sha256", sha256);
        }
        if (fileName != null) {
            media.put("filename", fileName);
        }
        if (caption != null) {
            media.put("caption", caption);
        }
        return webhook(waId, name, message);
    }

    private static byte[] webhook(String waId, String name, ObjectNode message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "27679518124").put("phone_number_id", PHONE_NUMBER_ID);
        ArrayNode contacts = value.putArray("contacts");
        contacts.addObject().put("wa_id", waId).putObject("profile").put("name", name);
        value.putArray("messages").add(message);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies every stored message that is due, then delivers every automated text that is due, on the calling
     * thread, as the workers' own threads would: tests pass it to {@code WebhookReceiver.Builder.onStored} so that a
     * delivery's effects are there when {@code receive} returns.
     */
    static void drain(InboundMessageWorker inbound, JobWorker sends) {
        while (inbound.runOnce() + sends.runOnce() > 0) {
            // until nothing is due
        }
    }

    /**
     * The store a test runs on, and the pool to close after it.
     *
     * @param store the store
     * @param pool  its connections, or {@code null} for the in-memory store
     */
    record TestStore(za.co.proconnectsa.support.spi.TicketStore store, com.zaxxer.hikari.HikariDataSource pool)
            implements AutoCloseable {

        /** @param database "memory", or a test database's name ("h2-mem", "postgresql", "mariadb") */
        static TestStore named(String database) {
            if (database.equals("memory")) {
                return new TestStore(za.co.proconnectsa.support.store.InMemoryTicketStore.create(), null);
            }
            com.zaxxer.hikari.HikariDataSource pool = za.co.proconnectsa.support.jdbc.testdb.TestDatabases.named(database)
                    .freshDatabase();
            return new TestStore(za.co.proconnectsa.support.jdbc.JdbcTicketStore.create(pool), pool);
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    /** Delivers every automated text that is due, on the calling thread. */
    static void drain(JobWorker sends) {
        while (sends.runOnce() > 0) {
            // until nothing is due
        }
    }
}
