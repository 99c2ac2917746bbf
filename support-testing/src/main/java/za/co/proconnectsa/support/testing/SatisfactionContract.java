package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.satisfaction.SurveyUnavailableException;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * Satisfaction surveys on a store that keeps them ({@link SatisfactionStore}): one survey per ticket, a loop guard per
 * requester, one answer per survey, recorded on the survey and the ticket's audit trail with the comment read back
 * exactly, through the signed link or signed in.
 *
 * <pre>{@code
 * class MySatisfactionTest extends SatisfactionContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();   // must implement SatisfactionStore and WorkQueue
 *     }
 * }
 * }</pre>
 */
public abstract class SatisfactionContract {

    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");
    private static final Actor PIETER = Actor.requester("provider-18", "Pieter");

    /** The desk's time. */
    protected final SettableClock clock = SettableClock.startingAt("2026-05-04T08:00:00Z");
    private TicketStore store;
    private SatisfactionStore surveys;
    private SupportDesk desk;
    private final RecordingSender email = new RecordingSender(NotificationChannel.EMAIL);

    /** @return a new, empty store implementing {@link SatisfactionStore} and the job queue */
    protected abstract TicketStore createStore();

    /** Builds the desk on a new store. */
    @BeforeEach
    protected final void createDesk() {
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(SatisfactionStore.class);
        surveys = (SatisfactionStore) store;
        desk = SupportDesk.builder().store(store).clock(clock)
                .notifyRequesters(id -> Optional.of(new RequesterContact(id, id + "@example.co.za", null, null, null)),
                        NotificationChannel.EMAIL)
                .satisfactionSurveys(SurveySettings.of(URI.create("https://portal.example/csat?from=mail"),
                        "a survey link key of at least 32 bytes".getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private Ticket resolved(Actor requester, String subject) {
        String number = desk.tickets().submit(requester, NewTicket.builder().subject(subject).body("Details").build())
                .ticketNumber().text();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        return store.findByNumber(number).orElseThrow();
    }

    private String token(Ticket ticket) {
        desk.notifications().worker(List.of(email)).clock(clock).build().runOnce();
        URI link = email.sent.stream().filter(n -> n.type() == NotificationType.SATISFACTION_SURVEY
                && n.ticketNumber().equals(ticket.number().text())).findFirst().orElseThrow().link();
        String query = link.getRawQuery();
        return java.net.URLDecoder.decode(query.substring(query.indexOf("t=") + 2), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the store keeps one survey per ticket, the time each requester was last asked, and one answer")
    void storage() {
        Ticket t = resolved(THANDI, "Invoice charged twice");
        SatisfactionSurvey asked = surveys.findSurvey(t.id()).orElseThrow();
        assertThat(asked.answered()).isFalse();
        assertThat(asked.askedAt()).isEqualTo(clock.instant());
        assertThat(surveys.openSurvey(SatisfactionSurvey.asked(t.id(), t.number().text(), THANDI.id(),
                clock.instant().plusSeconds(60)))).isFalse();
        assertThat(surveys.lastSurveyAsked(THANDI.id())).contains(clock.instant());
        assertThat(surveys.lastSurveyAsked(PIETER.id())).isEmpty();
        Instant at = clock.advance(Duration.ofMinutes(5));
        assertThat(surveys.recordAnswer(t.id(), 4, "Quick", at)).isTrue();
        assertThat(surveys.recordAnswer(t.id(), 1, "Changed my mind", at)).isFalse();
        assertThat(surveys.findSurvey(t.id())).get().satisfies(s -> {
            assertThat(s.score()).isEqualTo(4);
            assertThat(s.comment()).isEqualTo("Quick");
            assertThat(s.answeredAt()).isEqualTo(at);
        });
    }

    @Test
    @DisplayName("a survey opened in a unit that rolls back is not kept")
    void rollback() {
        Ticket t = desk.tickets().submit(THANDI, NewTicket.builder().subject("Refund").body("Please").build())
                .ticketNumber().text().transform(n -> store.findByNumber(n).orElseThrow());
        assertThatThrownBy(() -> store.useTransaction(() -> {
            surveys.openSurvey(SatisfactionSurvey.asked(t.id(), t.number().text(), THANDI.id(), clock.instant()));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(surveys.findSurvey(t.id())).isEmpty();
        assertThat(surveys.lastSurveyAsked(THANDI.id())).isEmpty();
    }

    @Test
    @DisplayName("comments are read back exactly, whatever their characters")
    void hostileComments() {
        for (String text : HostileText.KEPT_TEXT) {
            clock.advance(Duration.ofDays(8));
            Ticket t = resolved(THANDI, "Question " + clock.instant());
            desk.satisfaction().answer(THANDI, t.number().text(), 3, text);
            assertThat(desk.satisfaction().survey(AGENT, t.number().text())).get()
                    .satisfies(s -> assertThat(s.comment()).isEqualTo(text));
        }
    }

    @Test
    @DisplayName("a requester is asked at most once per 7 days; a reopened and resolved again ticket is not asked twice")
    void loopGuard() {
        Ticket first = resolved(THANDI, "Invoice charged twice");
        clock.advance(Duration.ofDays(2));
        Ticket second = resolved(THANDI, "Payout missing");
        assertThat(surveys.findSurvey(first.id())).isPresent();
        assertThat(surveys.findSurvey(second.id())).as("asked two days ago").isEmpty();

        desk.tickets().reply(THANDI, first.number().text(), Reply.publicReply("Still charged twice"));
        clock.advance(Duration.ofDays(8));
        desk.tickets().changeStatus(AGENT, first.number().text(), TicketStatus.RESOLVED);
        assertThat(surveys.findSurvey(first.id())).get().satisfies(s -> assertThat(s.askedAt())
                .isBefore(clock.instant()));
        assertThat(surveys.lastSurveyAsked(THANDI.id())).contains(surveys.findSurvey(first.id()).orElseThrow().askedAt());
    }

    @Test
    @DisplayName("the signed link records the answer once, on the survey and the ticket's audit trail")
    void answerWithLink() {
        Ticket t = resolved(THANDI, "Invoice charged twice");
        String token = token(t);
        SatisfactionSurvey answered = desk.satisfaction().answerWithLink(token, 5, "Sorted in an hour, dankie!");
        assertThat(answered.score()).isEqualTo(5);
        assertThat(answered.comment()).isEqualTo("Sorted in an hour, dankie!");
        assertThat(store.auditTrail(t.id())).filteredOn(e -> e.action() == AuditAction.SATISFACTION_RATED)
                .singleElement().satisfies(e -> {
                    assertThat(e.after()).isEqualTo("5");
                    assertThat(e.actor().id()).isEqualTo(THANDI.id());
                });
        assertThatThrownBy(() -> desk.satisfaction().answerWithLink(token, 1, null))
                .isInstanceOfSatisfying(SurveyUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(SurveyUnavailableException.Reason.ALREADY_ANSWERED));
        assertThat(store.auditTrail(t.id())).filteredOn(e -> e.action() == AuditAction.SATISFACTION_RATED).hasSize(1);
    }

    @Test
    @DisplayName("a link's survey reads open before the answer and answered after it; a changed link is refused")
    void surveyForLink() {
        Ticket t = resolved(THANDI, "Invoice charged twice");
        String token = token(t);
        SatisfactionSurvey open = desk.satisfaction().surveyForLink(token);
        assertThat(open.ticketNumber()).isEqualTo(t.number().text());
        assertThat(open.score()).isNull();
        assertThat(open.answeredAt()).isNull();
        desk.satisfaction().answerWithLink(token, 4, "Quick, thanks");
        SatisfactionSurvey answered = desk.satisfaction().surveyForLink(token);
        assertThat(answered.score()).isEqualTo(4);
        assertThat(answered.comment()).isEqualTo("Quick, thanks");
        assertThat(store.auditTrail(t.id())).filteredOn(e -> e.action() == AuditAction.SATISFACTION_RATED).hasSize(1);
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        for (String bad : java.util.Arrays.asList(forged, null, "", "PCS-999999" + token.substring(token.lastIndexOf('.')))) {
            assertThatThrownBy(() -> desk.satisfaction().surveyForLink(bad))
                    .isInstanceOfSatisfying(SurveyUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(SurveyUnavailableException.Reason.INVALID_LINK));
        }
    }

    @Test
    @DisplayName("a changed or foreign link, a score outside 1-5 and someone else's ticket are refused")
    void refusals() {
        Ticket t = resolved(THANDI, "Invoice charged twice");
        String token = token(t);
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        assertThatThrownBy(() -> desk.satisfaction().answerWithLink(forged, 5, null))
                .isInstanceOfSatisfying(SurveyUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(SurveyUnavailableException.Reason.INVALID_LINK));
        String other = "PCS-999999" + token.substring(token.lastIndexOf('.'));
        assertThatThrownBy(() -> desk.satisfaction().answerWithLink(other, 5, null))
                .isInstanceOf(SurveyUnavailableException.class);
        assertThatThrownBy(() -> desk.satisfaction().answerWithLink(null, 5, null))
                .isInstanceOf(SurveyUnavailableException.class);
        assertThatThrownBy(() -> desk.satisfaction().answer(THANDI, t.number().text(), 6, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> desk.satisfaction().answer(PIETER, t.number().text(), 5, null))
                .isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> desk.satisfaction().survey(PIETER, t.number().text()))
                .isInstanceOf(TicketNotFoundException.class);
        Ticket unasked = desk.tickets().submit(PIETER, NewTicket.builder().subject("Open one").body("Hi").build())
                .ticketNumber().text().transform(n -> store.findByNumber(n).orElseThrow());
        assertThatThrownBy(() -> desk.satisfaction().answer(PIETER, unasked.number().text(), 4, null))
                .isInstanceOfSatisfying(SurveyUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(SurveyUnavailableException.Reason.NOT_ASKED));
        assertThat(surveys.findSurvey(t.id())).get().satisfies(s -> assertThat(s.answered()).isFalse());
    }
}
