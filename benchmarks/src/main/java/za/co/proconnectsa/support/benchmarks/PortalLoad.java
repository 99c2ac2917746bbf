package za.co.proconnectsa.support.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * Load on the support portal over HTTP, from this process against the portal's jar started as a second process on
 * loopback, both on one embedded PostgreSQL server: ticket submissions through {@code POST /api/tickets} and the
 * agents' dashboard ({@code GET /admin}) at 1, 8 and 32 connections, then the same submissions and the dashboard's
 * queue page through {@code desk.tickets()} directly in this process on the same database, for the ratios.
 * {@link BenchmarkSuite} runs it as one of its entries; its smoke run makes only the in-process calls.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar za.co.proconnectsa.support.benchmarks.PortalLoad \
 *     examples/support-portal/target/example-support-portal-0.1.0-SNAPSHOT.jar [measureSeconds] [warmupSeconds]
 * </pre>
 *
 * <p>Each connection is one {@link HttpClient} (HTTP/1.1, kept alive) signed in through the portal's form; the API
 * calls carry the session's CSRF token in the {@code X-CSRF-TOKEN} header (HTTP Basic would add a BCrypt check to
 * every request). Every submission has its own subject, so the desk's duplicate detection never merges two.
 */
public final class PortalLoad {

    /** The connection counts of every phase. */
    static final int[] CONNECTIONS = {1, 8, 32};
    /** What the phases measure, in the order {@link #run} returns them (each at every connection count). */
    static final String HTTP_CREATE = "create-ticket over HTTP (POST /api/tickets)";
    static final String HTTP_DASHBOARD = "dashboard over HTTP (GET /admin)";
    static final String DIRECT_CREATE = "create-ticket in process (desk.tickets().submit)";
    static final String DIRECT_DASHBOARD = "dashboard's desk calls in process (latestChange, queue, SLA statuses of the page, agents)";
    private static final String PASSWORD = "load-test-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final AtomicLong SERIAL = new AtomicLong();

    private PortalLoad() {
    }

    /** A measured phase: how many operations, over how long, and their latencies in nanoseconds. */
    record Result(String what, int connections, long operations, double seconds, long[] latencies, long failures) {

        double perSecond() {
            return operations / seconds;
        }

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.1f | %d |", what, connections, perSecond(),
                    percentileMillis(0.50), percentileMillis(0.99), failures);
        }
    }

    /** One unit of load; returns whether it succeeded. */
    interface Operation {
        boolean run() throws Exception;
    }

    /**
     * @param args the portal's jar, then optionally the measured and warm-up seconds per phase (10 and 5)
     * @throws Exception when the portal does not start or a phase fails outright
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0]
                : "examples/support-portal/target/example-support-portal-0.1.0-SNAPSHOT.jar");
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no portal jar at " + jar + ": build it with ./mvnw -o -B -pl "
                    + "examples/support-portal -am package -DskipTests");
        }
        List<Result> results = run(jar, Duration.ofSeconds(measure), Duration.ofSeconds(warmup));
        System.out.println();
        System.out.println("| what | connections | per second | p50 ms | p99 ms | failures |");
        System.out.println("|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        System.out.println();
        for (int i = 0; i < CONNECTIONS.length; i++) {
            Result http = results.get(i);
            Result direct = results.get(2 * CONNECTIONS.length + i);
            System.out.printf(Locale.ROOT, "create-ticket at %d connection(s): HTTP %.0f/s, in process %.0f/s, "
                    + "ratio %.2fx%n", CONNECTIONS[i], http.perSecond(), direct.perSecond(),
                    http.perSecond() / direct.perSecond());
        }
    }

    /**
     * Runs every phase on a fresh PostgreSQL server.
     *
     * @param jar     the portal's jar, or null for the in-process phases only (the smoke run)
     * @param measure how long each phase is measured
     * @param warmup  how long each phase runs before
     * @return the HTTP phases (create-ticket, then dashboard, each at every connection count) unless {@code jar} is
     *         null, then the in-process phases in the same order
     * @throws Exception when the portal does not start or a phase fails outright
     */
    static List<Result> run(Path jar, Duration measure, Duration warmup) throws Exception {
        List<Result> results = new ArrayList<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            System.out.println("PostgreSQL " + db.serverVersion());
            if (jar != null) {
                int port = freePort();
                Process portal = startPortal(jar, db.jdbcUrl(), port);
                try {
                    String base = "http://localhost:" + port;
                    awaitReady(base, portal);
                    MachineLoad.note();
                    results.addAll(phases(HTTP_CREATE, warmup, measure, () -> apiSubmitter(base)));
                    results.addAll(phases(HTTP_DASHBOARD, warmup, measure, () -> dashboardReader(base)));
                } finally {
                    portal.destroy();
                    portal.waitFor();
                }
            }
            SupportDesk desk = directDesk(db);
            results.addAll(phases(DIRECT_CREATE, warmup, measure, () -> directSubmitter(desk)));
            results.addAll(phases(DIRECT_DASHBOARD, warmup, measure, () -> directDashboard(desk)));
        }
        return results;
    }

    /** One phase at each connection count, each followed by the machine's load. */
    private static List<Result> phases(String what, Duration warmup, Duration measure, Callable<Operation> factory)
            throws Exception {
        List<Result> results = new ArrayList<>();
        for (int connections : CONNECTIONS) {
            results.add(phase(what, connections, warmup, measure, factory));
            MachineLoad.note();
        }
        return results;
    }

    private static Result phase(String what, int connections, Duration warmup, Duration measure,
            Callable<Operation> factory) throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            operations.add(factory.call());
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            if (!warmup.isZero()) {
                loop(pool, operations, warmup);
            }
            long started = System.nanoTime();
            List<long[]> measured = loop(pool, operations, measure);
            double seconds = (System.nanoTime() - started) / 1e9;
            long count = 0;
            long failures = 0;
            List<Long> all = new ArrayList<>();
            for (long[] m : measured) {
                failures += m[0];
                for (int i = 1; i < m.length; i++) {
                    all.add(m[i]);
                }
                count += m.length - 1;
            }
            Result result = new Result(what, connections, count, seconds,
                    all.stream().mapToLong(Long::longValue).toArray(), failures);
            System.out.println(result.row());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs every operation in a loop on its own thread for the duration; per thread: failures, then latencies. */
    private static List<long[]> loop(ExecutorService pool, List<Operation> operations, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (Operation operation : operations) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 1;
                long failures = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok = operation.run();
                    long took = System.nanoTime() - t0;
                    if (!ok) {
                        failures++;
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                latencies[0] = failures;
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static Operation apiSubmitter(String base) throws Exception {
        HttpClient client = signIn(base, "thandi");
        String token = csrf(client, base + "/tickets/new");
        return () -> {
            long n = SERIAL.incrementAndGet();
            String json = "{\"subject\":\"Payout " + n + " has not arrived\",\"body\":\"The payout for job " + n
                    + " was due on Friday and is not in my account.\",\"category\":\"BILLING\"}";
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 201;
        };
    }

    private static Operation dashboardReader(String base) throws Exception {
        HttpClient client = signIn(base, "sipho");
        return () -> client.send(HttpRequest.newBuilder(URI.create(base + "/admin")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private static Operation directSubmitter(SupportDesk desk) {
        Actor thandi = Actor.requester("thandi", "Thandi Nkosi");
        return () -> {
            long n = SERIAL.incrementAndGet();
            return desk.tickets().submit(thandi, NewTicket.builder()
                    .subject("Payout " + n + " has not arrived")
                    .body("The payout for job " + n + " was due on Friday and is not in my account.")
                    .category(Category.BILLING).priority(Priority.NORMAL).origin(OriginChannel.API)
                    .build()).createdNewTicket();
        };
    }

    /**
     * The desk calls behind the agents' dashboard, as {@code GET /admin} makes them: the latest change position, the
     * first queue page of 25 tickets, newest first, the SLA statuses of all its tickets in one call (the page shows a
     * badge a row) and the agents to assign to; everything but the page's HTML.
     */
    private static Operation directDashboard(SupportDesk desk) {
        Actor sipho = Actor.agent("sipho", "Sipho Dlamini");
        TicketQuery firstPage = TicketQuery.builder().order(TicketQuery.Order.NEWEST_FIRST).limit(25).build();
        return () -> {
            desk.tickets().latestChange(sipho);
            List<Ticket> rows = desk.tickets().queue(sipho, firstPage).items();
            if (desk.sla().statuses(sipho, rows.stream().map(Ticket::id).toList()).size() != rows.size()) {
                return false;
            }
            return desk.assignment().agents(sipho) != null;
        };
    }

    /** The desk as the portal's starter builds it from its properties: SLA targets and assignment on submit. */
    private static SupportDesk directDesk(EmbeddedDatabase db) {
        SlaPolicy standard = SlaPolicy.builder("standard")
                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
                .target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, Duration.ofHours(8)))
                .target(SlaTarget.businessTime(SlaTargetType.RESOLUTION, Duration.ofHours(30)))
                .build();
        return SupportDesk.builder()
                .store(JdbcTicketStore.create(db.dataSource()))
                .slaPolicies(SlaPolicies.of(standard))
                .autoAssign(true)
                .build();
    }

    private static Process startPortal(Path jar, String jdbcUrl, int port) throws IOException {
        Path log = Files.createTempFile("portal-load-", ".log");
        System.out.println("Portal on port " + port + ", its log in " + log);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.hikari.maximum-pool-size=" + EmbeddedDatabase.POOL_SIZE,
                "--portal.demo-password=" + PASSWORD,
                "--portal.demo-data=false",
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(String base, Process portal) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!portal.isAlive()) {
                throw new IllegalStateException("the portal stopped with exit code " + portal.exitValue());
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/support")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    // the demo users' roster is filled once the application is ready
                    Thread.sleep(2000);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the portal did not answer within 4 minutes");
    }

    private static HttpClient signIn(String base, String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        String token = csrf(client, base + "/login");
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD
                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/home")) {
            throw new IllegalStateException("could not sign in as " + username);
        }
        return client;
    }

    private static String csrf(HttpClient client, String page) throws Exception {
        Matcher m = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
