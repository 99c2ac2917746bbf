package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.Satisfaction;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.spi.ConversationSurveyStore;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.spi.Redaction;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;

/**
 * Satisfaction surveys of WhatsApp conversations closed without a ticket, on a store that keeps them
 * ({@link ConversationSurveyStore}): one survey per conversation even when two units open one at once, the time each
 * contact was last asked (the loop guard), one answer per survey with the comment read back exactly, nothing kept
 * by a unit that fails, and the answers counted in the analytics as WhatsApp's.
 *
 * <pre>{@code
 * class MyConversationSurveyTest extends ConversationSurveyContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();   // must implement ConversationSurveyStore
 *     }
 * }
 * }</pre>
 */
public abstract class ConversationSurveyContract {

    private static final Actor ADMIN = Actor.admin("admin-1", "Lerato");
    private static final String THANDI = "27679518124";
    private static final String PIETER = "27821234567";

    /** The desk's time. */
    protected final SettableClock clock = SettableClock.startingAt("2026-05-04T08:00:00Z");
    private TicketStore store;
    private ConversationSurveyStore surveys;

    /** @return a new, empty store implementing {@link ConversationSurveyStore} */
    protected abstract TicketStore createStore();

    /** Opens a new store. */
    @BeforeEach
    protected final void createSurveyStore() {
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(ConversationSurveyStore.class);
        surveys = (ConversationSurveyStore) store;
    }

    private ConversationSurvey asked(String contact, String number) {
        return ConversationSurvey.asked(UUID.randomUUID(), number, contact, clock.instant());
    }

    @Test
    @DisplayName("one survey per conversation, found by its id and by the conversation, and the contact's last survey")
    void storage() {
        ConversationSurvey survey = asked(THANDI, "WA-000001");
        assertThat(surveys.openConversationSurvey(survey)).isTrue();
        assertThat(surveys.findConversationSurvey(survey.id())).contains(survey);
        assertThat(surveys.findConversationSurveyOf(survey.conversationId())).contains(survey);
        ConversationSurvey second = new ConversationSurvey(UUID.randomUUID(), survey.conversationId(), "WA-000001",
                THANDI, clock.instant().plusSeconds(60), null, null, null);
        assertThat(surveys.openConversationSurvey(second)).as("a second survey of the conversation").isFalse();
        assertThat(surveys.findConversationSurvey(second.id())).isEmpty();
        assertThat(surveys.findConversationSurvey(UUID.randomUUID())).isEmpty();

        Instant later = clock.advance(Duration.ofDays(2));
        assertThat(surveys.openConversationSurvey(asked(THANDI, "WA-000002"))).isTrue();
        assertThat(surveys.lastConversationSurveyAsked(THANDI)).contains(later);
        assertThat(surveys.lastConversationSurveyAsked(PIETER)).isEmpty();
    }

    @Test
    @DisplayName("an answer is recorded once, its comment read back exactly")
    void answerOnce() {
        ConversationSurvey survey = asked(THANDI, "WA-000003");
        surveys.openConversationSurvey(survey);
        String comment = "Baie dankie! 👍🏽 \"quick\" <b>&amp;</b> 'ñ' \u202Eright-to-left\u202C\n  second line  ";
        Instant at = clock.advance(Duration.ofMinutes(3));
        assertThat(surveys.recordConversationAnswer(survey.id(), 4, comment, at)).isTrue();
        assertThat(surveys.recordConversationAnswer(survey.id(), 1, "Changed my mind", at.plusSeconds(1))).isFalse();
        ConversationSurvey answered = surveys.findConversationSurvey(survey.id()).orElseThrow();
        assertThat(answered.score()).isEqualTo(4);
        assertThat(answered.comment()).isEqualTo(comment);
        assertThat(answered.answeredAt()).isEqualTo(at);
        assertThat(answered.askedAt()).isEqualTo(survey.askedAt());
        assertThat(answered.answered()).isTrue();
        assertThat(surveys.recordConversationAnswer(UUID.randomUUID(), 5, null, at)).isFalse();
        assertThatThrownBy(() -> surveys.recordConversationAnswer(survey.id(), 6, null, at))
                .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
    }

    @Test
    @DisplayName("an erasure rewrites the contact's surveys: the contact becomes the pseudonym, the comment [erased]")
    void erasure() {
        assertThat(store).isInstanceOf(DataSubjectStore.class);
        ConversationSurvey theirs = asked(THANDI, "WA-000006");
        ConversationSurvey others = asked(PIETER, "WA-000007");
        surveys.openConversationSurvey(theirs);
        surveys.openConversationSurvey(others);
        surveys.recordConversationAnswer(theirs.id(), 5, "Thandi Nkosi says thanks", clock.instant());
        surveys.recordConversationAnswer(others.id(), 3, "Pieter's comment", clock.instant());
        store.inTransaction(() -> ((DataSubjectStore) store).redact(Redaction.erase(
                DataSubject.builder("provider-17").whatsApp(THANDI).build(), "erased-0001", Set.of())));
        ConversationSurvey erased = surveys.findConversationSurvey(theirs.id()).orElseThrow();
        assertThat(erased.contact()).isEqualTo("erased-0001");
        assertThat(erased.comment()).isEqualTo(Redaction.ERASED);
        assertThat(erased.score()).isEqualTo(5);
        assertThat(surveys.lastConversationSurveyAsked(THANDI)).isEmpty();
        assertThat(surveys.findConversationSurvey(others.id()).orElseThrow().comment()).isEqualTo("Pieter's comment");
    }

    @Test
    @DisplayName("a unit of work that fails keeps neither the survey nor the answer")
    void rollback() {
        ConversationSurvey survey = asked(PIETER, "WA-000004");
        assertThatThrownBy(() -> store.inTransaction(() -> {
            surveys.openConversationSurvey(survey);
            throw new IllegalStateException("crash after opening");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(surveys.findConversationSurveyOf(survey.conversationId())).isEmpty();
        assertThat(surveys.lastConversationSurveyAsked(PIETER)).isEmpty();

        surveys.openConversationSurvey(survey);
        assertThatThrownBy(() -> store.inTransaction(() -> {
            surveys.recordConversationAnswer(survey.id(), 2, "lost", clock.instant());
            throw new IllegalStateException("crash after answering");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(surveys.findConversationSurvey(survey.id()).orElseThrow().answered()).isFalse();
    }

    @Test
    @DisplayName("two units opening a survey of one conversation at once keep one")
    void concurrentOpen() throws Exception {
        UUID conversation = UUID.randomUUID();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> open = () -> {
                ConversationSurvey s = new ConversationSurvey(UUID.randomUUID(), conversation, "WA-000005", THANDI,
                        clock.instant(), null, null, null);
                start.await(10, TimeUnit.SECONDS);
                return store.inTransaction(() -> surveys.openConversationSurvey(s));
            };
            List<Future<Boolean>> results = pool.invokeAll(List.of(open, open));
            long stored = 0;
            for (Future<Boolean> r : results) {
                stored += r.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(surveys.findConversationSurveyOf(conversation)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the analytics count the answers of the surveys asked in the period as WhatsApp's")
    void analytics() {
        Instant from = clock.instant();
        int[] scores = {5, 2, 4};
        for (int score : scores) {
            ConversationSurvey s = asked(THANDI, "WA-00001" + score);
            surveys.openConversationSurvey(s);
            surveys.recordConversationAnswer(s.id(), score, null, clock.advance(Duration.ofMinutes(1)));
        }
        surveys.openConversationSurvey(asked(PIETER, "WA-000020"));   // asked, never answered
        Instant to = clock.advance(Duration.ofHours(1));
        ConversationSurvey after = asked(PIETER, "WA-000021");
        surveys.openConversationSurvey(after);
        surveys.recordConversationAnswer(after.id(), 1, null, clock.advance(Duration.ofMinutes(1)));

        assertThat(surveys.conversationSatisfactionCounts(from, to))
                .isEqualTo(new AnalyticsStore.SatisfactionCounts(3, 11, 2));
        assertThat(surveys.conversationSatisfactionCounts(from, from)).isEqualTo(new AnalyticsStore.SatisfactionCounts(0, 0, 0));

        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        assertThat(desk.analytics().report(ADMIN, AnalyticsQuery.of(from, to)).conversationSatisfaction())
                .isEqualTo(Satisfaction.of(3, 11, 2));
        assertThat(desk.analytics().report(ADMIN, AnalyticsQuery.builder(from, to).channels(OriginChannel.WHATSAPP)
                .build()).conversationSatisfaction()).isEqualTo(Satisfaction.of(3, 11, 2));
        assertThat(desk.analytics().report(ADMIN, AnalyticsQuery.builder(from, to).channels(OriginChannel.WEB)
                .build()).conversationSatisfaction()).isEqualTo(Satisfaction.NONE);
        assertThat(desk.analytics().report(ADMIN, AnalyticsQuery.builder(from, to).categories(Category.BILLING)
                .build()).conversationSatisfaction()).isEqualTo(Satisfaction.NONE);
        assertThat(desk.analytics().csv(ADMIN, AnalyticsQuery.of(from, to)))
                .contains("satisfaction_whatsapp_conversations,answers,3\r\n");
    }
}
