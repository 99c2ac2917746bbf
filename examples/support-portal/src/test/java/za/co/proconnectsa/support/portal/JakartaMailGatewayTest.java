package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.notify.EmailNotifications;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.portal.mail.JakartaMailGateway;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;

/**
 * The e-mail gateway against a real SMTP server (GreenMail) that is down, then up: failures are retried after a
 * doubling pause, an e-mail is kept as dead after the last attempt, and a retried one arrives once.
 */
class JakartaMailGatewayTest {

    static final Actor AGENT = Actor.agent("sipho", "Sipho");
    static final Actor THANDI = Actor.requester("thandi", "Thandi");
    static final Duration RETRY = Duration.ofMinutes(1);

    final SettableClock clock = SettableClock.startingAt("2026-03-02T08:00:00Z");
    int port;
    GreenMail mail;
    SupportDesk desk;
    JakartaMailGateway gateway;
    JobWorker worker;

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();   // nothing listens here until a test starts GreenMail on it
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "2000");
        timeouts.setProperty("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(timeouts);
        gateway = new JakartaMailGateway(sender, "ProConnect Support <support@proconnectsa.co.za>");
        desk = SupportDesk.builder().store(InMemoryTicketStore.create()).clock(clock)
                .notifyRequesters(id -> Optional.of(new RequesterContact(id, id + "@example.co.za", null, null, null)),
                        NotificationChannel.EMAIL)
                .build();
        worker = desk.notifications().worker(List.of(EmailNotifications.using(gateway)))
                .maxAttempts(3).retryDelay(RETRY).clock(clock).build();
    }

    @AfterEach
    void tearDown() {
        if (mail != null) {
            mail.stop();
        }
        worker.close();
    }

    @Test
    void anSmtpServerThatStaysDownIsTriedWithADoublingPauseAndTheEmailEndsDeadAfterTheLastAttempt() {
        submit("Payout missing");
        assertThat(worker.runOnce()).isZero();
        assertThat(delivery().attempts()).isEqualTo(1);
        assertThat(delivery().state()).isEqualTo(JobState.PENDING);
        assertThat(delivery().lastError()).isNotBlank();

        clock.advance(RETRY.minusSeconds(1));
        worker.runOnce();
        assertThat(delivery().attempts()).as("not tried again before the pause").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertThat(delivery().attempts()).isEqualTo(2);

        clock.advance(RETRY.multipliedBy(2).minusSeconds(1));
        worker.runOnce();
        assertThat(delivery().attempts()).as("the pause doubled").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();

        NotificationDelivery dead = delivery();
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("gave up after 3 attempts");
        assertThat(dead.lastError()).doesNotContain("example.co.za");

        clock.advance(Duration.ofDays(1));
        worker.runOnce();
        assertThat(delivery().attempts()).as("a dead e-mail stays dead").isEqualTo(3);
    }

    @Test
    void anEmailThatFailedOnceArrivesOnceWhenTheServerIsBack() throws Exception {
        String number = submit("Invoice charged twice");
        worker.runOnce();
        assertThat(delivery().state()).isEqualTo(JobState.PENDING);

        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        clock.advance(RETRY);
        assertThat(worker.runOnce()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(worker.runOnce()).isZero();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("We received your request: ticket " + number);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("thandi@example.co.za");
        NotificationDelivery done = delivery();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(received[0].getMessageID()).isEqualTo(gateway.messageId(done.notification().key()));
    }

    private String submit(String subject) {
        return desk.tickets().submit(THANDI, NewTicket.builder().subject(subject).body("Please help.")
                .category(Category.BILLING).build()).ticketNumber().text();
    }

    private NotificationDelivery delivery() {
        List<NotificationDelivery> log = desk.notifications().deliveries(AGENT, 0, 10);
        assertThat(log).hasSize(1);
        return log.get(0);
    }
}
