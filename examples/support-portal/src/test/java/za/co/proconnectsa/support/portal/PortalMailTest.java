package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.portal.mail.JakartaMailGateway;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The portal with {@code spring.mail.*} pointing at a real SMTP server (GreenMail): the requester's notifications
 * and the satisfaction link arrive by e-mail, once each, as plain text; the link's page takes one answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal-mail;DB_CLOSE_DELAY=-1", "portal.demo-data=false",
        "portal.demo-password=mail-test-password", "portal.mail.retry-delay=1s",
        "portal.mail.survey-secret=a survey link secret of at least thirty-two characters",
        "portal.mail.survey-page=https://support.example.co.za/survey"})
class PortalMailTest {

    static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @LocalServerPort
    int port;

    @Autowired
    SupportDesk desk;

    @Autowired
    JakartaMailGateway gateway;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        MAIL.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtpServer() {
        MAIL.stop();
    }

    @Test
    void theRequesterGetsTheReceivedMailOnceAsPlainTextWithTheSubjectExactlyAsTyped() throws Exception {
        String typed = "Faktuur <b>R 1 500</b> \"charged\" twice {0} – ék";
        String number = submit(typed);
        MimeMessage received = awaitOne("We received your request: ticket " + number);

        assertThat(received.getAllRecipients()).extracting(Object::toString)
                .containsExactly("thandi.nkosi@example.co.za");
        assertThat(received.getFrom()[0].toString()).isEqualTo("ProConnect Support <support@proconnectsa.co.za>");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(body(received)).isEqualTo("Thank you, we received your request \"" + typed
                + "\". Your ticket number is " + number + "; quote it whenever you contact us about it.");
        NotificationDelivery delivery = deliveryOf(received);
        assertThat(delivery.state()).isEqualTo(JobState.DONE);
        assertThat(delivery.attempts()).isEqualTo(1);

        // the worker keeps polling: a delivered e-mail is never sent again
        Thread.sleep(1500);
        assertThat(withSubject("We received your request: ticket " + number)).hasSize(1);
    }

    @Test
    void aReplyAResolutionAndTheSurveyLinkArriveAndTheLinkTakesOneAnswer() throws Exception {
        String number = submit("Cannot upload my ID");
        Actor sipho = DemoUsers.find("sipho").orElseThrow().actor();
        desk.tickets().reply(sipho, number, Reply.publicReply("Please try again <now>; we fixed it."));
        desk.tickets().reply(sipho, number, Reply.internalNote("upload service timed out"));
        desk.tickets().changeStatus(sipho, number, TicketStatus.RESOLVED);

        assertThat(body(awaitOne("An agent replied on ticket " + number)))
                .isEqualTo("An agent replied on your ticket " + number + ":\n\nPlease try again <now>; we fixed it.");
        assertThat(body(awaitOne("Your ticket " + number + " is resolved"))).startsWith("Your ticket "
                + number + " is resolved.");
        String survey = body(awaitOne("How did we do? Ticket " + number));
        Matcher link = Pattern.compile("https://support\\.example\\.co\\.za/survey\\?t=(\\S+)").matcher(survey);
        assertThat(link.find()).as(survey).isTrue();
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(PortalMailTest::body))
                .noneMatch(b -> b.contains("upload service timed out"));

        // the link's page, on the portal's own address
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(portal("/survey?t=" + link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        String form = "t=" + URLEncoder.encode(java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8) + "&score=4&comment=" + URLEncoder.encode("Quick & kind", StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        HttpResponse<String> answered = post(http, form);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("id=\"survey-score\">4<");
        assertThat(desk.satisfaction().survey(sipho, number).orElseThrow().comment()).isEqualTo("Quick & kind");
        HttpResponse<String> again = post(http, form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("answered already").doesNotContain("Exception");
        // the link opened again shows the answer given, not a form that would be refused
        String reopened = http.send(HttpRequest.newBuilder(portal("/survey?t=" + link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(reopened).contains("id=\"survey-earlier\"").contains("id=\"survey-score\">4<")
                .doesNotContain("id=\"survey-form\"");
        assertThat(desk.satisfaction().survey(sipho, number).orElseThrow().score()).isEqualTo(4);
    }

    @Test
    void everyAttemptAtOneNotificationCarriesTheSameMessageId() throws Exception {
        String number = submit("Bank details changed");
        MimeMessage received = awaitOne("We received your request: ticket " + number);
        NotificationDelivery delivery = deliveryOf(received);
        // what a retry after a crash would send: the same e-mail with the same Message-ID, which mailboxes keep once
        gateway.send(new za.co.proconnectsa.support.notify.EmailMessage("thandi.nkosi@example.co.za",
                received.getSubject(), body(received), java.util.Locale.ENGLISH, delivery.notification().key()));
        List<MimeMessage> both = withSubject(received.getSubject());
        assertThat(both).hasSize(2);
        assertThat(both).extracting(m -> uncheckedId(m)).containsOnly(gateway.messageId(delivery.notification().key()));
    }

    private HttpResponse<String> post(HttpClient http, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(portal("/survey"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI portal(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String submit(String subject) {
        return desk.tickets().submit(DemoUsers.find("thandi").orElseThrow().actor(), NewTicket.builder()
                .subject(subject).body("Please help.").category(Category.TECHNICAL).build()).ticketNumber().text();
    }

    private NotificationDelivery deliveryOf(MimeMessage received) throws Exception {
        Actor lerato = DemoUsers.find("lerato").orElseThrow().actor();
        return desk.notifications().deliveries(lerato, 0, 1000).stream()
                .filter(d -> gateway.messageId(d.notification().key()).equals(uncheckedId(received)))
                .findFirst().orElseThrow();
    }

    private static MimeMessage awaitOne(String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !withSubject(subject).isEmpty());
        List<MimeMessage> found = withSubject(subject);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<MimeMessage> withSubject(String subject) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject.equals(uncheckedSubject(m))).toList();
    }

    private static String uncheckedSubject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uncheckedId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            // SMTP carries lines ending in CRLF
            return ((String) m.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
