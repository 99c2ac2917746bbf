package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.bytes;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.sign;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;

class WebhookReceiverTest {

    private static final String SECRET = "test-secret";
    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");

    private final InMemoryTicketStore store = InMemoryTicketStore.create();
    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    private final List<StatusUpdate> statusChanges = new CopyOnWriteArrayList<>();
    private final List<UnsupportedEvent> unsupported = new CopyOnWriteArrayList<>();

    private final WebhookHandler handler = new WebhookHandler() {
        @Override
        public void onMessage(InboundMessage message) {
            handled.add(message);
        }

        @Override
        public void onStatusChange(StatusUpdate update) {
            statusChanges.add(update);
        }

        @Override
        public void onUnsupported(UnsupportedEvent event) {
            unsupported.add(event);
        }
    };

    private WebhookReceiver.Builder builder() {
        return WebhookReceiver.builder().appSecret(SECRET).queue(store).handler(handler)
                .clock(SettableClock.at(NOW));
    }

    private final WebhookReceiver receiver = builder().build();
    private final SettableClock workerClock = SettableClock.at(NOW);
    private final InboundMessageWorker worker = InboundMessageWorker.builder(store, handler).clock(workerClock).build();

    /** Lets the worker apply every stored message that is due, then shows what the handler got. */
    private List<InboundMessage> applied() {
        while (worker.runOnce() > 0) {
            // until nothing is due
        }
        return handled;
    }

    /** Lets the worker apply every stored status update once its delay has passed; shows what the handler got. */
    private List<StatusUpdate> appliedStatuses() {
        workerClock.advance(WebhookReceiver.DEFAULT_STATUS_DELAY);
        while (worker.runOnce() > 0) {
            // until nothing is due
        }
        return statusChanges;
    }

    private WebhookReceipt deliver(WebhookReceiver r, String fixture) {
        byte[] body = bytes(fixture);
        return r.receive(body, sign(body, SECRET));
    }

    @Test
    @DisplayName("a signed text message is handed over once and answered 200")
    void accepted() {
        WebhookReceipt receipt = deliver(receiver, "text.json");
        assertThat(receipt.outcome()).isEqualTo(WebhookReceipt.Outcome.ACCEPTED);
        assertThat(receipt.httpStatus()).isEqualTo(200);
        assertThat(receipt.isAccepted()).isTrue();
        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(applied()).singleElement().extracting(InboundMessage::text).isEqualTo("Does it come in another color?");
    }

    @Test
    @DisplayName("the same message delivered 3 times is handled once")
    void threeDeliveries() {
        WebhookReceipt first = deliver(receiver, "text.json");
        WebhookReceipt second = deliver(receiver, "text.json");
        WebhookReceipt third = deliver(receiver, "text.json");
        assertThat(applied()).hasSize(1);
        assertThat(first.accepted()).isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(third.duplicates()).isEqualTo(1);
        assertThat(third.httpStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("8 threads delivering the same body at once: handled once")
    void concurrentDeliveries() throws Exception {
        byte[] body = bytes("batched.json");
        String header = sign(body, SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<WebhookReceipt>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return receiver.receive(body, header);
                }));
            }
            start.countDown();
            int accepted = 0;
            int duplicates = 0;
            for (Future<WebhookReceipt> r : results) {
                WebhookReceipt receipt = r.get(10, TimeUnit.SECONDS);
                assertThat(receipt.isAccepted()).isTrue();
                accepted += receipt.accepted();
                duplicates += receipt.duplicates();
            }
            assertThat(applied()).hasSize(1);
            assertThat(accepted).isEqualTo(1);
            assertThat(duplicates).isEqualTo(7);
            assertThat(appliedStatuses()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a message is stored with its raw body, at the receiver's clock, and applied by the worker, not on the request thread")
    void storedThenApplied() {
        byte[] body = bytes("text.json");
        WebhookReceipt receipt = receiver.receive(body, sign(body, SECRET));
        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(handled).as("nothing is applied before the worker runs").isEmpty();
        za.co.proconnectsa.support.queue.Job job = store.findJob(WebhookReceiver.INBOUND_KIND,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=").orElseThrow();
        assertThat(job.payload()).isEqualTo(body);
        assertThat(job.createdAt()).isEqualTo(NOW);
        assertThat(applied()).hasSize(1);
        assertThat(store.findJob(WebhookReceiver.INBOUND_KIND, job.key()).orElseThrow().state())
                .isEqualTo(za.co.proconnectsa.support.queue.JobState.DONE);
    }

    @Test
    @DisplayName("a body of limit+1 bytes is refused without computing the signature")
    void tooLargeNotHashed() {
        AtomicInteger verifierCalls = new AtomicInteger();
        WebhookReceiver small = builder().maxBodyBytes(1000).verifier((body, header) -> {
            verifierCalls.incrementAndGet();
            return true;
        }).build();

        byte[] over = new byte[1001];
        Arrays.fill(over, (byte) ' ');
        WebhookReceipt receipt = small.receive(over, "sha256=anything");
        assertThat(receipt.outcome()).isEqualTo(WebhookReceipt.Outcome.TOO_LARGE);
        assertThat(receipt.httpStatus()).isEqualTo(413);
        assertThat(verifierCalls).hasValue(0);

        byte[] exactly = new byte[1000];
        Arrays.fill(exactly, (byte) ' ');
        small.receive(exactly, "sha256=anything");
        assertThat(verifierCalls).hasValue(1);
    }

    @Test
    @DisplayName("the default limit is 1 MiB")
    void defaultLimit() {
        assertThat(receiver.maxBodyBytes()).isEqualTo(1 << 20);
        AtomicInteger verifierCalls = new AtomicInteger();
        WebhookReceiver r = builder().verifier((b, h) -> verifierCalls.incrementAndGet() < 0).build();
        assertThat(r.receive(new byte[(1 << 20) + 1], null).outcome()).isEqualTo(WebhookReceipt.Outcome.TOO_LARGE);
        assertThat(verifierCalls).hasValue(0);
    }

    @Test
    @DisplayName("from a stream, an oversized body is refused after reading at most limit+1 bytes")
    void streamBounded() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                served.addAndGet(len);
                return len;
            }
        };
        AtomicInteger verifierCalls = new AtomicInteger();
        WebhookReceiver small = builder().maxBodyBytes(4096).verifier((b, h) -> verifierCalls.incrementAndGet() < 0)
                .build();
        assertThat(small.receive(endless, "sha256=x").outcome()).isEqualTo(WebhookReceipt.Outcome.TOO_LARGE);
        assertThat(served.get()).isEqualTo(4097);
        assertThat(verifierCalls).hasValue(0);
    }

    @Test
    @DisplayName("from a stream, a signed body is received like bytes; a failing stream is UNREADABLE")
    void stream() {
        byte[] body = bytes("text.json");
        assertThat(receiver.receive(new ByteArrayInputStream(body), sign(body, SECRET)).accepted()).isEqualTo(1);
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThat(receiver.receive(broken, "sha256=x").outcome()).isEqualTo(WebhookReceipt.Outcome.UNREADABLE);
    }

    @Test
    @DisplayName("a missing or wrong signature is refused before parsing; nothing is handled")
    void badSignature() {
        byte[] body = bytes("text.json");
        assertThat(receiver.receive(body, null).outcome()).isEqualTo(WebhookReceipt.Outcome.BAD_SIGNATURE);
        assertThat(receiver.receive(body, sign(body, "wrong")).httpStatus()).isEqualTo(403);
        assertThat(receiver.receive(utf8("not json"), sign(body, SECRET)).outcome())
                .isEqualTo(WebhookReceipt.Outcome.BAD_SIGNATURE);
        assertThat(applied()).isEmpty();
    }

    @Test
    @DisplayName("a verifier that throws counts as a bad signature")
    void throwingVerifier() {
        WebhookReceiver r = builder().verifier((b, h) -> {
            throw new IllegalStateException("boom");
        }).build();
        assertThat(r.receive(bytes("text.json"), "x").outcome()).isEqualTo(WebhookReceipt.Outcome.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("a signed but unreadable body is MALFORMED (400)")
    void malformed() {
        byte[] body = utf8("{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[{\"type\":\"text\"}]}}]}]}");
        WebhookReceipt receipt = receiver.receive(body, sign(body, SECRET));
        assertThat(receipt.outcome()).isEqualTo(WebhookReceipt.Outcome.MALFORMED);
        assertThat(receipt.httpStatus()).isEqualTo(400);
    }

    @Test
    @DisplayName("statuses are stored once per message and status, and handed to the handler by the worker after the status delay, not on the request thread")
    void statusesStoredThenApplied() {
        assertThat(deliver(receiver, "status_read.json").statusesApplied()).isEqualTo(1);
        WebhookReceipt repeat = deliver(receiver, "status_read.json");
        assertThat(repeat.statusesApplied()).isZero();
        assertThat(repeat.statusesIgnored()).isEqualTo(1);
        assertThat(deliver(receiver, "status_delivered.json").statusesApplied()).as("another status of the message")
                .isEqualTo(1);
        assertThat(statusChanges).as("nothing on the request thread").isEmpty();
        while (worker.runOnce() > 0) {
            // what is due now
        }
        assertThat(statusChanges).as("not before the status delay").isEmpty();
        assertThat(appliedStatuses()).extracting(StatusUpdate::status)
                .containsExactlyInAnyOrder(DeliveryStatus.READ, DeliveryStatus.DELIVERED);
        assertThat(store.pendingJobs(WebhookReceiver.STATUS_KIND)).isZero();
    }

    @Test
    @DisplayName("a batch: messages, statuses and unsupported events counted separately")
    void batch() {
        WebhookReceipt receipt = deliver(receiver, "batched.json");
        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(receipt.statusesApplied()).isEqualTo(2);
        assertThat(receipt.unsupported()).isEqualTo(2);
        assertThat(unsupported).extracting(UnsupportedEvent::field).containsExactly("messages", "account_update");
    }

    @Test
    @DisplayName("a handler that throws: the body is answered 200 once stored, the rest of the batch is applied, and the failed message is applied on a later attempt")
    void handlerFails() {
        byte[] body = utf8("""
                {"entry":[{"changes":[{"field":"messages","value":{"messages":[
                  {"from":"27679518124","id":"wamid.bad","timestamp":"1","type":"text","text":{"body":"x"}},
                  {"from":"27679518124","id":"wamid.good","timestamp":"1","type":"text","text":{"body":"y"}}]}}]}]}""");
        List<String> seen = new ArrayList<>();
        boolean[] hostBug = {true};
        InboundMessageWorker flaky = InboundMessageWorker.builder(store, m -> {
            if (m.messageId().equals("wamid.bad") && hostBug[0]) {
                throw new IllegalStateException("host bug");
            }
            seen.add(m.messageId());
        }).clock(workerClock).build();
        WebhookReceipt receipt = receiver.receive(body, sign(body, SECRET));
        assertThat(receipt.httpStatus()).isEqualTo(200);
        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(flaky.runOnce()).isEqualTo(1);
        assertThat(seen).containsExactly("wamid.good");

        hostBug[0] = false; // the host recovers; the worker tries again after its pause
        workerClock.advance(java.time.Duration.ofMinutes(1));
        assertThat(flaky.runOnce()).isEqualTo(1);
        assertThat(seen).containsExactly("wamid.good", "wamid.bad");
        assertThat(receiver.receive(body, sign(body, SECRET)).duplicates()).as("Meta's redelivery").isEqualTo(2);
        assertThat(flaky.runOnce()).isZero();
    }

    @Test
    @DisplayName("a queue that cannot store is a StoreUnavailableException, so the host answers 5xx and Meta delivers again")
    void storeFails() {
        WorkQueue down = (WorkQueue) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkQueue.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("db down");
                });
        WebhookReceiver r = builder().queue(down).build();
        assertThatThrownBy(() -> deliver(r, "text.json")).isInstanceOf(StoreUnavailableException.class);
        assertThat(applied()).isEmpty();
    }

    @Test
    @DisplayName("the builder lists every missing part and checks the limit")
    void builderChecks() {
        assertThatThrownBy(() -> WebhookReceiver.builder().build()).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("verifier", "queue"));
        assertThatThrownBy(() -> builder().maxBodyBytes(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> builder().maxBodyBytes((64 << 20) + 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> receiver.receive((byte[]) null, "x")).isInstanceOf(InvalidInputException.class);
        assertThat(receiver.toString()).doesNotContain(SECRET);
    }
}
