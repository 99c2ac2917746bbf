package za.co.proconnectsa.support.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    void runs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RequesterTicketDetails details = Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

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
    void jdbcExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JdbcExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Your ticket number is PCS-0000");
    }

    @Test
    @DisplayName("the routing example sends an error report to a ticket and explains why")
    void routingExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var decision = RoutingExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(decision.ruleName()).isEqualTo("outage");
        assertThat(out).contains("Please open a ticket (TECHNICAL)").contains("=> outage: matched")
                .contains("Quick Support (Recommended)").contains("Create Support Ticket");
    }

    @Test
    @DisplayName("the WhatsApp example verifies and ingests a signed webhook and respects the closed window")
    void whatsAppExample() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var receipt = WhatsAppExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var reply = InboxExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(reply.delivery()).isEqualTo(za.co.proconnectsa.support.whatsapp.inbox.ReplyDelivery.QUEUED);
        assertThat(out).contains("WhatsApp -> customer: Add service areas under Profile > Areas.")
                .contains("we have opened ticket PCS-000001")
                .contains("WhatsApp -> customer: Refunded, sorry about that!")
                .contains("Reply on PCS-000001: QUEUED")
                .contains("Delivery: SENT")
                .contains("Conversation 5 messages, 3 sent on WhatsApp")
                .doesNotContain("EAAG-example-token");
    }

    @Test
    @DisplayName("the assignment example assigns on submit, keeps a full agent's next ticket waiting and hands it out when room frees")
    void assignmentExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var desk = AssignmentExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("PCS-000001 -> agent-7").contains("PCS-000002 waits: Optional.empty")
                .contains("PCS-000002 -> agent-7");
        var lead = za.co.proconnectsa.support.access.Actor.admin("lead-1", "Lerato (Lead)");
        assertThat(desk.assignment().agent(lead, "agent-7")).hasValueSatisfying(a ->
                assertThat(a.presence()).isEqualTo(za.co.proconnectsa.support.assignment.Presence.AWAY));
    }

    @Test
    @DisplayName("the SLA example promises the first reply by 14:00 and, at 15:00 with no reply, finds the first response breached")
    void slaExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var status = SlaExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                java.time.Clock.fixed(SlaExample.MONDAY_10AM, java.time.ZoneOffset.UTC),
                java.time.Clock.fixed(SlaExample.MONDAY_10AM.plus(java.time.Duration.ofHours(5)), java.time.ZoneOffset.UTC));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("We will reply by Mon 2 Mar at 14:00.").contains("First response: BREACHED");
        assertThat(status.target(za.co.proconnectsa.support.sla.SlaTargetType.FIRST_RESPONSE).orElseThrow().state())
                .isEqualTo(za.co.proconnectsa.support.sla.SlaState.BREACHED);
    }

    @Test
    @DisplayName("the data-subjects example erases the requester and reports the pseudonym she is filed under")
    void dataSubjectsExample() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        var report = DataSubjectsExample.run(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(report.tickets()).isEqualTo(1);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("1 tickets, 0 conversations", "Filed as erased-", "May send the marketing template");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"Quickstart.java, getting-started", "RoutingExample.java, routing", "WhatsAppExample.java, whatsapp",
        "InboxExample.java, inbox", "AssignmentExample.java, assignment-imports", "AssignmentExample.java, assignment",
        "SlaExample.java, sla-imports", "SlaExample.java, sla",
        "DataSubjectsExample.java, data-subjects-imports", "DataSubjectsExample.java, data-subjects",
        "Quickstart.java, getting-started-imports", "RoutingExample.java, routing-imports",
        "WhatsAppExample.java, whatsapp-imports", "InboxExample.java, inbox-imports",
        "JdbcExample.java, jdbc-imports", "JdbcExample.java, jdbc"})
    @DisplayName("the README's code is the examples' code, so it compiles in the build")
    void readmeMatchesSource(String file, String region) throws IOException {
        String source = Files.readString(Path.of("src/main/java/za/co/proconnectsa/support/examples/quickstart", file));
        String begin = "// " + region + ":begin";
        String code = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("// " + region + ":end"));
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(code).isNotBlank();
        assertThat(normalise(readme)).contains(normalise(code));
    }

    private static String normalise(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
