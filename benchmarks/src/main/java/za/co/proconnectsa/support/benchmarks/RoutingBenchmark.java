package za.co.proconnectsa.support.benchmarks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;

/**
 * Routing a request through the standard policy (hard-signal rules, then the classifier: features, one
 * maxent evaluation, the reasons with the words that weighed most), side by side with the keyword-only policy of
 * before the classifier ({@link KeywordRouting#policy()}, run by the same engine) and with those
 * keyword rules written by hand as if/else. All normalise the text and return the channel and a reason; one thread,
 * so the figure is decisions per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RoutingBenchmark {

    /** Realistic requests in the proportions a provider support line sees: mostly quick questions. */
    static final SupportRequest[] REQUESTS = {
        SupportRequest.of("Hi, what are your hours on Saturday?"),
        SupportRequest.of("How do I add a second service area to my profile?"),
        SupportRequest.of("I was charged twice for my subscription this month"),
        SupportRequest.of("I keep getting a 500 error when loading my tickets"),
        SupportRequest.of("Where do I see new leads?"),
        SupportRequest.of("The app crashes when I open messages"),
        SupportRequest.of("I can't log in, it says wrong password"),
        SupportRequest.of("Do you cover Durban North?"),
    };

    private final RoutingPolicy policy = RoutingPolicy.standard(AfterHours.TICKET);
    private final RoutingPolicy keywords = KeywordRouting.policy();
    private final BusinessHours hours = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));
    private final WhatsAppLinks contact = WhatsAppLinks.of("+27 67 951 8124");
    private final Instant now = Instant.parse("2026-03-03T08:00:00Z");
    private final HandCodedRouting handCoded = new HandCodedRouting(hours);
    private int i;

    /** @return the standard policy's decision (rules and classifier) for the next request */
    @Benchmark
    public Object policy() {
        return policy.route(REQUESTS[i++ & 7], now, hours, contact);
    }

    /** @return the keyword-only policy's decision (the standard policy before the classifier) for the next request */
    @Benchmark
    public Object keywordPolicy() {
        return keywords.route(REQUESTS[i++ & 7], now, hours, contact);
    }

    /** @return the hand-written if/else decision for the next request */
    @Benchmark
    public Object handCoded() {
        return handCoded.route(REQUESTS[i++ & 7], now, contact);
    }
}
