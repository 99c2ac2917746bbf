package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;

/** The analytics page, its chart data and its CSV, against the desk's own report for the same days. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
class AnalyticsPageTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr data-figure=\"([a-z_]+)\">\\s*<td>[^<]*</td><td>(\\d+)</td>\\s*<td>([0-9.]+)</td><td>([0-9.]+)</td>"
                    + "<td>([0-9.]+)</td>\\s*<td>([0-9.]+)</td><td>([0-9.]+)</td>");

    @LocalServerPort
    int port;

    @Autowired
    SupportDesk desk;

    private final Actor admin = DemoUsers.find("lerato").orElseThrow().actor();

    private AnalyticsQuery lastDays(int days) {
        ZoneId zone = desk.businessHours().zone();
        LocalDate today = LocalDate.now(desk.clock().withZone(zone));
        return AnalyticsQuery.builder(today.minusDays(days - 1L).atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant()).zone(zone).businessTime(true).build();
    }

    private void fileAnsweredTicket(String subject) {
        Actor thandi = DemoUsers.find("thandi").orElseThrow().actor();
        String number = desk.tickets().submit(thandi, NewTicket.builder().subject(subject)
                .body("Refund for the duplicate charge please").category(Category.BILLING).build())
                .ticketNumber().text();
        desk.tickets().reply(admin, number, Reply.publicReply("Refunded."));
    }

    @Test
    void thePageShowsTheSameNumbersAsTheCsvDownload() throws Exception {
        fileAnsweredTicket("Duplicate charge on invoice");
        PortalSession agent = PortalSession.signedIn(port, "sipho");

        HttpResponse<String> page = agent.get("/admin/analytics?days=7");
        HttpResponse<byte[]> download = agent.getBytes("/admin/analytics.csv?days=7");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(download.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment").contains(".csv");
        String csv = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(desk.analytics().csv(admin, lastDays(7)));

        Map<String, String> figures = csvFigures(csv);
        Matcher row = ROW.matcher(page.body());
        int rows = 0;
        while (row.find()) {
            String figure = row.group(1);
            assertThat(row.group(2)).as(figure).isEqualTo(figures.get(figure + ",count"));
            assertThat(row.group(3)).as(figure).isEqualTo(figures.get(figure + ",mean_seconds"));
            assertThat(row.group(4)).as(figure).isEqualTo(figures.get(figure + ",p50_seconds"));
            assertThat(row.group(5)).as(figure).isEqualTo(figures.get(figure + ",p90_seconds"));
            assertThat(row.group(6)).as(figure).isEqualTo(figures.get(figure + ",p95_seconds"));
            assertThat(row.group(7)).as(figure).isEqualTo(figures.get(figure + ",p99_seconds"));
            rows++;
        }
        assertThat(rows).as("wall and business rows of three measures").isEqualTo(6);
        assertThat(figures.get("first_response_wall,count")).isNotEqualTo("0");
        assertThat(page.body()).contains("id=\"requests\">" + figures.get("requests,all") + "<")
                .contains("id=\"tickets\">" + figures.get("tickets,all") + "<")
                .contains("id=\"backlog-open\">" + figures.get("backlog,open") + "<");
        for (String kind : new String[] {"satisfaction", "satisfaction_whatsapp_conversations"}) {
            Matcher answers = Pattern.compile("data-satisfaction=\"" + kind + "\">\\s*<td>[^<]+</td><td class=\"answers\">"
                    + "(\\d+)</td>").matcher(page.body());
            assertThat(answers.find()).as(kind).isTrue();
            assertThat(answers.group(1)).as(kind).isEqualTo(figures.get(kind + ",answers"));
        }
    }

    @Test
    void theChartsDataMatchesTheReportAndChartJsIsServedByThePortal() throws Exception {
        fileAnsweredTicket("Charged twice for the plan");
        PortalSession agent = PortalSession.signedIn(port, "sipho");
        HttpResponse<String> page = agent.get("/admin/analytics?days=30");
        assertThat(page.body()).contains("<canvas id=\"chart-channels\"").contains("<canvas id=\"chart-response\"")
                .contains("<canvas id=\"chart-sla\"").contains("<canvas id=\"chart-words\"")
                .contains("src=\"/webjars/chart.js/4.4.1/dist/chart.umd.js\"")
                .contains("data-source=\"/admin/analytics/charts?days=30\"")
                .doesNotContain("cdn").doesNotContain("https://");

        JsonNode charts = new ObjectMapper().readTree(agent.get("/admin/analytics/charts?days=30").body());
        AnalyticsReport report = desk.analytics().report(admin, lastDays(30));
        assertThat(charts.get("requestsPerDay").get("values")).hasSize(30);
        long perDay = 0;
        for (JsonNode v : charts.get("requestsPerDay").get("values")) {
            perDay += v.asLong();
        }
        assertThat(perDay).isEqualTo(report.requests());
        assertThat(charts.get("responseTimes").get(0).get("hours").get(0).asDouble())
                .isEqualTo(report.firstResponse().wall().p50().toNanos() / 3.6e12, org.assertj.core.data.Offset
                        .offset(1e-9));
        assertThat(charts.get("sla")).hasSize(report.sla().size());
        assertThat(charts.get("commonWords").get("labels").get(0).asText())
                .isEqualTo(report.commonWords().get(0).key());

        HttpResponse<byte[]> script = agent.getBytes("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(new String(script.body(), StandardCharsets.UTF_8)).contains("Chart.js v4.4.1");
    }

    @Test
    void thePeriodPickerTakesDaysOrAPresetAndRefusesNonsenseWithA400Page() throws Exception {
        PortalSession agent = PortalSession.signedIn(port, "lerato");
        HttpResponse<String> range = agent.get("/admin/analytics?from=2026-01-01&to=2026-01-31");
        assertThat(range.statusCode()).isEqualTo(200);
        assertThat(range.body()).contains("<span>2026-01-01</span> to <span>2026-01-31</span>")
                .contains("href=\"/admin/analytics.csv?from=2026-01-01&amp;to=2026-01-31\"");
        String csv = new String(agent.getBytes("/admin/analytics.csv?from=2026-01-01&to=2026-01-31").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("period,from,2025-12-31T22:00:00Z").contains("period,to,2026-01-31T22:00:00Z");

        for (String bad : List.of("days=5", "days=many", "from=2026-02-01&to=2026-01-01", "from=yesterday",
                "from=2000-01-01&to=2026-01-01")) {
            HttpResponse<String> refused = agent.get("/admin/analytics?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).doesNotContain("Exception");
            assertThat(agent.getBytes("/admin/analytics.csv?" + bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void providersMayNotSeeAnalytics() throws Exception {
        PortalSession provider = PortalSession.signedIn(port, "thandi");
        assertThat(provider.get("/admin/analytics").statusCode()).isEqualTo(403);
        assertThat(provider.getBytes("/admin/analytics.csv").statusCode()).isEqualTo(403);
        assertThat(provider.get("/admin/analytics/charts").statusCode()).isEqualTo(403);
    }

    private static Map<String, String> csvFigures(String csv) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String line : csv.split("\r\n")) {
            int last = line.lastIndexOf(',');
            figures.put(line.substring(0, last), line.substring(last + 1));
        }
        return figures;
    }
}
