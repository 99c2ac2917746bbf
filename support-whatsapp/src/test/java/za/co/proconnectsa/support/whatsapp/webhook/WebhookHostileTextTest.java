package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.sign;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;

/**
 * Signed webhooks whose ids or texts no store can keep exactly are refused message by message and counted, the
 * receipt still answered; ids that differ only in case stay two messages; legitimate Unicode reaches the handler
 * exactly. On the in-memory store and the JDBC store (H2).
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2"})
class WebhookHostileTextTest {

    private static final String SECRET = "test-secret";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Parameter
    String storeKind;

    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    private final List<UnsupportedEvent> unsupported = new CopyOnWriteArrayList<>();
    private TicketStore log;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        if (storeKind.equals("memory")) {
            log = InMemoryTicketStore.create();
        } else {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:webhook-text" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            log = JdbcTicketStore.create(ds);
        }
        WebhookHandler handler = new WebhookHandler() {
            @Override
            public void onMessage(InboundMessage message) {
                handled.add(message);
            }

            @Override
            public void onUnsupported(UnsupportedEvent event) {
                unsupported.add(event);
            }
        };
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:15:30Z"));
        InboundMessageWorker worker = InboundMessageWorker.builder(log, handler).clock(clock).build();
        receiver = WebhookReceiver.builder().appSecret(SECRET).queue((WorkQueue) log).clock(clock).handler(handler)
                .onStored(() -> {
                    while (worker.runOnce() > 0) {
                        // apply what was stored, as a worker thread would
                    }
                }).build();
    }

    /** A text message body; the arguments are JSON string contents, escapes and all. */
    private static String message(String id, String from, String text) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\"1749416383\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}";
    }

    private static String body(String contactName, String... messages) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"" + contactName + "\"},\"wa_id\":\"27679518124\"}],"
                + "\"messages\":[" + String.join(",", messages) + "]},\"field\":\"messages\"}]}]}";
    }

    private WebhookReceipt deliver(String json) {
        byte[] bytes = utf8(json);
        return receiver.receive(bytes, sign(bytes, SECRET));
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = {"wamid.A\\u0000B", "wamid.A\\ud800B", "wamid.A\\udc00", "wamid.A B", "wamid.AB ",
        "wamid.\\u00e9t\\u00e9", "wamid.A\\u0085", "wamid.A\\tB"})
    @DisplayName("a message id no store keeps exactly is refused and counted, the good message beside it handled, 200 answered")
    void refusedIds(String id) {
        String good = message("wamid.GOOD1", "27679518124", "Hello");
        WebhookReceipt receipt = deliver(body("Thandi", message(id, "27679518124", "Hi"), good));

        assertThat(receipt.outcome()).isEqualTo(WebhookReceipt.Outcome.ACCEPTED);
        assertThat(receipt.httpStatus()).isEqualTo(200);
        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(receipt.unsupported()).isEqualTo(1);
        assertThat(handled).extracting(InboundMessage::messageId).containsExactly("wamid.GOOD1");
        assertThat(unsupported).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("refused/id");
            assertThat(e.id()).isNull();
        });
        assertThat(deliver(body("Thandi", message(id, "27679518124", "Hi"))).httpStatus()).isEqualTo(200);
    }

    @ParameterizedTest(name = "text {0}")
    @ValueSource(strings = {"NUL \\u0000 inside", "lone \\ud83d", "lone low \\ude00", "bell \\u0007", "C1 \\u009b"})
    @DisplayName("a message text no store keeps exactly is refused and counted with its id, never handed to the handler")
    void refusedTexts(String text) {
        WebhookReceipt receipt = deliver(body("Thandi", message("wamid.BAD1", "27679518124", text)));

        assertThat(receipt.httpStatus()).isEqualTo(200);
        assertThat(receipt.accepted()).isZero();
        assertThat(receipt.unsupported()).isEqualTo(1);
        assertThat(handled).isEmpty();
        assertThat(unsupported).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("refused/content");
            assertThat(e.id()).isEqualTo("wamid.BAD1");
        });
    }

    @Test
    @DisplayName("a profile name or a sender id no store keeps exactly refuses the message")
    void refusedSender() {
        assertThat(deliver(body("Th\\u0000andi", message("wamid.N1", "27679518124", "Hi"))).unsupported())
                .isEqualTo(1);
        assertThat(deliver(body("Thandi", message("wamid.N2", "2767951\\u00008124", "Hi"))).unsupported())
                .isEqualTo(1);
        assertThat(handled).isEmpty();
    }

    @Test
    @DisplayName("ids that differ only in case or by a trailing dot are three messages; each is a duplicate only of itself")
    void lookAlikeIds() {
        WebhookReceipt first = deliver(body("Thandi", message("wamid.abc", "27679518124", "one"),
                message("wamid.ABC", "27679518124", "two"), message("wamid.abc.", "27679518124", "three")));
        WebhookReceipt again = deliver(body("Thandi", message("wamid.ABC", "27679518124", "two")));

        assertThat(first.accepted()).isEqualTo(3);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(handled).extracting(InboundMessage::text).containsExactly("one", "two", "three");
    }

    @Test
    @DisplayName("emoji, ZWJ sequences, RTL overrides and combining marks reach the handler exactly")
    void legitimateUnicode() {
        String text = "family \\ud83d\\udc68\\u200d\\ud83d\\udc69\\u200d\\ud83d\\udc67 \\u202egpj.exe\\u202c e\\u0301 "
                + "\\u0645\\u0631\\u062d\\u0628\\u0627\\nline two";
        WebhookReceipt receipt = deliver(body("J\\u00fcrgen \\ud83c\\uddff\\ud83c\\udde6",
                message("wamid.UNI1", "27679518124", text)));

        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(handled).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("family 👨\u200D👩\u200D👧 \u202Egpj.exe\u202C e\u0301 مرحبا\nline two");
            assertThat(m.sender().profileName()).isEqualTo("Jürgen 🇿🇦");
        });
    }
}
