package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.spi.AnalyticsStore;

/** The in-memory store's conversation surveys; the store holds its lock around every call. */
public final class InMemoryConversationSurveys {

    private final UndoLog undo;
    private final Map<UUID, ConversationSurvey> byId = new HashMap<>();
    private final Map<UUID, UUID> byConversation = new HashMap<>();

    /** @param undo where writes made inside the store's unit of work record how to take them back */
    public InMemoryConversationSurveys(UndoLog undo) {
        this.undo = undo;
    }

    /** @return whether the survey was stored (none was kept for its conversation) */
    public boolean open(ConversationSurvey survey) {
        Checks.notNull(survey, "survey");
        if (byConversation.containsKey(survey.conversationId()) || byId.containsKey(survey.id())) {
            return false;
        }
        byId.put(survey.id(), survey);
        byConversation.put(survey.conversationId(), survey.id());
        undo.record(() -> {
            byId.remove(survey.id());
            byConversation.remove(survey.conversationId());
        });
        return true;
    }

    /** @return the survey */
    public Optional<ConversationSurvey> find(UUID surveyId) {
        return Optional.ofNullable(byId.get(Checks.notNull(surveyId, "surveyId")));
    }

    /** @return the conversation's survey */
    public Optional<ConversationSurvey> findOf(UUID conversationId) {
        return Optional.ofNullable(byConversation.get(Checks.notNull(conversationId, "conversationId")))
                .map(byId::get);
    }

    /** @return when the contact was last asked */
    public Optional<Instant> lastAsked(String contact) {
        Checks.notNull(contact, "contact");
        return byId.values().stream().filter(s -> s.contact().equals(contact)).map(ConversationSurvey::askedAt)
                .max(Instant::compareTo);
    }

    /** @return whether the answer was recorded */
    public boolean answer(UUID surveyId, int score, String comment, Instant at) {
        Checks.notNull(at, "at");
        Checks.between(score, 1, 5, "score");
        ConversationSurvey survey = byId.get(Checks.notNull(surveyId, "surveyId"));
        if (survey == null || survey.answered()) {
            return false;
        }
        byId.put(surveyId, new ConversationSurvey(survey.id(), survey.conversationId(), survey.conversationNumber(),
                survey.contact(), survey.askedAt(), score, comment, at));
        undo.record(() -> byId.put(surveyId, survey));
        return true;
    }

    /**
     * Rewrites the surveys of a data subject's contacts: the contact as the redaction files it, the comment as text
     * they wrote.
     *
     * @param r the redaction
     * @return how many surveys changed
     */
    public int redact(za.co.proconnectsa.support.spi.Redaction r) {
        Map<UUID, ConversationSurvey> before = new HashMap<>(byId);
        int changed = 0;
        for (ConversationSurvey s : java.util.List.copyOf(byId.values())) {
            if (!r.contacts().contains(s.contact())) {
                continue;
            }
            ConversationSurvey next = new ConversationSurvey(s.id(), s.conversationId(), s.conversationNumber(),
                    r.contact(s.contact()), s.askedAt(), s.score(), r.authored(s.comment()), s.answeredAt());
            if (!next.equals(s)) {
                byId.put(s.id(), next);
                changed++;
            }
        }
        undo.record(() -> {
            byId.clear();
            byId.putAll(before);
        });
        return changed;
    }

    /**
     * Deletes the survey of a conversation a retention purge deletes.
     *
     * @param conversationId the conversation
     */
    public void forget(UUID conversationId) {
        UUID id = byConversation.remove(Checks.notNull(conversationId, "conversationId"));
        if (id == null) {
            return;
        }
        ConversationSurvey survey = byId.remove(id);
        undo.record(() -> {
            byId.put(id, survey);
            byConversation.put(conversationId, id);
        });
    }

    /** @return the answers to the surveys asked in [from, to) */
    public AnalyticsStore.SatisfactionCounts counts(Instant from, Instant to) {
        long answers = 0;
        long sum = 0;
        long happy = 0;
        for (ConversationSurvey s : byId.values()) {
            if (s.answered() && !s.askedAt().isBefore(from) && s.askedAt().isBefore(to)) {
                answers++;
                sum += s.score();
                happy += s.score() >= 4 ? 1 : 0;
            }
        }
        return new AnalyticsStore.SatisfactionCounts(answers, sum, happy);
    }
}
