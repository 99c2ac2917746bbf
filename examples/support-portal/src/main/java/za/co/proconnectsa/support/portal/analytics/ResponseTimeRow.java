package za.co.proconnectsa.support.portal.analytics;

import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.analytics.DurationFigures;
import za.co.proconnectsa.support.analytics.ResponseTimes;

/**
 * The response-time table of the analytics page: each measure's figures in seconds, written exactly as the CSV
 * download writes them, so the page and the file can be compared number for number.
 *
 * @param figure the CSV figure, e.g. {@code first_response_business}
 * @param label  the measure in words
 * @param count  how many durations
 * @param mean   the mean in seconds
 * @param p50    the median in seconds
 * @param p90    the 90th percentile in seconds
 * @param p95    the 95th percentile in seconds
 * @param p99    the 99th percentile in seconds
 */
public record ResponseTimeRow(String figure, String label, long count, String mean, String p50, String p90, String p95,
        String p99) {

    /**
     * @param report the report
     * @return one row per measure and clock
     */
    public static List<ResponseTimeRow> of(AnalyticsReport report) {
        List<ResponseTimeRow> rows = new ArrayList<>();
        add(rows, "first_response", "First response", report.firstResponse());
        add(rows, "next_response", "Next response", report.nextResponse());
        add(rows, "resolution", "Resolution", report.resolution());
        return rows;
    }

    private static void add(List<ResponseTimeRow> rows, String figure, String label, ResponseTimes times) {
        rows.add(row(figure + "_wall", label + " (wall time)", times.wall()));
        times.businessTime().ifPresent(b -> rows.add(row(figure + "_business", label + " (business time)", b)));
    }

    private static ResponseTimeRow row(String figure, String label, DurationFigures d) {
        return new ResponseTimeRow(figure, label, d.count(), AnalyticsReport.seconds(d.mean()),
                AnalyticsReport.seconds(d.p50()), AnalyticsReport.seconds(d.p90()), AnalyticsReport.seconds(d.p95()),
                AnalyticsReport.seconds(d.p99()));
    }
}
