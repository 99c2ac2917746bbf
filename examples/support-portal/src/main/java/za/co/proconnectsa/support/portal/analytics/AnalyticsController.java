package za.co.proconnectsa.support.portal.analytics;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.portal.security.CurrentActor;

/**
 * The analytics page for agents and admins: the desk's report over a period with charts, the channel advisor's
 * recommendation from the measured figures, and the same report as CSV. The desk checks that the signed-in user may
 * see analytics.
 */
@Controller
public class AnalyticsController {

    private final SupportDesk desk;

    AnalyticsController(SupportDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/admin/analytics")
    String page(@RequestParam(required = false) Integer days,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model, Principal principal) {
        Actor actor = CurrentActor.of(principal);
        AnalyticsPeriod period = period(days, from, to);
        AnalyticsQuery query = period.query();
        AnalyticsReport report = desk.analytics().report(actor, query);
        model.addAttribute("period", period);
        model.addAttribute("presets", AnalyticsPeriod.PRESETS);
        model.addAttribute("days", from == null ? (days == null ? AnalyticsPeriod.DEFAULT_DAYS : days) : null);
        model.addAttribute("report", report);
        model.addAttribute("rows", ResponseTimeRow.of(report));
        model.addAttribute("satisfaction", SatisfactionRow.of(report));
        model.addAttribute("measured", desk.analytics().measuredFigures(actor, query));
        model.addAttribute("advice", desk.advise(actor, query));
        return "admin/analytics";
    }

    @GetMapping(path = "/admin/analytics/charts", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    AnalyticsCharts charts(@RequestParam(required = false) Integer days,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal principal) {
        return AnalyticsCharts.of(desk.analytics().report(CurrentActor.of(principal), period(days, from, to).query()));
    }

    @GetMapping("/admin/analytics.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer days,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal principal) {
        AnalyticsPeriod period = period(days, from, to);
        String csv = desk.analytics().csv(CurrentActor.of(principal), period.query());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("support-analytics-" + period.first() + "-to-" + period.last() + ".csv")
                        .build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private AnalyticsPeriod period(Integer days, LocalDate from, LocalDate to) {
        return AnalyticsPeriod.of(days, from, to, desk.clock(), desk.businessHours().zone());
    }
}
