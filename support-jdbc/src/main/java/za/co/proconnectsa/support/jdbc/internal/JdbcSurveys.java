package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/** Satisfaction surveys ({@code satisfaction_surveys}): one per ticket by its primary key. */
public final class JdbcSurveys {

    private final Tx tx;
    private final Dialect dialect;
    private final String table;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcSurveys(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = prefix + "satisfaction_surveys";
    }

    /** @return whether it was stored; {@code false} when the ticket has a survey */
    public boolean open(SatisfactionSurvey survey) {
        Checks.notNull(survey, "survey");
        return SurveyRows.insertOnce(tx, "opening a satisfaction survey", "INSERT INTO " + table
                + " (ticket_id, ticket_number, requester_id, asked_at) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, survey.ticketId().toString());
                    ps.setString(2, survey.ticketNumber());
                    ps.setString(3, survey.requesterId());
                    Rows.setInstant(ps, 4, survey.askedAt(), dialect);
                });
    }

    /** @return the ticket's survey */
    public Optional<SatisfactionSurvey> find(TicketId ticketId) {
        Checks.notNull(ticketId, "ticketId");
        return tx.run("reading a satisfaction survey", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, ticket_number, requester_id, asked_at, "
                    + "score, answer_text, answered_at FROM " + table + " WHERE ticket_id = ?")) {
                ps.setString(1, ticketId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int score = rs.getInt("score");
                    Integer answer = rs.wasNull() ? null : score;
                    return Optional.of(new SatisfactionSurvey(ticketId, rs.getString("ticket_number"),
                            rs.getString("requester_id"), Rows.getInstant(rs, "asked_at", dialect), answer,
                            rs.getString("answer_text"), Rows.getInstant(rs, "answered_at", dialect)));
                }
            }
        });
    }

    /** @return when the requester was last asked */
    public Optional<Instant> lastAsked(String requesterId) {
        Checks.notNull(requesterId, "requesterId");
        return SurveyRows.lastAsked(tx, dialect, table, "requester_id", requesterId);
    }

    /** @return whether the answer was recorded: the survey exists and was unanswered */
    public boolean answer(TicketId ticketId, int score, String comment, Instant at) {
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(at, "at");
        Checks.between(score, 1, 5, "score");
        return SurveyRows.answer(tx, dialect, table, "ticket_id", ticketId.toString(), score, comment, at);
    }
}
