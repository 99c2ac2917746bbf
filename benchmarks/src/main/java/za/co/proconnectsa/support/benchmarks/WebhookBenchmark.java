package za.co.proconnectsa.support.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookEvent;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookSignatureVerifier;
import za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook;

/**
 * A webhook request's CPU work before any of the host's: check {@code X-Hub-Signature-256} over the raw bytes
 * (HMAC-SHA256, constant-time compare), then parse the body into events. The bodies cycle through the shapes
 * Meta sends most: a text message (with contacts and metadata, 700 bytes), a status update with pricing
 * (900 bytes), an image with a caption, and a read receipt. One thread: bodies per second on one core.
 *
 * <p>Target: {@code verifyAndParse} at >= 10,000 bodies per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class WebhookBenchmark {

    private static final String SECRET = "2f6d4e0b9c1a4b7e8d3f5a6c7b8e9d0a";
    private static final String ENVELOPE = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
            + "\"27679518124\",\"phone_number_id\":\"106540352242922\"},%s},\"field\":\"messages\"}]}]}";
    private static final String CONTACTS = "\"contacts\":[{\"profile\":{\"name\":\"Thandi Nkosi\"},\"wa_id\":\"27821234567\"}],";
    static final List<String> BODIES = List.of(
            String.format(ENVELOPE, CONTACTS + "\"messages\":[{\"from\":\"27821234567\",\"id\":"
                    + "\"wamid.HBgLMjc4MjEyMzQ1NjcVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\",\"timestamp\":\"1772438400\","
                    + "\"type\":\"text\",\"text\":{\"body\":\"Hi, how do I add a second service area to my profile? "
                    + "I also work in Umhlanga and Durban North.\"}}]"),
            String.format(ENVELOPE, "\"statuses\":[{\"id\":\"wamid.HBgLMjc4MjEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA\","
                    + "\"status\":\"delivered\",\"timestamp\":\"1772438460\",\"recipient_id\":\"27821234567\","
                    + "\"conversation\":{\"id\":\"6ceb9d929c4ad6a7b5b7c8d4e5f60718\",\"origin\":{\"type\":\"service\"}},"
                    + "\"pricing\":{\"billable\":false,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"free_customer_service\"}}]"),
            String.format(ENVELOPE, CONTACTS + "\"messages\":[{\"from\":\"27821234567\",\"id\":"
                    + "\"wamid.HBgLMjc4MjEyMzQ1NjcVAgASGBQzQUVCOUQ3QjI1MzQ4NDgyNEMA\",\"timestamp\":\"1772438520\","
                    + "\"type\":\"image\",\"image\":{\"caption\":\"This is the error I see \\u00e4 on the leads page\","
                    + "\"mime_type\":\"image/jpeg\",\"sha256\":\"HgYmrAZ7dDe2t6ov0mdpGk4zM0pQ9Vk5aW5fd8cYb5c=\","
                    + "\"id\":\"1003383421387256\"}}]"),
            String.format(ENVELOPE, "\"statuses\":[{\"id\":\"wamid.HBgLMjc4MjEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA\","
                    + "\"status\":\"read\",\"timestamp\":\"1772438580\",\"recipient_id\":\"27821234567\"}]"));

    private WebhookSignatureVerifier verifier;
    private byte[][] bodies;
    private String[] signatures;
    private int i;

    /** Signs each body with javax.crypto directly, as Meta would. */
    @Setup
    public void sign() throws Exception {
        verifier = WebhookSignatureVerifier.create(SECRET);
        bodies = new byte[BODIES.size()][];
        signatures = new String[BODIES.size()];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (int k = 0; k < bodies.length; k++) {
            bodies[k] = BODIES.get(k).getBytes(StandardCharsets.UTF_8);
            signatures[k] = "sha256=" + HexFormat.of().formatHex(mac.doFinal(bodies[k]));
            if (!verifier.isValid(bodies[k], signatures[k]) || WhatsAppWebhook.parse(bodies[k]).size() != 1) {
                throw new IllegalStateException("body " + k + " does not verify and parse to one event");
            }
        }
    }

    /** @return the events of the next body, after its signature checked out */
    @Benchmark
    public List<WebhookEvent> verifyAndParse() {
        int k = i++ & 3;
        if (!verifier.isValid(bodies[k], signatures[k])) {
            throw new IllegalStateException("signature refused");
        }
        return WhatsAppWebhook.parse(bodies[k]);
    }

    /** @return whether the next body's signature checks out: the HMAC part alone */
    @Benchmark
    public boolean verifyOnly() {
        int k = i++ & 3;
        return verifier.isValid(bodies[k], signatures[k]);
    }

    /** @return the events of the next body: the parsing part alone */
    @Benchmark
    public List<WebhookEvent> parseOnly() {
        return WhatsAppWebhook.parse(bodies[i++ & 3]);
    }
}
