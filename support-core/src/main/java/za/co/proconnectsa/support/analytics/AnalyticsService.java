package za.co.proconnectsa.support.analytics;

import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.advisor.Advice;
import za.co.proconnectsa.support.advisor.MeasuredFigures;

/**
 * Support analytics over the desk's store ({@code desk.analytics()}). Needs a store that computes aggregates
 * ({@link za.co.proconnectsa.support.spi.AnalyticsStore}: the in-memory and JDBC stores do); on another store its
 * methods throw {@link za.co.proconnectsa.support.SupportException}. Every method requires
 * {@link Permission#VIEW_ANALYTICS} (agents and admins).
 *
 * <pre>{@code
 * AnalyticsReport report = desk.analytics().report(admin, AnalyticsQuery.builder(from, to)
 *         .categories(Category.BILLING).businessTime(true).build());
 * Duration p90 = report.firstResponse().wall().p90();
 * String csv = report.toCsv();
 * }</pre>
 */
public interface AnalyticsService {

    /**
     * Computes the report. On a database store each figure is one aggregate query; business-time durations, when
     * asked for, are computed from the raw timestamps on the desk's business hours as they are now, so a changed
     * calendar recomputes history.
     *
     * @param actor who asks
     * @param query the period, zone and filters
     * @return the figures
     * @throws za.co.proconnectsa.support.access.AccessDeniedException for a requester
     * @throws za.co.proconnectsa.support.InvalidInputException when an argument is missing
     */
    AnalyticsReport report(Actor actor, AnalyticsQuery query);

    /**
     * The report as CSV: {@code report(actor, query).toCsv()}.
     *
     * @param actor who asks
     * @param query the period, zone and filters
     * @return the CSV text
     */
    String csv(Actor actor, AnalyticsQuery query);

    /**
     * The channel advisor's figures measured over the period: requests per day (tickets and conversations that
     * never became a ticket, over the days the period touches), agents (those with tickets of the period or open
     * ones, at least 1), the share of billing and technical tickets, and the monthly growth rate of requests from
     * the period's first half to its second (scaled to 30 days; 0 when the first half had none).
     *
     * @param actor who asks
     * @param query the period, zone and filters
     * @return the figures
     */
    MeasuredFigures measuredFigures(Actor actor, AnalyticsQuery query);

    /**
     * The standard channel advisor's advice on {@link #measuredFigures}.
     *
     * @param actor who asks
     * @param query the period, zone and filters
     * @return the advice
     */
    Advice advise(Actor actor, AnalyticsQuery query);
}
