package za.co.proconnectsa.support.event;

import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.JsonWriter;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * The JSON text of a {@link TicketEvent} as the JDBC store writes it into the outbox table's {@code payload} column,
 * in the same insert as the entry and so in the same transaction as the change, for change-data-capture readers such
 * as Debezium's outbox event router ({@code table.field.event.payload=payload},
 * {@code route.by.field=aggregate_type}). The relay's listeners get the same event as a {@link TicketEvent}; the
 * payload is for consumers outside the application, which need not call back to read the ticket.
 *
 * <p>One compact JSON object (UTF-8, no white space), every text exactly as stored: quote, backslash and control
 * characters escaped as RFC 8259 says, every other character as it is (emoji, right-to-left marks). Times are
 * ISO-8601 instants in UTC ({@code 2026-03-02T08:15:30.123456Z}); a member without a value is {@code null}, never left
 * out:
 *
 * <pre>
 * {
 *   "type": "REPLIED",                 TicketEvent.Type: SUBMITTED, REPLIED, NOTE_ADDED, STATUS_CHANGED, ...
 *   "aggregateType": "ticket",         always {@link #AGGREGATE_TYPE}
 *   "ticketId": "5f0c...",             the ticket's id, also the entry's aggregate id (message key)
 *   "ticketNumber": "PCS-000042",
 *   "at": "2026-03-02T08:15:30.123456Z",  when it happened
 *   "actor": {"id": "agent-1", "role": "AGENT", "name": "Sipho Dlamini"},
 *   "ticket": {                        the ticket as the change left it
 *     "id", "number", "status", "priority", "category" (its code), "channel" (the origin: WEB, WHATSAPP, ...),
 *     "subject", "requesterId", "assigneeId" (or null), "createdAt", "updatedAt", "firstRespondedAt" (or null),
 *     "version"  (a number: the ticket's version after the change; compare it where order matters)
 *   },
 *   "message": null, or for REPLIED and NOTE_ADDED the message added:
 *     {"id", "author": {"id", "role", "name"}, "visibility": "PUBLIC" or "INTERNAL", "body", "createdAt"},
 *   "slaTarget": null, or for SLA_WARNING, SLA_BREACHED and SLA_FULFILLED the target (FIRST_RESPONSE, ...)
 * }
 * </pre>
 *
 * <p>An {@code INTERNAL} message (a {@code NOTE_ADDED} event) is for agents only: never forward it to the requester.
 * Members may be added in later versions; consumers ignore the ones they do not know.
 *
 * <p>A data-subject correction, erasure or anonymisation writes the payloads of the person's entries still in the
 * table again from the redacted records (the ticket then as it is after the redaction), and a retention purge deletes
 * the entries of the tickets it removes. A change-data-capture reader may have read an entry's insert before that:
 * consumers act on the {@code DATA_SUBJECT_REQUEST} event the request adds to each ticket it touched.
 */
public final class EventPayload {

    /** The value of the outbox table's {@code aggregate_type} column: every entry is an event of a ticket. */
    public static final String AGGREGATE_TYPE = "ticket";

    private EventPayload() {
    }

    /**
     * Writes an event as its payload.
     *
     * @param event the event
     * @return its JSON text, in the shape the class describes
     */
    public static String json(TicketEvent event) {
        Checks.notNull(event, "event");
        JsonWriter w = new JsonWriter(false);
        Ticket t = event.ticket();
        w.writeStartObject();
        w.writeStringField("type", event.type().name());
        w.writeStringField("aggregateType", AGGREGATE_TYPE);
        w.writeStringField("ticketId", t.id().toString());
        w.writeStringField("ticketNumber", t.number().text());
        w.writeStringField("at", event.at().toString());
        actor(w, "actor", event.actor());
        w.writeObjectFieldStart("ticket");
        w.writeStringField("id", t.id().toString());
        w.writeStringField("number", t.number().text());
        w.writeStringField("status", t.status().name());
        w.writeStringField("priority", t.priority().name());
        w.writeStringField("category", t.category().code());
        w.writeStringField("channel", t.origin().name());
        w.writeStringField("subject", t.subject());
        w.writeStringField("requesterId", t.requesterId());
        w.writeStringField("assigneeId", t.assigneeId());
        w.writeStringField("createdAt", t.createdAt().toString());
        w.writeStringField("updatedAt", t.updatedAt().toString());
        w.writeStringField("firstRespondedAt", t.firstRespondedAt() == null ? null : t.firstRespondedAt().toString());
        w.writeNumberField("version", t.version());
        w.writeEndObject();
        Message m = event.message();
        if (m == null) {
            w.writeNullField("message");
        } else {
            w.writeObjectFieldStart("message");
            w.writeStringField("id", m.id().toString());
            actor(w, "author", m.author());
            w.writeStringField("visibility", m.visibility().name());
            w.writeStringField("body", m.body());
            w.writeStringField("createdAt", m.createdAt().toString());
            w.writeEndObject();
        }
        w.writeStringField("slaTarget", event.slaTarget() == null ? null : event.slaTarget().name());
        w.writeEndObject();
        return w.toString();
    }

    private static void actor(JsonWriter w, String field, Actor a) {
        w.writeObjectFieldStart(field);
        w.writeStringField("id", a.id());
        w.writeStringField("role", a.role().name());
        w.writeStringField("name", a.displayName());
        w.writeEndObject();
    }
}
