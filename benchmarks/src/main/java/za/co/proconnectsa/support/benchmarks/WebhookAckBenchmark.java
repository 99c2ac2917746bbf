package za.co.proconnectsa.support.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * A signed webhook POST to its durable acknowledgement on PostgreSQL, from 8 client threads: the receiver checks the
 * signature over the raw bytes, parses the body and stores its message with the body in the job queue, in one
 * transaction, as {@code receive} does before the host answers 200. Side by side, the same row written by hand with
 * plain JDBC ({@code rawInsert}: one INSERT in auto-commit, no signature, no parsing) on the same pool and server.
 * Each call sends a new message (a new id), a 700-byte text message as Meta sends it. Sample time: the score is
 * the mean time of one acknowledgement, with percentiles; bodies per second are 8 threads over the mean.
 *
 * <p>Targets: {@code receive} at >= 1,000 bodies per second with p99 <= 50 ms, and >= 0.7x the rate of
 * {@code rawInsert}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(8)
public class WebhookAckBenchmark {

    /** The app secret the bodies are signed with. */
    static final String SECRET = "2f6d4e0b9c1a4b7e8d3f5a6c7b8e9d0a";
    private static final String BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
            + "\"27679518124\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":"
            + "\"Thandi Nkosi\"},\"wa_id\":\"27821234567\"}],\"messages\":[{\"from\":\"27821234567\",\"id\":"
            + "\"wamid.HBgLMjc4MjEyMzQ1NjcVAgASGBQz%012d\",\"timestamp\":\"1772438400\",\"type\":\"text\","
            + "\"text\":{\"body\":\"Hi, how do I add a second service area to my profile? I also work in Umhlanga "
            + "and Durban North.\"}}]},\"field\":\"messages\"}]}]}";
    private static final String RAW_INSERT = "INSERT INTO support_jobs (kind, job_key, payload, state, attempts, "
            + "available_at, created_at) VALUES ('whatsapp.inbound', ?, ?, 'PENDING', 0, ?, ?)";
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final AtomicLong ids = new AtomicLong();
    private EmbeddedDatabase database;
    private DataSource dataSource;
    private WebhookReceiver receiver;

    /** Starts PostgreSQL, the pool, the store (which creates its schema) and the receiver. */
    @Setup(Level.Trial)
    public void start() {
        database = EmbeddedDatabase.start();
        dataSource = database.dataSource();
        JdbcTicketStore store = JdbcTicketStore.create(dataSource);
        receiver = WebhookReceiver.builder().appSecret(SECRET).queue(store).build();
    }

    /**
     * Empties the queue before each iteration, so both methods insert into a table of the same size.
     *
     * @throws SQLException when truncating fails
     */
    @Setup(Level.Iteration)
    public void emptyQueue() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE support_jobs");
        }
    }

    /** Notes whether the machine was quiet during the iteration. */
    @TearDown(Level.Iteration)
    public void noteMachineLoad() {
        MachineLoad.note();
    }

    /**
     * Checks that each stored body reads back whole, then stops everything.
     *
     * @throws SQLException when the check cannot read
     */
    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT job_key), min(length(payload)) "
                        + "FROM support_jobs")) {
            rs.next();
            if (rs.getLong(1) != rs.getLong(2) || (rs.getLong(1) > 0 && rs.getInt(3) != body(0).length)) {
                throw new IllegalStateException("the queue holds duplicates or cut bodies");
            }
        } finally {
            database.close();
        }
    }

    /**
     * @param body a webhook body
     * @return its {@code X-Hub-Signature-256} header with {@link #SECRET}, as Meta computes it
     */
    static String signature(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(HMAC.get().doFinal(body));
    }

    private static byte[] body(long id) {
        return String.format(BODY, id).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the receipt of one signed POST, stored durably */
    @Benchmark
    public WebhookReceipt receive() {
        byte[] body = body(ids.incrementAndGet());
        WebhookReceipt receipt = receiver.receive(body, signature(body));
        if (receipt.accepted() != 1) {
            throw new IllegalStateException("not stored: " + receipt);
        }
        return receipt;
    }

    /**
     * @return rows written: the same row by hand
     * @throws SQLException from the driver
     */
    @Benchmark
    public int rawInsert() throws SQLException {
        long id = ids.incrementAndGet();
        byte[] body = body(id);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_INSERT)) {
            ps.setString(1, String.format("wamid.HBgLMjc4MjEyMzQ1NjcVAgASGBQz%012d", id));
            ps.setBytes(2, body);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            return ps.executeUpdate();
        }
    }
}
