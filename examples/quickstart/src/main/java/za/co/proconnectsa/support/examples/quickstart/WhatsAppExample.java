package za.co.proconnectsa.support.examples.quickstart;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
// whatsapp-imports:begin
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;
import za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;
// whatsapp-imports:end

/**
 * WhatsApp links, a signed webhook and the window-aware reply, without a network: the README's
 * "WhatsApp" section is this code. The reply is outside the 24-hour window, so the client answers
 * {@code RequiresTemplate} without calling the Cloud API.
 */
public final class WhatsAppExample {

    private WhatsAppExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws Exception never in practice (signing the sample webhook body)
     */
    public static void main(String[] args) throws Exception {
        run();
    }

    static WebhookReceipt run() throws Exception {
        String appSecret = "example-app-secret";
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"profile\":{\"name\":\"Thandi\"},"
                + "\"wa_id\":\"27679518124\"}],\"messages\":[{\"from\":\"27679518124\",\"id\":\"wamid.example1\","
                + "\"timestamp\":\"1772439330\",\"type\":\"text\",\"text\":{\"body\":\"Hi, is my invoice ready?\"}}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        String signatureHeader = "sha256=" + hmac(appSecret, body);

        // whatsapp:begin
        WhatsAppLinks links = WhatsAppLinks.of("067 951 8124", "ZA");     // a national number needs its region
        URI chat = links.chatLink("Hi, I need help with my invoice");     // https://wa.me/27679518124?text=Hi%2C%20I%20need...
        byte[] qrPng = links.qrCode("Hi, I need help").png(300);          // for the support page

        InMemoryTicketStore store = InMemoryTicketStore.create();          // or the JdbcTicketStore: durable
        WebhookReceiver receiver = WebhookReceiver.builder()
                .appSecret(appSecret)                                      // X-Hub-Signature-256 over the raw bytes
                .queue(store)                                              // stores each message once, answers at once
                .build();
        WebhookReceipt receipt = receiver.receive(body, signatureHeader);   // answer receipt.httpStatus() to Meta
        InboundMessageWorker worker = InboundMessageWorker.builder(store,
                message -> System.out.println("New message " + message.messageId() + " from " + message.sender().profileName()))
                .build();
        worker.runOnce();                                                  // or worker.start(): a background thread

        WhatsAppCloudClient client = WhatsAppCloudClient.builder()
                .phoneNumberId("106540352242922")
                .accessToken("EAAG-example-token")                          // never logged, never in an error
                .build();
        CustomerServiceWindow window = CustomerServiceWindow.since(Instant.now().minus(30, ChronoUnit.HOURS));
        SendOutcome outcome = client.reply(window, "27679518124", "Your invoice is attached to PCS-000042.");
        if (outcome instanceof SendOutcome.RequiresTemplate closed) {
            System.out.println("Window " + window.describe() + ": send an approved template instead");
        }
        // whatsapp:end

        System.out.println(chat + " (QR " + qrPng.length + " bytes), webhook answered " + receipt.httpStatus());
        return receipt;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
