package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import za.co.proconnectsa.support.testing.HostileText;

/**
 * Hostile text through the portal's JSON API and its forms: each string is stored and read back exactly, or refused
 * with a problem (API) or a form error (pages); shown escaped in every page that shows it; never a server error or a
 * stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalHostileInputTest.PROPERTIES)
class PortalHostileInputTest {

    static final String PROPERTIES = "spring.datasource.url=jdbc:h2:mem:portal-hostile;DB_CLOSE_DELAY=-1\n"
            + "portal.demo-password=" + PortalBrowserTest.PASSWORD + "\nportal.demo-data=true";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes every non-ASCII character as a JSON escape, so lone surrogates reach the server as sent. */
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern SUBMITTED = Pattern.compile("/tickets/(PCS-\\d{6})/submitted$");

    /** Markup, script, SQL and template syntax that must come back as text, never run. */
    static final List<String> MARKUP = List.of(
            "<script>alert('xss')</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(2)>",
            "</textarea><script>alert(3)</script>",
            "javascript:alert(4)",
            "'; DROP TABLE support_tickets; --",
            "1' OR '1'='1",
            "Robert'); DELETE FROM support_messages WHERE ('1'='1",
            "${7*7} #{7*7} [[${7*7}]] [(${7*7})] __${7*7}__ {{7*7}}",
            "%00 %0d%0a Set-Cookie: injected=1",
            "&lt;already escaped&gt; &amp;amp;");

    @LocalServerPort
    int port;

    @Test
    void theApiKeepsEveryKeptTextExactlyAndRefusesTheRestWithAProblem() throws Exception {
        PortalSession thandi = PortalSession.basic(port, "thandi", PortalBrowserTest.PASSWORD);
        PortalSession sipho = PortalSession.basic(port, "sipho", PortalBrowserTest.PASSWORD);
        List<String> kept = new ArrayList<>(HostileText.KEPT_TEXT);
        kept.addAll(MARKUP);
        int n = 0;
        for (String text : kept) {
            n++;
            HttpResponse<String> created = thandi.postJson("/api/tickets", ticketJson("Question " + n + " " + text, text));
            assertNoServerError(created);
            if (created.statusCode() == 400) {
                // a subject is one line: line breaks there are refused, in the body they are kept
                assertProblem(created, "subject");
                created = thandi.postJson("/api/tickets", ticketJson("Question " + n, text));
            }
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String number = JSON.readTree(created.body()).get("number").asText();
            for (PortalSession reader : List.of(thandi, sipho)) {
                JsonNode read = JSON.readTree(reader.get("/api/tickets/" + number).body());
                assertThat(read.get("ticket").get("body").asText()).isEqualTo(text);
            }
            HttpResponse<String> reply = sipho.postJson("/api/tickets/" + number + "/replies",
                    ASCII_JSON.writeValueAsString(Map.of("body", text)));
            assertThat(reply.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(thandi.get("/api/tickets/" + number).body()).get("messages"))
                    .anySatisfy(m -> assertThat(m.get("body").asText()).isEqualTo(text));
        }
        for (String text : HostileText.REFUSED_TEXT) {
            HttpResponse<String> refused = thandi.postJson("/api/tickets", ticketJson("Refused", text));
            assertThat(refused.statusCode()).as(escapeForMessage(text)).isEqualTo(400);
            assertProblem(refused, "body");
        }
    }

    @Test
    void theApiRefusesInvalidUtf8AndHugeBodiesWithAProblem() throws Exception {
        PortalSession thandi = PortalSession.basic(port, "thandi", PortalBrowserTest.PASSWORD);
        for (byte[] invalid : List.of(
                bytes("{\"subject\":\"Bad bytes\",\"body\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}"),
                bytes("{\"subject\":\"Bad bytes\",\"body\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"),
                bytes("{\"subject\":\"Bad bytes\",\"body\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}"),
                bytes("{\"subject\":\"Overlong\",\"body\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"),
                bytes("{\"subject\":\"NUL\",\"body\":\"a", new byte[] {0}, "b\"}"))) {
            HttpResponse<String> refused = thandi.send("POST", "/api/tickets", invalid,
                    "Content-Type", "application/json", "Accept", "application/json");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertNoStackTrace(refused);
        }
        String huge = "x".repeat(10 * 1024 * 1024);
        HttpResponse<String> tooBig = thandi.postJson("/api/tickets", ticketJson("Huge", huge));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertNoStackTrace(tooBig);
        assertThat(tooBig.body().length()).as("the answer does not echo the body").isLessThan(5000);
    }

    @Test
    void theTicketFormKeepsOrRefusesEachTextAndEveryPageShowsItEscaped() throws Exception {
        PortalSession thandi = PortalSession.signedIn(port, "thandi");
        PortalSession sipho = PortalSession.signedIn(port, "sipho");
        List<String> texts = new ArrayList<>(MARKUP);
        texts.addAll(HostileText.KEPT_TEXT);
        int n = 0;
        for (String text : texts) {
            n++;
            HttpResponse<String> sent = submit(thandi, "Form " + n + " " + text, text);
            String location = sent.headers().firstValue("Location").orElse("");
            if (sent.statusCode() == 200) {
                // refused: the form again, with the problem next to the field, the text escaped in it
                assertThat(sent.body()).contains("field-error").doesNotContain(raw(text));
                sent = submit(thandi, "Form " + n, text);
                location = sent.headers().firstValue("Location").orElse("");
            }
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            Matcher number = SUBMITTED.matcher(location);
            assertThat(number.find()).as(location).isTrue();
            String ticket = number.group(1);
            HttpResponse<String> agentReply = sipho.postForm("/admin/tickets/" + ticket + "/reply",
                    Map.of("body", text, "visibility", "PUBLIC"), sipho.csrfOf("/admin/tickets/" + ticket));
            assertThat(agentReply.statusCode()).isEqualTo(302);
            for (HttpResponse<String> page : List.of(thandi.get("/tickets/" + ticket), thandi.get("/tickets"),
                    sipho.get("/admin/tickets/" + ticket), sipho.get("/admin?q=" + URLEncoder.encode(
                            ticket, StandardCharsets.UTF_8)))) {
                assertThat(page.statusCode()).isEqualTo(200);
                assertNoStackTrace(page);
                assertThat(page.body()).as("shown inert").doesNotContain(raw(text));
            }
            String detail = thandi.get("/tickets/" + ticket).body();
            assertThat(HtmlUtils.htmlUnescape(detail)).contains(text.strip().lines().findFirst().orElse(""));
        }
        // a form is encoded as UTF-8, which has no lone surrogates (browsers send U+FFFD instead): the API test sends them
        for (String text : HostileText.REFUSED_TEXT.stream().filter(t -> t.chars().noneMatch(c -> Character.isSurrogate(
                (char) c))).toList()) {
            HttpResponse<String> refused = submit(thandi, "Refused", text);
            assertThat(refused.statusCode()).as(escapeForMessage(text)).isIn(200, 400);
            assertThat(refused.body()).contains("field-error");
            assertNoStackTrace(refused);
        }
    }

    @Test
    void aFormWithInvalidUtf8OrTenMegabytesGetsAClearAnswerNeverAServerError() throws Exception {
        PortalSession thandi = PortalSession.signedIn(port, "thandi");
        String csrf = thandi.csrfOf("/tickets/new");
        byte[] invalid = bytes("subject=Bad+bytes&category=BILLING&idempotencyKey=bad-utf8-1&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&body=", new byte[] {(byte) 0xC3, 0x28, '%', 'F',
                'F', '%', 'C', '0', '%', 'A', 'F'}, "");
        HttpResponse<String> answer = thandi.send("POST", "/tickets", invalid,
                "Content-Type", "application/x-www-form-urlencoded");
        assertNoServerError(answer);
        assertNoStackTrace(answer);
        assertThat(answer.statusCode()).isIn(200, 302, 400);

        String huge = "subject=Huge&category=BILLING&idempotencyKey=huge-1&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&body=" + "x".repeat(10 * 1024 * 1024);
        HttpResponse<String> tooBig = thandi.send("POST", "/tickets", huge.getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("Too much text");
        assertNoStackTrace(tooBig);
    }

    @Test
    void hostileQueryParametersAndPathNumbersAreEchoedEscapedOrRefusedNeverAServerError() throws Exception {
        PortalSession sipho = PortalSession.signedIn(port, "sipho");
        PortalSession thandi = PortalSession.signedIn(port, "thandi");
        List<String> texts = new ArrayList<>(MARKUP);
        texts.addAll(HostileText.REFUSED_TEXT.stream().filter(t -> t.chars().noneMatch(c -> Character.isSurrogate(
                (char) c))).toList());
        for (String text : texts) {
            String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
            for (HttpResponse<String> page : List.of(sipho.get("/admin?q=" + q), sipho.get("/admin/inbox?q=" + q),
                    sipho.get("/admin?status=" + q), sipho.get("/admin?after=" + q),
                    sipho.get("/admin/data-subjects?ledger=" + q), sipho.get("/admin/analytics?days=" + q),
                    thandi.get("/tickets/routing-hint?subject=" + q + "&body=" + q + "&category=" + q),
                    thandi.get("/tickets?after=" + q), thandi.get("/tickets/" + q.replace("+", "%20")),
                    thandi.get("/api/tickets/" + q.replace("+", "%20")), thandi.get("/api/tickets/mine?status=" + q))) {
                assertNoServerError(page);
                assertNoStackTrace(page);
                if (page.headers().firstValue("Content-Type").orElse("").contains("html")) {
                    assertThat(page.body()).as(page.uri().toString()).doesNotContain(raw(text));
                } else {
                    // data, never rendered as a page: JSON (or nothing) with nosniff, so no browser sniffs HTML in it
                    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                    assertThat(page.headers().firstValue("Content-Type").orElse("json")).contains("json");
                }
            }
        }
    }

    private static HttpResponse<String> submit(PortalSession session, String subject, String body) throws Exception {
        return session.postForm("/tickets", Map.of("subject", subject, "body", body, "category", "TECHNICAL",
                "idempotencyKey", java.util.UUID.randomUUID().toString()), session.csrfOf("/tickets/new"));
    }

    /** The text as it would appear if a page wrote it unescaped; only checked when it holds markup. */
    private static String raw(String text) {
        return text.contains("<") || text.contains("\"") ? text : "\u0000never\u0000";
    }

    private static String ticketJson(String subject, String body) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        node.put("subject", subject);
        node.put("body", body);
        node.put("category", "TECHNICAL");
        return ASCII_JSON.writeValueAsString(node);
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.toString()).contains(field);
        assertNoStackTrace(response);
    }

    private static void assertNoServerError(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isLessThan(500);
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at za.co.")
                .doesNotContain("at org.springframework").doesNotContain("at java.");
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String escapeForMessage(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
