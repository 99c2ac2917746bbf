package za.co.proconnectsa.support.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.ticket.RequesterMessage;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.TicketStatus;

class QuickstartTest {

    @Test
    @DisplayName("the quickstart submits, converses and prints the receipt and history")
    void runs() throws Exception {
        var run = printed(Quickstart::run);
        RequesterTicketDetails details = run.result();
        String out = run.out();

        assertThat(details.ticket().number().text()).isEqualTo("PCS-000001");
        assertThat(details.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(details.messages()).extracting(RequesterMessage::body)
                .containsExactly("Sorry! Which card was charged?", "The Visa ending 4421.");
        assertThat(out).contains("Your ticket number is PCS-000001")
                .contains("Sipho (Support): Sorry! Which card was charged?")
                .contains("Thandi Nkosi: The Visa ending 4421.")
                .contains("CREATED").contains("REPLIED").contains("NEW -> OPEN");
    }

    @Test
    @DisplayName("the JDBC example stores a ticket in H2 through a HikariCP pool and prints the receipt")
    void jdbcExample() throws Exception {
        var run = printed(() -> {
            JdbcExample.run();
            return null;
        });
        assertThat(run.out()).contains("Your ticket number is PCS-0000");
    }

    @Test
    @DisplayName("the routing example sends an error report to a ticket and explains why")
    void routingExample() throws Exception {
        var run = printed(RoutingExample::run);
        var decision = run.result();
        String out = run.out();

        assertThat(decision.ruleName()).isEqualTo("outage");
        assertThat(out).contains("Please open a ticket (TECHNICAL)").contains("=> outage: matched")
                .contains("Quick Support (Recommended)").contains("Create Support Ticket");
    }

    @Test
    @DisplayName("the WhatsApp example verifies and ingests a signed webhook and respects the closed window")
    void whatsAppExample() throws Exception {
        var run = printed(WhatsAppExample::run);
        var receipt = run.result();
        String out = run.out();

        assertThat(receipt.httpStatus()).isEqualTo(200);
        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(out).contains("New message wamid.example1 from Thandi")
                .contains("send an approved template instead")
                .contains("https://wa.me/27679518124?text=Hi%2C%20I%20need%20help%20with%20my%20invoice")
                .doesNotContain("EAAG-example-token");
    }

    @Test
    @DisplayName("the inbox example answers the FAQ, escalates the double charge and delivers the agent's reply")
    void inboxExample() throws Exception {
        var run = printed(InboxExample::run);
        var reply = run.result();
        String out = run.out();

        assertThat(reply.delivery()).isEqualTo(za.co.proconnectsa.support.whatsapp.inbox.ReplyDelivery.QUEUED);
        assertThat(out).contains("WhatsApp -> customer: Add service areas under Profile > Areas.")
                .contains("we have opened ticket PCS-000001")
                .contains("WhatsApp -> customer: Refunded, sorry about that!")
                .contains("Reply on PCS-000001: QUEUED")
                .contains("Delivery: SENT")
                .contains("Conversation 5 messages, 3 sent on WhatsApp")
                .contains("PCS-000001: QUEUED").contains("state=QUEUED")
                .contains("Dead wamid.unreadable after 1 attempt(s)")
                .doesNotContain("EAAG-example-token");
    }

    @Test
    @DisplayName("the assignment example assigns on submit, keeps a full agent's next ticket waiting and hands it out when room frees")
    void assignmentExample() throws Exception {
        var run = printed(AssignmentExample::run);
        var desk = run.result();
        String out = run.out();

        assertThat(out).contains("PCS-000001 -> agent-7").contains("PCS-000002 waits: Optional.empty")
                .contains("PCS-000002 -> agent-7");
        var lead = za.co.proconnectsa.support.access.Actor.admin("lead-1", "Lerato (Lead)");
        assertThat(desk.assignment().agent(lead, "agent-7")).hasValueSatisfying(a ->
                assertThat(a.presence()).isEqualTo(za.co.proconnectsa.support.assignment.Presence.AWAY));
    }

    @Test
    @DisplayName("the SLA example promises the first reply by 14:00 and, at 15:00 with no reply, finds the first response breached")
    void slaExample() throws Exception {
        var run = printed(() -> SlaExample.run(java.time.Clock.fixed(SlaExample.MONDAY_10AM, java.time.ZoneOffset.UTC),
                java.time.Clock.fixed(SlaExample.MONDAY_10AM.plus(java.time.Duration.ofHours(5)), java.time.ZoneOffset.UTC)));
        var status = run.result();
        String out = run.out();

        assertThat(out).contains("We will reply by Mon 2 Mar at 14:00.").contains("First response: BREACHED");
        assertThat(status.target(za.co.proconnectsa.support.sla.SlaTargetType.FIRST_RESPONSE).orElseThrow().state())
                .isEqualTo(za.co.proconnectsa.support.sla.SlaState.BREACHED);
    }

    @Test
    @DisplayName("the data-subjects example erases the requester and reports the pseudonym she is filed under")
    void dataSubjectsExample() throws Exception {
        var run = printed(DataSubjectsExample::run);
        var report = run.result();

        assertThat(report.tickets()).isEqualTo(1);
        assertThat(run.out())
                .contains("1 tickets, 0 conversations", "Filed as erased-", "May send the marketing template");
    }

    @Test
    @DisplayName("the outbox example commits a submission and its assignment together, relays their events and reviews a dead letter")
    void outboxExample() throws Exception {
        var run = printed(OutboxExample::run);
        var receipt = run.result();
        String out = run.out();

        assertThat(receipt.ticketNumber().text()).isEqualTo("PCS-000001");
        assertThat(out).contains("Mail: SUBMITTED PCS-000001").contains("Mail: ASSIGNED PCS-000001")
                .contains("1 dead letters").contains("mail server down").doesNotContain("PCS-000002 Mail");
    }

    @Test
    @DisplayName("the analytics example reports a month as CSV and advises on measured figures")
    void analyticsExample() throws Exception {
        var run = printed(AnalyticsExample::run);
        String csv = run.result();

        assertThat(csv.lines().count()).isGreaterThan(5);
        assertThat(run.out()).contains(csv.lines().findFirst().orElseThrow());
    }

    @Test
    @DisplayName("the links example builds the wa.me link with its reference and the desk's display number")
    void whatsAppLinksExample() throws Exception {
        var run = printed(WhatsAppLinksExample::run);
        var uri = run.result();

        assertThat(uri.toString()).startsWith("https://wa.me/27679518124?text=Hi%2C%20I%20need%20help")
                .contains("PCS-000042");
        assertThat(run.out()).contains("+27 67 951 8124").contains("27679518124 png ");
    }

    @Test
    @DisplayName("the classifier example trains on the corpus and the host's file, saves, loads and evaluates")
    void classifierExample(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        var run = printed(() -> ClassifierExample.run(folder));
        var check = run.result();

        assertThat(check.total()).isEqualTo(2);
        assertThat(Files.size(folder.resolve("routing-model.bin"))).isPositive();
        assertThat(run.out()).contains("Policy true, accuracy ");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"Quickstart.java, getting-started", "RoutingExample.java, routing", "WhatsAppExample.java, whatsapp",
        "InboxExample.java, inbox", "AssignmentExample.java, assignment-imports", "AssignmentExample.java, assignment",
        "SlaExample.java, sla-imports", "SlaExample.java, sla",
        "DataSubjectsExample.java, data-subjects-imports", "DataSubjectsExample.java, data-subjects",
        "Quickstart.java, getting-started-imports", "RoutingExample.java, routing-imports",
        "WhatsAppExample.java, whatsapp-imports", "InboxExample.java, inbox-imports",
        "JdbcExample.java, jdbc-imports", "JdbcExample.java, jdbc",
        "DeadJobs.java, dead-jobs-imports", "DeadJobs.java, dead-jobs", "Deliveries.java, delivery-imports",
        "Deliveries.java, delivery", "OutboxExample.java, outbox-relay-imports", "OutboxExample.java, outbox-relay",
        "OutboxExample.java, in-transaction-imports", "OutboxExample.java, in-transaction",
        "DeadLetterReview.java, dead-letters-imports", "DeadLetterReview.java, dead-letters",
        "AnalyticsExample.java, analytics-imports", "AnalyticsExample.java, analytics"})
    @DisplayName("the README's code is the examples' code, so it compiles in the build")
    void readmeMatchesSource(String file, String region) throws IOException {
        String source = Files.readString(Path.of("src/main/java/za/co/proconnectsa/support/examples/quickstart", file));
        String begin = "// " + region + ":begin";
        String code = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("// " + region + ":end"));
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(code).isNotBlank();
        assertThat(normalise(readme)).contains(normalise(code));
    }

    /** What an example returned, and what it printed. */
    record Printed<T>(T result, String out) {
    }

    /**
     * Runs an example with {@code System.out} (which the README's blocks print to) captured; one at a time, as
     * {@code System.out} is the JVM's.
     */
    static synchronized <T> Printed<T> printed(Callable<T> example) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T result = example.call();
            return new Printed<>(result, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static String normalise(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
