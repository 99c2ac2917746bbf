package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.NotificationService;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * Notifications to requesters on a store with a job queue: each is written in the unit of work of its cause, keyed by
 * it, so a rolled-back cause writes none, a replayed cause writes no second one, and a crash between the cause's
 * commit and the send loses none; the worker sends each through its channel's sender and the delivery log says what
 * became of it.
 *
 * <pre>{@code
 * class MyNotificationTest extends NotificationContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();   // must implement WorkQueue and SatisfactionStore
 *     }
 * }
 * }</pre>
 */
public abstract class NotificationContract {

    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");
    private static final Actor PIETER = Actor.requester("provider-18", "Pieter");
    private static final Actor NOMSA = Actor.requester("provider-19", "Nomsa");
    private static final Map<String, RequesterContact> CONTACTS = Map.of(
            THANDI.id(), new RequesterContact(THANDI.id(), "thandi@example.co.za", "+27821234567", null, null),
            PIETER.id(), new RequesterContact(PIETER.id(), "pieter@example.co.za", null, NotificationChannel.EMAIL,
                    Locale.forLanguageTag("af")),
            NOMSA.id(), new RequesterContact(NOMSA.id(), null, null, null, null));

    /** The desk's time. */
    protected final SettableClock clock = SettableClock.startingAt("2026-05-04T08:00:00Z");
    private TicketStore store;
    private SupportDesk desk;
    private final RecordingSender email = new RecordingSender(NotificationChannel.EMAIL);
    private final RecordingSender whatsApp = new RecordingSender(NotificationChannel.WHATSAPP);
    private final RecordingSender webhook = new RecordingSender(NotificationChannel.WEBHOOK);

    /** @return a new, empty store implementing {@link WorkQueue} and {@link za.co.proconnectsa.support.spi.SatisfactionStore} */
    protected abstract TicketStore createStore();

    /** Builds the desk on a new store. */
    @BeforeEach
    protected final void createDesk() {
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        desk = SupportDesk.builder().store(store).clock(clock)
                .notifyRequesters(id -> Optional.ofNullable(CONTACTS.get(id)), NotificationChannel.EMAIL,
                        NotificationChannel.WHATSAPP, NotificationChannel.WEBHOOK)
                .satisfactionSurveys(SurveySettings.of(URI.create("https://portal.example/csat"),
                        "a survey link key of at least 32 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    private JobWorker worker(int maxAttempts) {
        return desk.notifications().worker(List.of(email, whatsApp, webhook)).clock(clock).owner("notify-test")
                .retryDelay(Duration.ofSeconds(5)).maxAttempts(maxAttempts).build();
    }

    private String submit(Actor who, String subject, OriginChannel origin) {
        return desk.tickets().submit(who, NewTicket.builder().subject(subject).body("Details of " + subject)
                .origin(origin).build()).ticketNumber().text();
    }

    private List<NotificationDelivery> log() {
        return desk.notifications().deliveries(AGENT, 0, 1000);
    }

    private List<Notification> everything() {
        List<Notification> all = new java.util.ArrayList<>(email.sent);
        all.addAll(whatsApp.sent);
        all.addAll(webhook.sent);
        return all;
    }

    @Test
    @DisplayName("submitting writes one 'ticket received' with the number, sent once on the channel the ticket came from")
    void received() {
        String number = submit(THANDI, "Invoice charged twice", OriginChannel.WEB);
        assertThat(log()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(JobState.PENDING);
            assertThat(d.notification().type()).isEqualTo(NotificationType.TICKET_RECEIVED);
            assertThat(d.notification().ticketNumber()).isEqualTo(number);
        });
        assertThat(worker(5).runOnce()).isEqualTo(1);
        assertThat(email.sent).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(NotificationChannel.EMAIL);
            assertThat(n.subject()).contains(number);
            assertThat(n.text()).contains(number).contains("Invoice charged twice");
        });
        assertThat(worker(5).runOnce()).isZero();
        assertThat(everything()).hasSize(1);
        assertThat(log()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(JobState.DONE);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.finishedAt()).isNotNull();
        });
    }

    @Test
    @DisplayName("a ticket from WhatsApp is answered on WhatsApp; a preferred channel wins, in the requester's language")
    void channelAndLanguage() {
        submit(THANDI, "Where is my payout", OriginChannel.WHATSAPP);
        submit(PIETER, "My account is locked", OriginChannel.WHATSAPP);
        worker(5).runOnce();
        assertThat(whatsApp.sent).singleElement().satisfies(n -> assertThat(n.requesterId()).isEqualTo(THANDI.id()));
        assertThat(email.sent).singleElement().satisfies(n -> {
            assertThat(n.requesterId()).isEqualTo(PIETER.id());
            assertThat(n.locale()).isEqualTo(Locale.forLanguageTag("af"));
            assertThat(n.text()).startsWith("Dankie");
        });
    }

    @Test
    @DisplayName("a requester the host cannot e-mail or WhatsApp is told through the webhook")
    void fallback() {
        submit(NOMSA, "Question about fees", OriginChannel.WEB);
        worker(5).runOnce();
        assertThat(webhook.sent).singleElement().satisfies(n -> assertThat(n.requesterId()).isEqualTo(NOMSA.id()));
    }

    @Test
    @DisplayName("public replies of support notify the requester with the reply; internal notes and their own replies do not")
    void replies() {
        String number = submit(THANDI, "Invoice charged twice", OriginChannel.WEB);
        desk.tickets().reply(AGENT, number, Reply.internalNote("Check the card processor first"));
        desk.tickets().reply(THANDI, number, Reply.publicReply("Any news?"));
        desk.tickets().reply(AGENT, number, Reply.publicReply("We refunded the second charge."));
        worker(5).runOnce();
        assertThat(email.sent).extracting(Notification::type)
                .containsExactly(NotificationType.TICKET_RECEIVED, NotificationType.AGENT_REPLIED);
        assertThat(email.sent.get(1).text()).contains("We refunded the second charge.")
                .doesNotContain("card processor").doesNotContain("Any news");
    }

    @Test
    @DisplayName("resolving by support tells the requester and asks once how we did, with a signed link")
    void resolved() {
        String number = submit(THANDI, "Invoice charged twice", OriginChannel.WEB);
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        worker(5).runOnce();
        assertThat(email.sent).extracting(Notification::type).containsExactly(NotificationType.TICKET_RECEIVED,
                NotificationType.TICKET_RESOLVED, NotificationType.SATISFACTION_SURVEY);
        Notification survey = email.sent.get(2);
        assertThat(survey.link().toString()).startsWith("https://portal.example/csat?t=" + number + ".");
        assertThat(survey.text()).contains(survey.link().toString());
    }

    @Test
    @DisplayName("a cause that rolls back writes no notification; a replayed submission writes no second one")
    void rollbackAndReplay() {
        assertThatThrownBy(() -> store.useTransaction(() -> {
            submit(THANDI, "Lost in a crash", OriginChannel.WEB);
            throw new IllegalStateException("the host's transaction failed after the submission");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(log()).isEmpty();

        NewTicket keyed = NewTicket.builder().subject("Invoice charged twice").body("Twice!").idempotencyKey("form-1")
                .build();
        desk.tickets().submit(THANDI, keyed);
        desk.tickets().submit(THANDI, keyed);
        assertThat(log()).hasSize(1);
    }

    @Test
    @DisplayName("a crash after the cause committed and while sending loses nothing: the next worker sends it once")
    void crashBetweenCommitAndSend() {
        String number = submit(THANDI, "Invoice charged twice", OriginChannel.WEB);
        // a worker claimed it and died before sending: its lease runs out and nobody else holds it
        assertThat(((WorkQueue) store).claimJobs(NotificationService.KIND, "crashed-worker", 10,
                Duration.ofSeconds(30), clock.instant())).hasSize(1);
        JobWorker next = worker(5);
        assertThat(next.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(next.runOnce()).isEqualTo(1);
        assertThat(next.runOnce()).isZero();
        assertThat(email.sent).singleElement().satisfies(n -> assertThat(n.ticketNumber()).isEqualTo(number));
        assertThat(log()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(JobState.DONE);
            assertThat(d.attempts()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("a failing receiver is retried with a pause and delivered; one failing for good ends dead in the log")
    void retriesAndDead() {
        submit(THANDI, "Invoice charged twice", OriginChannel.WEB);
        email.failuresLeft.set(2);
        JobWorker worker = worker(5);
        assertThat(worker.runOnce()).isZero();
        assertThat(worker.runOnce()).as("not before its pause").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(worker.runOnce()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(email.sent).hasSize(1);
        assertThat(log()).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(3));

        submit(PIETER, "Locked out", OriginChannel.WEB);
        email.failuresLeft.set(100);
        JobWorker impatient = worker(2);
        impatient.runOnce();
        clock.advance(Duration.ofMinutes(1));
        impatient.runOnce();
        NotificationDelivery dead = log().get(1);
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.lastError()).contains("receiver answered 500");
        assertThat(desk.notifications().delivery(AGENT, dead.notification().key())).contains(dead);
        assertThat(desk.notifications().retry(AGENT, dead.id())).isTrue();
        email.failuresLeft.set(0);
        assertThat(worker(2).runOnce()).isEqualTo(1);
        assertThat(email.sent).hasSize(2);
    }

    @Test
    @DisplayName("the delivery log is for support staff")
    void logAccess() {
        assertThatThrownBy(() -> desk.notifications().deliveries(THANDI, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.notifications().retry(THANDI, 1)).isInstanceOf(AccessDeniedException.class);
    }
}
