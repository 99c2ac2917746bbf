package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.spi.AnalyticsStore;

/** Conversation surveys ({@code conversation_surveys}): one per conversation by a unique key. */
public final class JdbcConversationSurveys {

    private static final String COLUMNS = "id, conversation_id, conversation_number, contact, asked_at, score, "
            + "answer_text, answered_at";

    private final Tx tx;
    private final Dialect dialect;
    private final String table;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcConversationSurveys(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = prefix + "conversation_surveys";
    }

    /** @return whether it was stored; {@code false} when the conversation has a survey */
    public boolean open(ConversationSurvey survey) {
        Checks.notNull(survey, "survey");
        return SurveyRows.insertOnce(tx, "opening a conversation survey", "INSERT INTO " + table
                + " (id, conversation_id, conversation_number, contact, asked_at) VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, survey.id().toString());
                    ps.setString(2, survey.conversationId().toString());
                    ps.setString(3, survey.conversationNumber());
                    ps.setString(4, survey.contact());
                    Rows.setInstant(ps, 5, survey.askedAt(), dialect);
                });
    }

    /** @return the survey with this id */
    public Optional<ConversationSurvey> find(UUID surveyId) {
        return one("id", Checks.notNull(surveyId, "surveyId"));
    }

    /** @return the conversation's survey */
    public Optional<ConversationSurvey> findOf(UUID conversationId) {
        return one("conversation_id", Checks.notNull(conversationId, "conversationId"));
    }

    private Optional<ConversationSurvey> one(String column, UUID value) {
        return tx.run("reading a conversation survey", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE "
                    + column + " = ?")) {
                ps.setString(1, value.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int score = rs.getInt("score");
                    Integer answer = rs.wasNull() ? null : score;
                    return Optional.of(new ConversationSurvey(UUID.fromString(rs.getString("id")),
                            UUID.fromString(rs.getString("conversation_id")), rs.getString("conversation_number"),
                            rs.getString("contact"), Rows.getInstant(rs, "asked_at", dialect), answer,
                            rs.getString("answer_text"), Rows.getInstant(rs, "answered_at", dialect)));
                }
            }
        });
    }

    /** @return when the contact was last asked */
    public Optional<Instant> lastAsked(String contact) {
        Checks.notNull(contact, "contact");
        return SurveyRows.lastAsked(tx, dialect, table, "contact", contact);
    }

    /** @return whether the answer was recorded: the survey exists and was unanswered */
    public boolean answer(UUID surveyId, int score, String comment, Instant at) {
        Checks.notNull(surveyId, "surveyId");
        Checks.notNull(at, "at");
        Checks.between(score, 1, 5, "score");
        return SurveyRows.answer(tx, dialect, table, "id", surveyId.toString(), score, comment, at);
    }

    /** @return the answers to the surveys asked in [from, to) */
    public AnalyticsStore.SatisfactionCounts counts(Instant from, Instant to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        return tx.run("counting conversation survey answers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(score), COALESCE(SUM(score), 0), "
                    + "COALESCE(SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END), 0) FROM " + table
                    + " WHERE asked_at >= ? AND asked_at < ?")) {
                Rows.setInstant(ps, 1, from, dialect);
                Rows.setInstant(ps, 2, to, dialect);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new AnalyticsStore.SatisfactionCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }
}
