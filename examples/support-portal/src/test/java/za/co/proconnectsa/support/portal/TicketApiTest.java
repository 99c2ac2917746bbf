package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The JSON API over real HTTP: each endpoint, and each error as an RFC 9457 problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
class TicketApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private PortalSession as(String username) {
        return PortalSession.basic(port, username, PortalBrowserTest.PASSWORD);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String ticketJson(String subject, String body, String category) throws Exception {
        return JSON.createObjectNode().put("subject", subject).put("body", body).put("category", category).toString();
    }

    /** Files a ticket for thandi through the API and returns its number. */
    private String fileForThandi(String subject) throws Exception {
        HttpResponse<String> created = as("thandi").postJson("/api/tickets",
                ticketJson(subject, "Details of " + subject, "technical"));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("number").asText();
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at za.co.").doesNotContain("trace");
    }

    @Test
    void aSubmissionAnswers201WithTheReceiptAndTheTextIsReadBackExactly() throws Exception {
        String subject = "Payout <script>alert('x')</script> for Zoë & Sipho";
        String body = "Line one\nLine two: R1 250,00 \u2014 \"quoted\" \uD83D\uDE00";
        HttpResponse<String> created = as("thandi").postJson("/api/tickets", ticketJson(subject, body, "billing"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode receipt = json(created);
        String number = receipt.get("number").asText();
        assertThat(number).matches("PCS-\\d{6}");
        assertThat(receipt.get("created").asBoolean()).isTrue();
        assertThat(receipt.get("confirmation").asText()).contains(number);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/tickets/" + number);

        JsonNode read = json(as("thandi").get("/api/tickets/" + number)).get("ticket");
        assertThat(read.get("subject").asText()).isEqualTo(subject);
        assertThat(read.get("body").asText()).isEqualTo(body);
        assertThat(read.get("category").asText()).isEqualTo("BILLING");
        assertThat(read.get("origin").asText()).isEqualTo("API");
        assertThat(read.get("version").isNull()).as("requesters see no version").isTrue();
    }

    @Test
    void theSameIdempotencyKeyGivesTheFirstReceiptAndOneTicket() throws Exception {
        String key = "api-" + UUID.randomUUID();
        String ticket = ticketJson("Sent twice by a retrying client", "Same body", "GENERAL");
        HttpResponse<String> first = as("thandi").postJson("/api/tickets", ticket, "Idempotency-Key", key);
        HttpResponse<String> second = as("thandi").postJson("/api/tickets", ticket, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("number").asText()).isEqualTo(json(first).get("number").asText());
        assertThat(json(second).get("created").asBoolean()).isFalse();
    }

    @Test
    void everyRefusedFieldIsNamedInPlainWords() throws Exception {
        HttpResponse<String> response = as("thandi").postJson("/api/tickets",
                "{\"subject\":\"\",\"body\":\"ok\",\"category\":\"groceries\",\"priority\":\"asap\"}");

        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("subject", "category", "priority");
        assertThat(json(response).get("detail").asText())
                .contains("The category must be one of [ACCOUNT, BILLING, GENERAL, TECHNICAL].")
                .contains("The priority must be one of LOW, NORMAL, HIGH, URGENT.")
                .contains("The subject must not be empty or only spaces.");

        HttpResponse<String> blank = as("thandi").postJson("/api/tickets", "{\"category\":\"BILLING\"}");
        assertProblem(blank, 400);
        assertThat(json(blank).get("detail").asText()).contains("The subject").contains("The text");
    }

    @Test
    void aBodyThatIsNotJsonOrNotJsonAtAllIsA4xxProblem() throws Exception {
        assertProblem(as("thandi").postJson("/api/tickets", "{not json"), 400);
        assertProblem(as("thandi").postJson("/api/tickets", "[1,2]"), 400);
        HttpResponse<String> form = PortalSession.basic(port, "thandi", PortalBrowserTest.PASSWORD)
                .postForm("/api/tickets", java.util.Map.of("subject", "x"), null);
        assertProblem(form, 415);
    }

    @Test
    void myTicketsListsOnlyTheCallersOwnPageByPage() throws Exception {
        String a = fileForThandi("Mine A " + UUID.randomUUID());
        String b = fileForThandi("Mine B " + UUID.randomUUID());

        JsonNode first = json(as("thandi").get("/api/tickets/mine?limit=1"));
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("number").asText()).isEqualTo(b);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = json(as("thandi").get("/api/tickets/mine?limit=1&cursor=" + cursor));
        assertThat(second.get("items").get(0).get("number").asText()).isEqualTo(a);

        JsonNode pieters = json(as("pieter").get("/api/tickets/mine?limit=200"));
        pieters.get("items").forEach(t -> assertThat(t.get("number").asText()).isNotIn(a, b));
        assertProblem(as("thandi").get("/api/tickets/mine?limit=0"), 400);
        assertProblem(as("thandi").get("/api/tickets/mine?cursor=%3Cnope%3E"), 400);
        assertProblem(as("thandi").get("/api/tickets/mine?status=LOST"), 400);
    }

    @Test
    void someoneElsesTicketAnswersExactlyLikeAMissingOne() throws Exception {
        String thandis = fileForThandi("Private matter");
        HttpResponse<String> other = as("pieter").get("/api/tickets/" + thandis);
        HttpResponse<String> missing = as("pieter").get("/api/tickets/PCS-999999");

        assertProblem(other, 404);
        assertProblem(missing, 404);
        assertThat(other.body().replace(thandis, "N")).isEqualTo(missing.body().replace("PCS-999999", "N"));

        HttpResponse<String> replyOther = as("pieter").postJson("/api/tickets/" + thandis + "/replies",
                "{\"body\":\"Me too\"}");
        HttpResponse<String> replyMissing = as("pieter").postJson("/api/tickets/PCS-999999/replies",
                "{\"body\":\"Me too\"}");
        assertProblem(replyOther, 404);
        assertThat(replyOther.body().replace(thandis, "N")).isEqualTo(replyMissing.body().replace("PCS-999999", "N"));
    }

    @Test
    void aRequesterRepliesOnTheirTicketAndNeverSeesInternalNotes() throws Exception {
        String number = fileForThandi("Reply flow");
        HttpResponse<String> mine = as("thandi").postJson("/api/tickets/" + number + "/replies",
                "{\"body\":\"Any news?\"}");
        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(json(mine).get("fromSupport").asBoolean()).isFalse();

        assertProblem(as("thandi").postJson("/api/tickets/" + number + "/replies",
                "{\"body\":\"let me in\",\"internal\":true}"), 403);
        assertThat(as("sipho").postJson("/api/tickets/" + number + "/replies",
                "{\"body\":\"Checked the logs: card declined\",\"internal\":true}").statusCode()).isEqualTo(201);
        assertThat(as("sipho").postJson("/api/tickets/" + number + "/replies",
                "{\"body\":\"We are on it.\"}").statusCode()).isEqualTo(201);

        String requesterView = as("thandi").get("/api/tickets/" + number).body();
        assertThat(requesterView).contains("Any news?").contains("We are on it.").doesNotContain("card declined");
        String agentView = as("sipho").get("/api/tickets/" + number).body();
        assertThat(agentView).contains("card declined");
        assertProblem(as("thandi").postJson("/api/tickets/" + number + "/replies", "{\"body\":\"  \"}"), 400);
    }

    @Test
    void theQueueIsForTheSupportTeamOnly() throws Exception {
        String number = fileForThandi("Queue entry");
        JsonNode queue = json(as("sipho").get("/api/queue?limit=200"));
        List<String> numbers = new ArrayList<>();
        queue.get("items").forEach(t -> numbers.add(t.get("number").asText()));
        assertThat(numbers).contains(number);
        assertThat(queue.get("items").get(0).get("requester").asText()).isNotBlank();

        assertProblem(as("thandi").get("/api/queue"), 403);
        assertProblem(as("sipho").get("/api/queue?limit=abc"), 400);
    }

    @Test
    void aStatusChangeOnAStaleVersionIsA409WithTheCurrentVersion() throws Exception {
        String number = fileForThandi("Version check");
        long version = json(as("sipho").get("/api/tickets/" + number)).get("ticket").get("version").asLong();

        HttpResponse<String> changed = as("sipho").postJson("/api/tickets/" + number + "/status",
                "{\"status\":\"PENDING\",\"expectedVersion\":" + version + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("status").asText()).isEqualTo("PENDING");

        HttpResponse<String> stale = as("lerato").postJson("/api/tickets/" + number + "/status",
                "{\"status\":\"RESOLVED\",\"expectedVersion\":" + version + "}");
        assertProblem(stale, 409);
        assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(json(changed).get("version").asLong());

        assertProblem(as("sipho").postJson("/api/tickets/" + number + "/status", "{\"status\":\"DONE\"}"), 400);
        assertProblem(as("thandi").postJson("/api/tickets/" + number + "/status",
                "{\"status\":\"CLOSED\",\"expectedVersion\":" + version + "}"), 403);
    }

    @Test
    void withoutCredentialsOrWithWrongOnesTheAnswerIs401() throws Exception {
        assertProblem(PortalSession.anonymous(port).get("/api/tickets/mine"), 401);
        HttpResponse<String> wrong = PortalSession.basic(port, "thandi", "not-the-password").get("/api/tickets/mine");
        assertProblem(wrong, 401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    }

    @Test
    void aSignedInBrowserSessionNeedsItsCsrfTokenInAHeader() throws Exception {
        PortalSession browser = PortalSession.signedIn(port, "thandi");
        String ticket = ticketJson("From the browser", "Sent by script", "GENERAL");
        assertThat(browser.get("/api/tickets/mine").statusCode()).isEqualTo(200);
        assertProblem(browser.postJson("/api/tickets", ticket), 403);

        String token = browser.csrfOf("/tickets/new");
        assertThat(browser.postJson("/api/tickets", ticket, "X-CSRF-TOKEN", token).statusCode()).isEqualTo(201);
    }

    @Test
    void anAddressTheApiDoesNotHaveIsAProblemNotAPage() throws Exception {
        assertProblem(as("sipho").get("/api/nothing-here"), 404);
        assertProblem(as("sipho").get("/api/tickets/PCS-000001/attachments"), 404);
    }
}
