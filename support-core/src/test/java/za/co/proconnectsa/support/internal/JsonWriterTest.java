package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.EventPayload;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/** The hand-written JSON of the export and the outbox payloads, read back by a real parser. */
class JsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String compact(String value) {
        JsonWriter w = new JsonWriter(false);
        w.writeStartObject();
        w.writeStringField("v", value);
        w.writeEndObject();
        return w.toString();
    }

    @Property(tries = 500)
    @Label("any string, lone surrogates and every control character included, reads back as itself")
    void anyStringReadsBack(@ForAll String value) throws Exception {
        assertThat(JSON.readTree(compact(value)).get("v").asText()).isEqualTo(value);
    }

    @Test
    @DisplayName("quotes, backslashes and control characters are escaped; emoji and right-to-left marks are kept as they are")
    void escapes() throws Exception {
        String value = "say \"hi\" \\ \u0000\u0001\u001f\t\n\r \u2028 🙂 \u200F\u202E \uD83D";
        String json = compact(value);
        assertThat(json).isEqualTo("{\"v\":\"say \\\"hi\\\" \\\\ \\u0000\\u0001\\u001f\\t\\n\\r \\u2028 🙂 \u200F\u202E "
                + "\\ud83d\"}");
        assertThat(JSON.readTree(json).get("v").asText()).isEqualTo(value);
    }

    @Test
    @DisplayName("the indented layout of the export is one member a line, two spaces a level")
    void indented() {
        JsonWriter w = new JsonWriter(true);
        w.writeStartObject();
        w.writeStringField("a", "x");
        w.writeArrayFieldStart("b");
        w.writeString("y");
        w.writeEndArray();
        w.writeArrayFieldStart("empty");
        w.writeEndArray();
        w.writeNumberField("n", 7);
        w.writeEndObject();
        assertThat(w.toString()).isEqualTo("{\n  \"a\": \"x\",\n  \"b\": [\n    \"y\"\n  ],\n  \"empty\": [],\n  \"n\": 7\n}");
    }

    @Test
    @DisplayName("an event's payload has every member its Javadoc lists, null where there is no value")
    void payloadShape() throws Exception {
        Instant at = Instant.parse("2026-03-02T08:15:30.123456Z");
        Actor agent = Actor.agent("agent-1", "Sipho \"Sips\" Dlamini");
        Ticket t = new Ticket(TicketId.random(), TicketNumberFormat.DEFAULT.format(42), "Charged twice 🙂",
                "Billed twice", Category.BILLING, Priority.HIGH, TicketStatus.OPEN, OriginChannel.WHATSAPP, "prov-17",
                "agent-1", Set.of(), List.of(), "f", at, at, null, 3);
        Message note = new Message(java.util.UUID.randomUUID(), t.id(), agent, "line\nbreak", Visibility.INTERNAL,
                List.of(), at);

        JsonNode p = JSON.readTree(EventPayload.json(new TicketEvent(TicketEvent.Type.NOTE_ADDED, t, agent, at, note)));
        assertThat(p.fieldNames()).toIterable().containsExactly("type", "aggregateType", "ticketId", "ticketNumber",
                "at", "actor", "ticket", "message", "slaTarget");
        assertThat(p.get("ticket").fieldNames()).toIterable().containsExactly("id", "number", "status", "priority",
                "category", "channel", "subject", "requesterId", "assigneeId", "createdAt", "updatedAt",
                "firstRespondedAt", "version");
        assertThat(p.get("ticketNumber").asText()).isEqualTo(t.number().text());
        assertThat(p.get("ticket").get("channel").asText()).isEqualTo("WHATSAPP");
        assertThat(p.get("ticket").get("category").asText()).isEqualTo(Category.BILLING.code());
        assertThat(p.get("ticket").get("firstRespondedAt").isNull()).isTrue();
        assertThat(p.get("ticket").get("version").asLong()).isEqualTo(3);
        assertThat(p.get("actor").get("name").asText()).isEqualTo("Sipho \"Sips\" Dlamini");
        assertThat(p.get("message").get("body").asText()).isEqualTo("line\nbreak");
        assertThat(p.get("message").get("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(p.get("slaTarget").isNull()).isTrue();

        JsonNode sla = JSON.readTree(EventPayload.json(new TicketEvent(TicketEvent.Type.SLA_BREACHED, t, agent, at, null,
                SlaTargetType.RESOLUTION)));
        assertThat(sla.get("message").isNull()).isTrue();
        assertThat(sla.get("slaTarget").asText()).isEqualTo("RESOLUTION");
    }
}
