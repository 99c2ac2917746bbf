package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.EventPayload;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.testing.HostileText;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.testing.TicketFixtures;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * The outbox rows as a change-data-capture reader (Debezium's outbox event router) sees them, on every database:
 * {@code aggregate_type} and {@code payload} written with the row, the payload the JSON of the event the relay
 * delivers for that row, every text in it exactly as given, nothing written when the unit fails before the outbox
 * insert, and no personal data left in a pending payload after an erasure or a retention purge.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class OutboxPayloadTest {

    private static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor REQUESTER = Actor.requester("prov-17", "Thandi Nkosi");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho Dlamini");
    private static final Actor ADMIN = Actor.admin("admin-1", "Naledi (Lead)");

    @Parameter
    String database;
    private final SettableClock clock = SettableClock.at(START);
    private HikariDataSource dataSource;
    private JdbcTicketStore store;
    private TicketFixtures fixtures;
    private final List<TicketEvent> delivered = new ArrayList<>();
    private OutboxRelay relay;

    /** An outbox row as Debezium reads it. */
    private record Row(long id, String type, String aggregateType, String ticketId, String payload) {
    }

    @BeforeEach
    void start() {
        dataSource = TestDatabases.named(database).freshDatabase();
        store = JdbcTicketStore.create(dataSource);
        fixtures = TicketFixtures.forStore(store, clock);
        relay = OutboxRelay.builder(store).owner("payload-test").listener(delivered::add).build();
    }

    @AfterEach
    void stop() {
        relay.close();
        dataSource.close();
    }

    private List<Row> rows() {
        List<Row> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, event_type, aggregate_type, ticket_id, payload "
                        + "FROM support_outbox ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Delivers the pending rows with the relay (one at a time, oldest first) and checks each row against the event
     * delivered for it.
     *
     * @return the events delivered, in the rows' order
     */
    private List<TicketEvent> deliverAndCompare() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).as("pending rows").isNotEmpty();
        delivered.clear();
        while (relay.runOnce() > 0) {
            // every claimed row delivered; the next round finds the rest
        }
        assertThat(delivered).as("one event a row").hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            TicketEvent event = delivered.get(i);
            assertThat(row.aggregateType()).isEqualTo(EventPayload.AGGREGATE_TYPE).isEqualTo("ticket");
            assertThat(row.type()).isEqualTo(event.type().name());
            assertThat(row.ticketId()).isEqualTo(event.ticket().id().toString());
            // delivered right after the change, the relay's event is the one the payload wrote down
            assertThat(row.payload()).isEqualTo(EventPayload.json(event));
            JsonNode p = JSON.readTree(row.payload());
            assertThat(p.get("type").asText()).isEqualTo(event.type().name());
            assertThat(p.get("aggregateType").asText()).isEqualTo("ticket");
            assertThat(p.get("ticketId").asText()).isEqualTo(event.ticket().id().toString());
            assertThat(p.get("ticketNumber").asText()).isEqualTo(event.ticket().number().text());
            assertThat(Instant.parse(p.get("at").asText())).isEqualTo(event.at());
            assertThat(p.get("actor").get("id").asText()).isEqualTo(event.actor().id());
            assertThat(p.get("actor").get("role").asText()).isEqualTo(event.actor().role().name());
            assertThat(p.get("actor").get("name").asText()).isEqualTo(event.actor().displayName());
            JsonNode t = p.get("ticket");
            assertThat(t.get("status").asText()).isEqualTo(event.ticket().status().name());
            assertThat(t.get("subject").asText()).isEqualTo(event.ticket().subject());
            assertThat(t.get("requesterId").asText()).isEqualTo(event.ticket().requesterId());
            assertThat(t.get("assigneeId").isNull() ? null : t.get("assigneeId").asText())
                    .isEqualTo(event.ticket().assigneeId());
            assertThat(t.get("version").asLong()).isEqualTo(event.ticket().version());
            if (event.message() == null) {
                assertThat(p.get("message").isNull()).as("no message").isTrue();
            } else {
                assertThat(p.get("message").get("id").asText()).isEqualTo(event.message().id().toString());
                assertThat(p.get("message").get("body").asText()).isEqualTo(event.message().body());
                assertThat(p.get("message").get("visibility").asText()).isEqualTo(event.message().visibility().name());
            }
            assertThat(p.get("slaTarget").isNull() ? null : p.get("slaTarget").asText())
                    .isEqualTo(event.slaTarget() == null ? null : event.slaTarget().name());
        }
        assertThat(rows()).as("delivered rows removed").isEmpty();
        return List.copyOf(delivered);
    }

    @Test
    @DisplayName("every event type's row has aggregate_type 'ticket' and a payload that is the JSON of the event the relay delivers for it")
    void everyEventType() throws Exception {
        Set<TicketEvent.Type> seen = EnumSet.noneOf(TicketEvent.Type.class);
        Ticket t = fixtures.newTicket(REQUESTER.id(), "Invoice INV-2291 charged twice", "Billed twice in March");
        store.insert(t, List.of(fixtures.audit(t, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
        deliverAndCompare().forEach(e -> seen.add(e.type()));

        clock.advance(Duration.ofMinutes(1));
        t = store.update(t.touchedAt(fixtures.now()), List.of(),
                List.of(fixtures.audit(t, REQUESTER, AuditAction.DUPLICATE_LINKED, null, "PCS-000099")));
        deliverAndCompare().forEach(e -> seen.add(e.type()));

        clock.advance(Duration.ofMinutes(1));
        Message reply = fixtures.message(t, AGENT, "We are on it", Visibility.PUBLIC);
        t = store.update(t.withFirstResponse(fixtures.now()), List.of(reply), List.of(
                fixtures.audit(t, AGENT, AuditAction.REPLIED, null, null),
                fixtures.audit(t, AGENT, AuditAction.SLA_FULFILLED, null, "FIRST_RESPONSE")));
        List<TicketEvent> replied = deliverAndCompare();
        assertThat(replied).extracting(TicketEvent::type)
                .containsExactly(TicketEvent.Type.REPLIED, TicketEvent.Type.SLA_FULFILLED);
        assertThat(replied.get(0).message()).isEqualTo(reply);
        replied.forEach(e -> seen.add(e.type()));

        clock.advance(Duration.ofMinutes(1));
        Message note = fixtures.message(t, AGENT, "Card issuer says the second debit is a hold", Visibility.INTERNAL);
        t = store.update(t.touchedAt(fixtures.now()), List.of(note),
                List.of(fixtures.audit(t, AGENT, AuditAction.NOTE_ADDED, null, null, Visibility.INTERNAL)));
        assertThat(deliverAndCompare()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo(note);
            seen.add(e.type());
        });

        clock.advance(Duration.ofMinutes(1));
        t = store.update(t.withAssignee(AGENT.id(), fixtures.now()), List.of(),
                List.of(fixtures.audit(t, AGENT, AuditAction.ASSIGNED, null, AGENT.id())));
        deliverAndCompare().forEach(e -> seen.add(e.type()));

        clock.advance(Duration.ofMinutes(1));
        t = store.update(t.withStatus(TicketStatus.RESOLVED, fixtures.now()), List.of(),
                List.of(fixtures.audit(t, AGENT, AuditAction.STATUS_CHANGED, "NEW", "RESOLVED")));
        deliverAndCompare().forEach(e -> seen.add(e.type()));

        clock.advance(Duration.ofMinutes(1));
        t = store.update(t.touchedAt(fixtures.now()), List.of(),
                List.of(fixtures.audit(t, REQUESTER, AuditAction.SATISFACTION_RATED, null, "5")));
        deliverAndCompare().forEach(e -> seen.add(e.type()));

        // events recorded without a change of the ticket: the payload reads the ticket in the same unit
        clock.advance(Duration.ofMinutes(1));
        Actor system = Actor.admin("system", "SLA watcher");
        store.recordTicketEvents(t.id(), List.of(
                fixtures.audit(t, system, AuditAction.SLA_WARNING, null, "RESOLUTION"),
                fixtures.audit(t, system, AuditAction.SLA_BREACHED, null, "RESOLUTION"),
                fixtures.audit(t, ADMIN, AuditAction.DATA_SUBJECT_REQUEST, null, "EXPORT")));
        List<TicketEvent> recorded = deliverAndCompare();
        assertThat(recorded).extracting(TicketEvent::type)
                .containsExactly(TicketEvent.Type.DATA_SUBJECT_REQUEST, TicketEvent.Type.SLA_WARNING,
                        TicketEvent.Type.SLA_BREACHED);
        long version = t.version();
        assertThat(recorded).allSatisfy(e -> assertThat(e.ticket().version()).isEqualTo(version));
        recorded.forEach(e -> seen.add(e.type()));

        assertThat(seen).as("every event type").containsExactlyInAnyOrder(TicketEvent.Type.values());
    }

    @Test
    @DisplayName("subject, body, names and ids in the payload read back exactly: quotes, backslashes, line breaks, emoji, right-to-left marks")
    void exactText() throws Exception {
        List<String> texts = new ArrayList<>(HostileText.KEPT_TEXT);
        texts.add("\"quoted\" \\ back\\slash \\\" both \\n not a newline \u200F\u202B mixed \u05E9\u05DC\u05D5\u05DD 🙂");
        for (String text : texts) {
            Actor author = Actor.agent("agent-7", text);
            Ticket t = fixtures.newTicket(REQUESTER.id(), text, text);
            store.insert(t, List.of(fixtures.audit(t, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
            JsonNode submitted = JSON.readTree(rows().get(0).payload());
            assertThat(submitted.get("ticket").get("subject").asText()).isEqualTo(t.subject());
            deliverAndCompare();

            Message m = fixtures.message(t, author, text, Visibility.PUBLIC);
            store.update(t.touchedAt(fixtures.now()), List.of(m), List.of(fixtures.audit(t, author, AuditAction.REPLIED,
                    null, null)));
            JsonNode replied = JSON.readTree(rows().get(0).payload());
            assertThat(replied.get("message").get("body").asText()).as(HostileText.codes(text)).isEqualTo(text);
            assertThat(replied.get("message").get("author").get("name").asText()).isEqualTo(author.displayName());
            assertThat(replied.get("actor").get("name").asText()).isEqualTo(author.displayName());
            assertThat(deliverAndCompare()).singleElement().satisfies(e -> assertThat(e.message().body()).isEqualTo(text));
        }
    }

    @Test
    @DisplayName("a failure between the ticket's rows and the outbox insert leaves neither: one transaction")
    void crashBeforeTheOutboxInsert() {
        AtomicBoolean crash = new AtomicBoolean();
        JdbcTicketStore crashing = JdbcTicketStore.create(failingOutboxInserts(dataSource, crash));
        Ticket t = fixtures.newTicket(REQUESTER.id(), "Invoice INV-2291 charged twice", "Billed twice in March");
        crash.set(true);
        assertThatThrownBy(() -> crashing.insert(t, List.of(fixtures.audit(t, REQUESTER, AuditAction.CREATED, null,
                "NEW")), null)).isInstanceOf(SupportException.class);
        assertThat(store.findById(t.id())).isEmpty();
        assertThat(count("support_tickets")).isZero();
        assertThat(count("support_audit_events")).isZero();
        assertThat(count("support_outbox")).isZero();

        crash.set(false);
        crashing.insert(t, List.of(fixtures.audit(t, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("SUBMITTED"));
        Message reply = fixtures.message(t, AGENT, "We are on it", Visibility.PUBLIC);
        crash.set(true);
        assertThatThrownBy(() -> crashing.update(t.touchedAt(fixtures.now()), List.of(reply),
                List.of(fixtures.audit(t, AGENT, AuditAction.REPLIED, null, null)))).isInstanceOf(SupportException.class);
        assertThat(store.findById(t.id())).hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(1));
        assertThat(store.messages(t.id())).isEmpty();
        assertThat(store.auditTrail(t.id())).hasSize(1);
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("SUBMITTED"));
    }

    /** The data source, with every {@code INSERT INTO support_outbox} failing while {@code crash} is set. */
    private static DataSource failingOutboxInserts(DataSource target, AtomicBoolean crash) {
        return (DataSource) Proxy.newProxyInstance(OutboxPayloadTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!(result instanceof Connection c)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(OutboxPayloadTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (crash.get() && m.getName().equals("prepareStatement")
                                        && ((String) a[0]).startsWith("INSERT INTO support_outbox")) {
                                    throw new SQLException("the application stopped before the outbox insert", "57P01");
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    @DisplayName("after an erasure no pending payload holds the person's name, phone number or e-mail; a retention purge deletes the purged ticket's rows")
    void personalDataInPayloads() throws Exception {
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        Actor thandi = Actor.requester("provider-17", "Thandi Nkosi");
        String number = desk.tickets().submit(thandi, NewTicket.builder()
                .subject("Thandi Nkosi: charged twice, call 082 123 4567")
                .body("Mail thandi.nkosi@example.co.za").category(Category.BILLING).build()).ticketNumber().text();
        desk.tickets().reply(AGENT, number, Reply.publicReply("Hi Thandi Nkosi, we will call +27 82 123 4567"));
        desk.tickets().reply(thandi, number, Reply.publicReply("Or mail thandi.nkosi@example.co.za. Thandi"));
        String other = desk.tickets().submit(Actor.requester("provider-42", "Lerato Mokoena"), NewTicket.builder()
                .subject("Cannot add a service area").body("The map stays empty").build()).ticketNumber().text();
        String otherId = desk.tickets().get(ADMIN, other).ticket().id().toString();
        assertThat(String.join("\n", rows().stream().map(Row::payload).toList()).toLowerCase())
                .contains("thandi", "nkosi", "82 123 4567", "thandi.nkosi@example.co.za", "provider-17");

        desk.dataSubjects().erase(ADMIN, DataSubject.builder("provider-17").name("Thandi Nkosi").phone("27821234567")
                .email("thandi.nkosi@example.co.za").build(), "erasure asked by the person");

        List<Row> after = rows();
        assertThat(after).hasSizeGreaterThanOrEqualTo(5);
        for (Row row : after) {
            assertThat(row.payload().toLowerCase()).doesNotContain("thandi", "nkosi", "82 123 4567", "27821234567",
                    "thandi.nkosi@example.co.za", "provider-17");
            assertThat(JSON.readTree(row.payload()).get("ticketId").asText()).isEqualTo(row.ticketId());
        }
        assertThat(after).anySatisfy(r -> assertThat(r.payload()).contains("Lerato Mokoena", "Cannot add a service area"));
        // the payloads still match what the relay delivers now, from the redacted records
        deliverAndCompare();

        desk.tickets().changeStatus(AGENT, other, TicketStatus.CLOSED);
        assertThat(rows()).extracting(Row::ticketId).contains(otherId);
        clock.advance(Duration.ofDays(400));
        desk.dataSubjects().purgeExpired(ADMIN, RetentionPolicy.builder().closedTickets(Duration.ofDays(365)).build());
        assertThat(rows()).as("the purged ticket's entries").extracting(Row::ticketId).doesNotContain(otherId);
    }

    @Test
    @DisplayName("an outbox made before aggregate_type and payload existed gets both when a store starts on it; new rows carry them")
    void outboxWithoutTheNewColumns() throws Exception {
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        desk.tickets().submit(REQUESTER, NewTicket.builder().subject("Before the upgrade").body("Old row").build());
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER TABLE support_outbox DROP COLUMN payload");
            st.execute("ALTER TABLE support_outbox DROP COLUMN aggregate_type");
        }
        JdbcTicketStore upgraded = JdbcTicketStore.create(dataSource);
        SupportDesk after = SupportDesk.builder().store(upgraded).clock(clock).build();
        after.tickets().submit(REQUESTER, NewTicket.builder().subject("After the upgrade").body("New row").build());
        List<Row> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).aggregateType()).isEqualTo(EventPayload.AGGREGATE_TYPE);
        assertThat(rows.get(0).payload()).as("a row from before the upgrade").isEmpty();
        assertThat(rows.get(1).aggregateType()).isEqualTo(EventPayload.AGGREGATE_TYPE);
        assertThat(JSON.readTree(rows.get(1).payload()).get("ticket").get("subject").asText())
                .isEqualTo("After the upgrade");
        // a second start on the upgraded schema changes nothing
        JdbcTicketStore.create(dataSource);
        assertThat(rows()).isEqualTo(rows);
    }
}
