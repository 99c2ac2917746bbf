package za.co.proconnectsa.support.examples.quickstart;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
// inbox-imports:begin
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.FaqEntry;
import za.co.proconnectsa.support.whatsapp.inbox.TicketReplyResult;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;
// inbox-imports:end

/**
 * The WhatsApp inbox end to end, offline: a provider asks a quick question (answered by the FAQ), then reports a
 * double charge (it becomes a ticket and the number goes back on WhatsApp), and an agent answers on the ticket
 * (the answer goes out on WhatsApp). A small HTTP server on localhost stands in for the Graph API and prints what
 * it was asked to send. The README's "WhatsApp inbox" section is this code.
 */
public final class InboxExample {

    /** Monday 2 March 2026, 10:00 in Johannesburg: support is open. */
    static final Instant MONDAY_10AM = Instant.parse("2026-03-02T08:00:00Z");

    private InboxExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws Exception when the local stand-in server cannot start
     */
    public static void main(String[] args) throws Exception {
        run();
    }

    static TicketReplyResult run() throws Exception {
        List<String> sent = new ArrayList<>();
        HttpServer graph = standInGraphApi(sent);
        try {
            String appSecret = "example-app-secret";
            Clock clock = Clock.fixed(MONDAY_10AM, ZoneOffset.UTC);
            WhatsAppCloudClient client = WhatsAppCloudClient.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + graph.getAddress().getPort()))
                    .phoneNumberId("106540352242922").accessToken("EAAG-example-token")
                    .retryPolicy(RetryPolicy.noRetries()).clock(clock).build();
            InMemoryTicketStore store = InMemoryTicketStore.create();
            Actor agent = Actor.agent("agent-3", "Sipho (Support)");

            // inbox:begin
            SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
            WhatsAppInbox inbox = WhatsAppInbox.builder()
                    .desk(desk)
                    .store(store)                                            // the desk's store, for conversations too
                    .client(client)
                    .autoResponder(AutoResponder.builder()
                            .faq(FaqEntry.of("service-areas", "Add service areas under Profile > Areas.",
                                    "service area", "service areas"))
                            .businessHours(desk.businessHours())             // out of hours: "we reply from Mon 8:00am"
                            .build())
                    .windowClosedTemplate("ticket_update", "en")             // approved template for replies after 24h
                    .build();
            WebhookReceiver receiver = WebhookReceiver.builder()
                    .appSecret(appSecret).queue(store).clock(clock).build(); // stores each message, answers Meta at once
            InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
            JobWorker sender = inbox.sendWorker().clock(clock).build();   // delivers the texts the inbox queued

            deliver(receiver, appSecret, "How do I add a service area?");
            deliver(receiver, appSecret, "My invoice INV-2291 was charged twice");
            worker.runOnce();           // FAQ answer queued; ticket PCS-000001, its number queued
            while (sender.runOnce() > 0) {
                // one text a round, until both are sent (in an app: worker.start() and sender.start())
            }

            TicketReplyResult reply = inbox.replyOnTicket(agent, "PCS-000001", "Refunded, sorry about that!");
            System.out.println("Reply on PCS-000001: " + reply.delivery());        // QUEUED: the window is open
            sender.runOnce();                                                    // sends it, records SENT and its wamid
            System.out.println("Delivery: " + inbox.delivery(agent, reply.transcriptMessageId()).orElseThrow().state());
            // inbox:end

            System.out.println("Conversation " + inbox.conversation(agent, "WA-000001").messages().size() + " messages, "
                    + sent.size() + " sent on WhatsApp");

            Deliveries.reply(inbox, agent, "PCS-000001", "WA-000001", "The refund shows in 3 to 5 working days.");
            // a stored message whose body cannot be read is left dead at once, for a person
            store.enqueueJob(WebhookReceiver.INBOUND_KIND, "wamid.unreadable",
                    "not a webhook".getBytes(StandardCharsets.UTF_8), clock.instant());
            worker.runOnce();
            DeadJobs.review(store);
            return reply;
        } finally {
            graph.stop(0);
        }
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    /** Signs and delivers a text message from Thandi, as Meta would POST it. */
    private static void deliver(WebhookReceiver receiver, String appSecret, String text) throws Exception {
        int id = IDS.incrementAndGet();
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"profile\":{\"name\":\"Thandi\"},"
                + "\"wa_id\":\"27679518124\"}],\"messages\":[{\"from\":\"27679518124\",\"id\":\"wamid.inbox" + id + "\","
                + "\"timestamp\":\"" + MONDAY_10AM.plus(Duration.ofMinutes(id)).getEpochSecond() + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        receiver.receive(body, "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
    }

    /** Answers every message POST like the Graph API, with a new message id, and prints the request's text. */
    private static HttpServer standInGraphApi(List<String> sent) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger n = new AtomicInteger();
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            sent.add(request);
            int i = n.incrementAndGet();
            String text = request.replaceAll(".*\"body\":\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1");
            System.out.println("WhatsApp -> customer: " + (text.equals(request) ? request : text));
            byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"27679518124\",\"wa_id\":"
                    + "\"27679518124\"}],\"messages\":[{\"id\":\"wamid.sent" + i + "\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
        return server;
    }
}
