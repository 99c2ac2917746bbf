package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.mail.JakartaMailGateway;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the portal answers over plain HTTP: security headers, CSRF, and bad input as friendly 4xx pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
class PortalHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SupportDesk desk;

    @Test
    void withoutAnSmtpHostNothingIsQueuedForEmailAndAForgedSurveyLinkIsRefusedInPlainWords() throws Exception {
        assertThat(context.getBeansOfType(JakartaMailGateway.class)).isEmpty();
        Actor lerato = DemoUsers.find("lerato").orElseThrow().actor();
        desk.tickets().submit(DemoUsers.find("pieter").orElseThrow().actor(), NewTicket.builder()
                .subject("No mail configured").body("Nothing should be queued.").category(Category.GENERAL).build());
        assertThat(desk.notifications().deliveries(lerato, 0, 1000)).isEmpty();

        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = get(client, "/survey?t=forged");
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("This survey link is not valid").doesNotContain("Exception")
                .doesNotContain("id=\"survey-form\"");
        HttpResponse<String> answer = post(client, "/survey", "t=forged&score=5&_csrf="
                + csrf(get(client, "/login").body()));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("This survey link is not valid").doesNotContain("Exception");
    }

    @Test
    void everyPageCarriesSecurityHeaders() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/support");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient client = signedIn("thandi");
        HttpResponse<String> without = post(client, "/tickets",
                "subject=Hello&body=World&category=BILLING&idempotencyKey=k-1");
        assertThat(without.statusCode()).isEqualTo(403);

        String token = csrf(get(client, "/tickets/new").body());
        HttpResponse<String> with = post(client, "/tickets",
                "subject=Hello&body=World&category=BILLING&idempotencyKey=k-1&_csrf=" + token);
        assertThat(with.statusCode()).isEqualTo(302);
        assertThat(with.headers().firstValue("Location")).get().asString().matches(".*/tickets/PCS-\\d{6}/submitted");
    }

    @Test
    void theSameFormSentTwiceFilesOneTicket() throws Exception {
        HttpClient client = signedIn("thandi");
        String token = csrf(get(client, "/tickets/new").body());
        String form = "subject=Twice&body=Sent+twice&category=TECHNICAL&idempotencyKey=same-key-2&_csrf=" + token;
        String first = post(client, "/tickets", form).headers().firstValue("Location").orElseThrow();
        String second = post(client, "/tickets", form).headers().firstValue("Location").orElseThrow();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void badInputGetsAFriendlyPageNeverAServerError() throws Exception {
        HttpClient agent = signedIn("sipho");
        assertFriendly(get(agent, "/admin?status=bogus"), 400, "is not one of the listed choices");
        assertFriendly(get(agent, "/admin?after=not-a-cursor"), 400, "The page link is not a valid page cursor");
        assertFriendly(get(agent, "/admin/changes?cursor=%3Cscript%3E"), 400, "not a valid change cursor");
        assertFriendly(get(agent, "/admin/changes"), 400, "missing something");
        assertFriendly(get(agent, "/admin/tickets/PCS-424242"), 404, "We could not find that page");
        assertFriendly(get(agent, "/admin/inbox/WA-999999"), 404, "We could not find that page");
        assertFriendly(get(agent, "/no-such-page"), 404, "We could not find that page");
        assertFriendly(get(agent, "/support/qr.png?ref=" + URLEncoder.encode("<b>", StandardCharsets.UTF_8)),
                400, "Something in that request was not right");
        assertFriendly(get(signedIn("thandi"), "/admin"), 403, "This page is not for your account");
    }

    private static void assertFriendly(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.body()).contains(text).doesNotContain("Exception").doesNotContain("at za.co.")
                .doesNotContain("<script>");
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(get(client, "/login").body());
        HttpResponse<String> login = post(client, "/login", "username=" + username + "&password="
                + PortalBrowserTest.PASSWORD + "&_csrf=" + token);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/home");
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());   // as a browser asks
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
