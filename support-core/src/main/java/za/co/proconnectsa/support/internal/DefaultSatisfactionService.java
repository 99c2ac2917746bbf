package za.co.proconnectsa.support.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.satisfaction.SatisfactionService;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.satisfaction.SurveyUnavailableException;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/** The {@link SatisfactionService} behind {@link za.co.proconnectsa.support.SupportDesk#satisfaction()}. */
public final class DefaultSatisfactionService implements SatisfactionService {

    private static final Logger LOG = LoggerFactory.getLogger(SatisfactionService.class);

    private final TicketStore store;
    private final SatisfactionStore surveys;
    private final SurveyLinks links;
    private final Clock clock;
    private final AccessPolicy policy;
    private final Retries retries;

    /**
     * @param store       the desk's store
     * @param links       checks survey links, or {@code null} when the desk asks for no satisfaction
     * @param clock       the time source
     * @param policy      who may do what
     * @param retries     how an answer is retried after a version conflict
     */
    public DefaultSatisfactionService(TicketStore store, SurveyLinks links, Clock clock, AccessPolicy policy,
            Retries retries) {
        this.store = store;
        this.surveys = store instanceof SatisfactionStore s ? s : null;
        this.links = links;
        this.clock = clock;
        this.policy = policy;
        this.retries = retries;
    }

    @Override
    public SatisfactionSurvey answer(Actor actor, String ticketNumber, int score, String comment) {
        Checks.notNull(actor, "actor");
        Ticket ticket = find(ticketNumber);
        if (!ticket.isRequestedBy(actor)) {
            // the answer is the requester's own: anyone else's ticket looks missing, as everywhere
            throw new TicketNotFoundException(ticket.number().text());
        }
        return record(actor, ticket, score, comment);
    }

    @Override
    public SatisfactionSurvey answerWithLink(String token, int score, String comment) {
        Ticket ticket = find(linkedNumber(token));
        return record(Actor.requester(ticket.requesterId(), "survey link"), ticket, score, comment);
    }

    @Override
    public SatisfactionSurvey surveyForLink(String token) {
        Ticket ticket = find(linkedNumber(token));
        return surveys().findSurvey(ticket.id()).orElseThrow(() -> new SurveyUnavailableException(
                SurveyUnavailableException.Reason.NOT_ASKED, "We did not ask about ticket " + ticket.number().text()
                        + " yet"));
    }

    /** The ticket number a link was signed for; refuses a link this desk did not sign. */
    private String linkedNumber(String token) {
        return (links == null ? Optional.<String>empty() : links.verify(token))
                .orElseThrow(() -> new SurveyUnavailableException(SurveyUnavailableException.Reason.INVALID_LINK,
                        "This survey link is not valid; open the link from your message again"));
    }

    @Override
    public Optional<SatisfactionSurvey> survey(Actor actor, String ticketNumber) {
        Checks.notNull(actor, "actor");
        Ticket ticket = find(ticketNumber);
        if (!policy.permits(actor, Permission.VIEW_TICKET, ticket)) {
            throw new TicketNotFoundException(ticket.number().text());
        }
        return surveys().findSurvey(ticket.id());
    }

    private SatisfactionSurvey record(Actor actor, Ticket ticket, int score, String comment) {
        if (score < 1 || score > 5) {
            throw InvalidInputException.of("score", "must be 1 (poor) to 5 (excellent), was " + score);
        }
        String kept = Text.optionalText(comment, "comment", SatisfactionSurvey.MAX_COMMENT_LENGTH);
        policy.check(actor, Permission.REPLY, ticket);
        SatisfactionStore answers = surveys();
        return retries.onConflict("answer", ticket.number().text(), () -> store.inTransaction(() -> {
            Ticket current = store.findById(ticket.id())
                    .orElseThrow(() -> new TicketNotFoundException(ticket.number().text()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!answers.recordAnswer(current.id(), score, kept, now)) {
                boolean asked = answers.findSurvey(current.id()).isPresent();
                throw new SurveyUnavailableException(asked ? SurveyUnavailableException.Reason.ALREADY_ANSWERED
                        : SurveyUnavailableException.Reason.NOT_ASKED, asked
                        ? "This survey was answered already; thank you"
                        : "We did not ask about ticket " + current.number().text() + " yet");
            }
            store.update(current, List.of(), List.of(new AuditEvent(current.id(), actor, AuditAction.SATISFACTION_RATED,
                    null, Integer.toString(score), Visibility.PUBLIC, now)));
            LOG.debug("Satisfaction {} recorded on ticket {}", score, current.number());
            return answers.findSurvey(current.id()).orElseThrow();
        }));
    }

    private Ticket find(String ticketNumber) {
        if (ticketNumber == null || ticketNumber.isBlank()) {
            throw InvalidInputException.of("ticketNumber", "must not be blank");
        }
        String number = Text.identifier(ticketNumber.strip(), "ticketNumber");
        return store.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private SatisfactionStore surveys() {
        if (surveys == null) {
            throw new SupportException("Satisfaction surveys need a store that keeps them (SatisfactionStore), such "
                    + "as InMemoryTicketStore or JdbcTicketStore");
        }
        return surveys;
    }
}
