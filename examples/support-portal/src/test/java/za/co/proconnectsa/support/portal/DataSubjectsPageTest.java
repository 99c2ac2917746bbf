package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;

/** The data subjects page over real HTTP: export, anonymise, erase with its confirmation step, consent, trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
class DataSubjectsPageTest {

    private static final String PAGE = "/admin/data-subjects";

    @LocalServerPort
    int port;

    @Autowired
    SupportDesk desk;

    private final Actor admin = DemoUsers.find("lerato").orElseThrow().actor();

    /** A person of their own for each test, so that no demo user is erased. */
    private String personWithTicket(String subject) {
        String requester = "person-" + UUID.randomUUID().toString().substring(0, 8);
        desk.tickets().submit(admin, NewTicket.builder().subject(subject)
                .body("Call me on +27 82 555 0101, this is Nomsa Khumalo").category(Category.ACCOUNT)
                .onBehalfOf(requester).build());
        return requester;
    }

    private static Map<String, String> subject(String requester, String reason) {
        return Map.of("requesterId", requester, "contact", "", "name", "Nomsa Khumalo", "email", "",
                "phone", "+27 82 555 0101", "reason", reason);
    }

    /** @return the latest 200 tickets, as the support team sees them */
    private List<Ticket> latestTickets() {
        return desk.tickets().queue(admin, TicketQuery.builder().limit(200).order(TicketQuery.Order.NEWEST_FIRST)
                .build()).items();
    }

    private String subjectOf(String requester) {
        return latestTickets().stream().filter(t -> t.requesterId().equals(requester)).findFirst().orElseThrow()
                .subject();
    }

    @Test
    void anExportDownloadsEverythingHeldAboutThePersonAndIsRecorded() throws Exception {
        String requester = personWithTicket("Please delete my profile photo");
        PortalSession lerato = PortalSession.signedIn(port, "lerato");
        String token = lerato.csrfOf(PAGE);

        HttpResponse<String> export = lerato.postForm(PAGE + "/export",
                subject(requester, "Access request by e-mail"), token);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        JsonNode json = new ObjectMapper().readTree(export.body());
        assertThat(json.toString()).contains("Please delete my profile photo").contains(requester);
        assertThat(lerato.get(PAGE).body()).contains("Access request by e-mail").contains(requester);
    }

    @Test
    void everyFormNeedsItsCsrfTokenAndTheAdminRole() throws Exception {
        String requester = personWithTicket("Keep me");
        PortalSession lerato = PortalSession.signedIn(port, "lerato");
        assertThat(lerato.postForm(PAGE + "/export", subject(requester, "no token"), null).statusCode())
                .isEqualTo(403);
        assertThat(lerato.postForm(PAGE + "/erase/confirmed",
                Map.of("requesterId", requester, "confirmation", requester, "reason", "no token"), null)
                .statusCode()).isEqualTo(403);
        assertThat(lerato.postForm(PAGE + "/consent", Map.of("contact", "27825550101", "choice", "OPT_IN",
                "source", "no token"), null).statusCode()).isEqualTo(403);

        PortalSession agent = PortalSession.signedIn(port, "sipho");
        assertThat(agent.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(agent.postForm(PAGE + "/export", subject(requester, "agent tries"), agent.csrfOf("/admin"))
                .statusCode()).isEqualTo(403);
        assertThat(PortalSession.signedIn(port, "thandi").get(PAGE).statusCode()).isEqualTo(403);
        assertThat(subjectOf(requester)).isEqualTo("Keep me");
    }

    @Test
    void erasureAsksForTheRequesterIdAgainBeforeErasing() throws Exception {
        String requester = personWithTicket("Erase me please");
        PortalSession lerato = PortalSession.signedIn(port, "lerato");

        HttpResponse<String> step = lerato.postForm(PAGE + "/erase", subject(requester, "Erasure request"),
                lerato.csrfOf(PAGE));
        assertThat(step.statusCode()).isEqualTo(200);
        assertThat(step.body()).contains("Erase this person?").contains(requester).contains("id=\"confirmation\"");
        assertThat(subjectOf(requester)).as("nothing erased by the first step").isEqualTo("Erase me please");

        Map<String, String> wrong = new HashMap<>(subject(requester, "Erasure request"));
        wrong.put("confirmation", "someone-else");
        HttpResponse<String> refused = lerato.postForm(PAGE + "/erase/confirmed", wrong, lerato.csrfOf(PAGE));
        assertThat(refused.body()).contains("Type the requester id exactly as above");
        assertThat(subjectOf(requester)).isEqualTo("Erase me please");

        Map<String, String> confirmed = new HashMap<>(subject(requester, "Erasure request"));
        confirmed.put("confirmation", requester);
        HttpResponse<String> done = lerato.postForm(PAGE + "/erase/confirmed", confirmed, lerato.csrfOf(PAGE));
        assertThat(done.statusCode()).isEqualTo(302);
        String after = lerato.get(PAGE).body();
        assertThat(after).contains("Erased: 1 ticket(s)").contains("Erasure request");
        assertThat(desk.dataSubjects().requests(admin, 5).get(0).kind().name()).isEqualTo("ERASE");
        assertThat(latestTickets()).noneMatch(t -> t.requesterId().equals(requester))
                .noneMatch(t -> t.subject().equals("Erase me please"));
    }

    @Test
    void anonymisingKeepsTheTextButRemovesTheContactDetails() throws Exception {
        String requester = personWithTicket("Anonymise my details");
        PortalSession lerato = PortalSession.signedIn(port, "lerato");
        HttpResponse<String> done = lerato.postForm(PAGE + "/anonymise", subject(requester, "Anonymise request"),
                lerato.csrfOf(PAGE));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(lerato.get(PAGE).body()).contains("Anonymised: 1 ticket(s)");
        assertThat(latestTickets()).anySatisfy(t -> {
            assertThat(t.subject()).isEqualTo("Anonymise my details");
            assertThat(t.body()).doesNotContain("555 0101").doesNotContain("Nomsa Khumalo");
        });
    }

    @Test
    void consentIsRecordedAndTheLedgerShown() throws Exception {
        String contact = "2782" + (1000000 + (int) (Math.random() * 8000000));
        PortalSession lerato = PortalSession.signedIn(port, "lerato");
        HttpResponse<String> in = lerato.postForm(PAGE + "/consent",
                Map.of("contact", contact, "choice", "OPT_IN", "source", "Web <b>signup</b> form"), lerato.csrfOf(PAGE));
        assertThat(in.statusCode()).isEqualTo(302);
        lerato.postForm(PAGE + "/consent", Map.of("contact", contact, "choice", "OPT_OUT", "source", "WhatsApp: STOP"),
                lerato.csrfOf(PAGE));

        assertThat(desk.dataSubjects().consentHistory(admin, contact)).extracting(e -> e.choice())
                .containsExactly(ConsentChoice.OPT_IN, ConsentChoice.OPT_OUT);
        assertThat(desk.dataSubjects().mayMarketTo(contact)).isFalse();
        String ledger = lerato.get(PAGE + "?ledger=" + contact).body();
        assertThat(ledger).contains("Web &lt;b&gt;signup&lt;/b&gt; form").contains("WhatsApp: STOP")
                .contains("Opt in").contains("Opt out");

        HttpResponse<String> bad = lerato.postForm(PAGE + "/consent",
                Map.of("contact", "not a number!", "choice", "OPT_IN", "source", "x"), lerato.csrfOf(PAGE));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("The WhatsApp number").doesNotContain("Exception");
        HttpResponse<String> noChoice = lerato.postForm(PAGE + "/consent",
                Map.of("contact", contact, "source", "x"), lerato.csrfOf(PAGE));
        assertThat(noChoice.body()).contains("Choose opt-in or opt-out.");
        assertThat(new String(lerato.getBytes(PAGE + "?ledger=%3Cscript%3E").body(), StandardCharsets.UTF_8))
                .doesNotContain("<script>");
    }
}
