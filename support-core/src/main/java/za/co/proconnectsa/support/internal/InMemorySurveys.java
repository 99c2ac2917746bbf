package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/** The in-memory store's satisfaction surveys; the store holds its lock around every call. */
public final class InMemorySurveys {

    private final UndoLog undo;
    private final Map<TicketId, SatisfactionSurvey> surveys = new HashMap<>();
    private final Map<String, Instant> lastAsked = new HashMap<>();

    /** @param undo where writes made inside the store's unit of work record how to take them back */
    public InMemorySurveys(UndoLog undo) {
        this.undo = undo;
    }

    /** @return whether the survey was stored (none was kept for its ticket) */
    public boolean open(SatisfactionSurvey survey) {
        Checks.notNull(survey, "survey");
        if (surveys.containsKey(survey.ticketId())) {
            return false;
        }
        Instant before = lastAsked.get(survey.requesterId());
        surveys.put(survey.ticketId(), survey);
        if (before == null || survey.askedAt().isAfter(before)) {
            lastAsked.put(survey.requesterId(), survey.askedAt());
        }
        undo.record(() -> {
            surveys.remove(survey.ticketId());
            if (before == null) {
                lastAsked.remove(survey.requesterId());
            } else {
                lastAsked.put(survey.requesterId(), before);
            }
        });
        return true;
    }

    /** @return the ticket's survey */
    public Optional<SatisfactionSurvey> find(TicketId ticketId) {
        return Optional.ofNullable(surveys.get(Checks.notNull(ticketId, "ticketId")));
    }

    /** @return when the requester was last asked */
    public Optional<Instant> lastAsked(String requesterId) {
        return Optional.ofNullable(lastAsked.get(Checks.notNull(requesterId, "requesterId")));
    }

    /** @return whether the answer was recorded */
    public boolean answer(TicketId ticketId, int score, String comment, Instant at) {
        Checks.notNull(at, "at");
        SatisfactionSurvey survey = surveys.get(Checks.notNull(ticketId, "ticketId"));
        if (survey == null || survey.answered()) {
            return false;
        }
        surveys.put(ticketId, new SatisfactionSurvey(ticketId, survey.ticketNumber(), survey.requesterId(),
                survey.askedAt(), score, comment, at));
        undo.record(() -> surveys.put(ticketId, survey));
        return true;
    }

    /**
     * Rewrites the surveys of a data subject, or of their tickets: their requester id as the redaction files them, the
     * comment as text they wrote.
     *
     * @param r        the redaction
     * @param tickets  the subject's tickets
     * @return how many surveys changed
     */
    public int redact(za.co.proconnectsa.support.spi.Redaction r, java.util.Set<TicketId> tickets) {
        Map<TicketId, SatisfactionSurvey> surveysBefore = new HashMap<>(surveys);
        Map<String, Instant> askedBefore = new HashMap<>(lastAsked);
        int changed = 0;
        for (SatisfactionSurvey s : List.copyOf(surveys.values())) {
            if (!tickets.contains(s.ticketId()) && !r.isSubject(s.requesterId())) {
                continue;
            }
            SatisfactionSurvey next = new SatisfactionSurvey(s.ticketId(), s.ticketNumber(),
                    r.requesterId(s.requesterId()), s.askedAt(), s.score(), r.authored(s.comment()), s.answeredAt());
            if (!next.equals(s)) {
                surveys.put(s.ticketId(), next);
                changed++;
            }
        }
        for (String id : List.copyOf(lastAsked.keySet())) {
            if (r.isSubject(id)) {
                Instant at = lastAsked.remove(id);
                lastAsked.merge(r.requesterId(id), at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        undo.record(() -> {
            surveys.clear();
            surveys.putAll(surveysBefore);
            lastAsked.clear();
            lastAsked.putAll(askedBefore);
        });
        return changed;
    }

    /** Removes a purged ticket's survey; the requester's last-asked time stays, as it is the loop guard's. */
    public void forget(TicketId ticketId) {
        SatisfactionSurvey gone = surveys.remove(ticketId);
        if (gone != null) {
            undo.record(() -> surveys.put(ticketId, gone));
        }
    }
}
