package za.co.proconnectsa.support.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.spi.DataSubjectRecords;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * Writes a data subject's records as the export's JSON document, texts exactly as stored, with {@link JsonWriter}.
 */
final class DataSubjectJson {

    private DataSubjectJson() {
    }

    /**
     * What the export reads beside the store's records: delivery states of their conversations' lines, queued jobs
     * holding their messages (inbound bodies, sends, delivery reports), who they are on WhatsApp, the files of their
     * tickets and conversations in the attachment store, the notifications of their tickets (their delivery log), the
     * satisfaction surveys of their tickets and of their conversations, and their lines on the agent roster.
     */
    record Extras(List<MessageDelivery> deliveries, List<Job> jobs, List<ContactIdentity> identities,
            List<AttachmentRecord> files, List<Job> notifications, List<SatisfactionSurvey> surveys,
            List<ConversationSurvey> conversationSurveys, List<Agent> agents) {
    }

    static String write(DataSubject subject, DataSubjectRecords r, Extras extras, Instant at) {
        Gen g = new Gen();
        try {
            g.writeStartObject();
            g.writeObjectFieldStart("subject");
            strings(g, "requesterIds", subject.requesterIds().stream().sorted().toList());
            strings(g, "contacts", subject.contacts().stream().sorted().toList());
            g.writeEndObject();
            g.writeStringField("exportedAt", at.toString());
            Map<TicketId, List<Message>> messages = r.messages().stream()
                    .collect(Collectors.groupingBy(Message::ticketId));
            Map<TicketId, List<AuditEvent>> audit = r.auditEvents().stream()
                    .collect(Collectors.groupingBy(AuditEvent::ticketId));
            g.writeArrayFieldStart("tickets");
            for (Ticket t : r.tickets()) {
                ticket(g, t, messages.getOrDefault(t.id(), List.of()), audit.getOrDefault(t.id(), List.of()));
            }
            g.writeEndArray();
            // what they wrote or did on tickets that are not theirs
            java.util.Set<TicketId> own = r.tickets().stream().map(Ticket::id).collect(Collectors.toSet());
            g.writeArrayFieldStart("messagesElsewhere");
            for (Message m : r.messages()) {
                if (!own.contains(m.ticketId())) {
                    message(g, m);
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("auditElsewhere");
            for (AuditEvent e : r.auditEvents()) {
                if (!own.contains(e.ticketId())) {
                    audit(g, e);
                }
            }
            g.writeEndArray();
            Map<UUID, List<ConversationMessage>> lines = r.conversationMessages().stream()
                    .collect(Collectors.groupingBy(ConversationMessage::conversationId));
            g.writeArrayFieldStart("conversations");
            for (Conversation c : r.conversations()) {
                conversation(g, c, lines.getOrDefault(c.id(), List.of()));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pendingOutbox");
            for (OutboxEntry e : r.pendingOutbox()) {
                g.writeStartObject();
                g.writeNumberField("id", e.id());
                g.writeStringField("type", e.type().name());
                g.writeStringField("ticketId", e.ticketId().toString());
                actor(g, "actor", e.actor());
                g.writeStringField("at", e.at().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("deadOutbox");
            for (DeadLetter d : r.deadOutbox()) {
                g.writeStartObject();
                g.writeNumberField("id", d.id());
                g.writeStringField("type", d.type());
                g.writeStringField("ticketId", d.ticketId());
                g.writeStringField("occurredAt", d.occurredAt().toString());
                g.writeStringField("reason", d.reason());
                g.writeStringField("diedAt", d.diedAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("deliveries");
            for (MessageDelivery d : extras.deliveries()) {
                g.writeStartObject();
                g.writeStringField("messageId", d.messageId());
                g.writeStringField("state", d.state().name());
                g.writeStringField("providerMessageId", d.providerMessageId());
                g.writeStringField("detail", d.detail());
                g.writeStringField("at", d.at().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("contactIdentities");
            for (ContactIdentity i : extras.identities()) {
                g.writeStartObject();
                g.writeStringField("contact", i.contact());
                g.writeStringField("phoneNumber", i.phoneNumber());
                g.writeStringField("userId", i.userId());
                g.writeStringField("username", i.username());
                g.writeStringField("updatedAt", i.updatedAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("queuedJobs");
            for (Job j : extras.jobs()) {
                g.writeStartObject();
                g.writeStringField("kind", j.kind());
                g.writeStringField("key", j.key());
                g.writeStringField("state", j.state().name());
                payload(g, j.payload());
                g.writeStringField("createdAt", j.createdAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("files");
            for (AttachmentRecord f : extras.files()) {
                file(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notifications");
            for (Job j : extras.notifications()) {
                notification(g, j);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("satisfactionSurveys");
            for (SatisfactionSurvey v : extras.surveys()) {
                g.writeStartObject();
                g.writeStringField("ticketId", v.ticketId().toString());
                g.writeStringField("ticketNumber", v.ticketNumber());
                g.writeStringField("requesterId", v.requesterId());
                surveyAnswer(g, v.askedAt(), v.score(), v.comment(), v.answeredAt());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("conversationSurveys");
            for (ConversationSurvey v : extras.conversationSurveys()) {
                g.writeStartObject();
                g.writeStringField("id", v.id().toString());
                g.writeStringField("conversationId", v.conversationId().toString());
                g.writeStringField("conversationNumber", v.conversationNumber());
                g.writeStringField("contact", v.contact());
                surveyAnswer(g, v.askedAt(), v.score(), v.comment(), v.answeredAt());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("agentProfiles");
            for (Agent a : extras.agents()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("displayName", a.displayName());
                g.writeStringField("presence", a.presence().name());
                g.writeNumberField("capacity", a.capacity());
                strings(g, "categories", a.categories().stream().map(c -> c.code()).sorted().toList());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("consent");
            for (ConsentEntry c : r.consent()) {
                g.writeStartObject();
                g.writeStringField("contact", c.contact());
                g.writeStringField("choice", c.choice().name());
                g.writeStringField("source", c.source());
                actor(g, "recordedBy", c.recordedBy());
                g.writeStringField("at", c.at().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("requests");
            for (DataSubjectRequest q : r.requests()) {
                g.writeStartObject();
                g.writeStringField("kind", q.kind().name());
                actor(g, "actor", q.actor());
                g.writeStringField("reason", q.reason());
                g.writeStringField("outcome", q.outcome());
                g.writeStringField("at", q.at().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return g.toString();
    }

    private static void ticket(Gen g, Ticket t, List<Message> messages, List<AuditEvent> audit)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id().toString());
        g.writeStringField("number", t.number().text());
        g.writeStringField("subject", t.subject());
        g.writeStringField("body", t.body());
        g.writeStringField("category", t.category().code());
        g.writeStringField("priority", t.priority().name());
        g.writeStringField("status", t.status().name());
        g.writeStringField("origin", t.origin().name());
        g.writeStringField("requesterId", t.requesterId());
        g.writeStringField("assigneeId", t.assigneeId());
        strings(g, "tags", List.copyOf(t.tags()));
        attachments(g, t.attachments());
        g.writeStringField("createdAt", t.createdAt().toString());
        g.writeStringField("updatedAt", t.updatedAt().toString());
        g.writeStringField("firstRespondedAt", t.firstRespondedAt() == null ? null : t.firstRespondedAt().toString());
        g.writeArrayFieldStart("messages");
        for (Message m : messages) {
            message(g, m);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("audit");
        for (AuditEvent e : audit) {
            audit(g, e);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void message(Gen g, Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id().toString());
        g.writeStringField("ticketId", m.ticketId().toString());
        actor(g, "author", m.author());
        g.writeStringField("body", m.body());
        g.writeStringField("visibility", m.visibility().name());
        attachments(g, m.attachments());
        g.writeStringField("createdAt", m.createdAt().toString());
        g.writeEndObject();
    }

    private static void audit(Gen g, AuditEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("ticketId", e.ticketId().toString());
        actor(g, "actor", e.actor());
        g.writeStringField("action", e.action().name());
        g.writeStringField("before", e.before());
        g.writeStringField("after", e.after());
        g.writeStringField("visibility", e.visibility().name());
        g.writeStringField("at", e.at().toString());
        g.writeEndObject();
    }

    private static void conversation(Gen g, Conversation c, List<ConversationMessage> lines)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id().toString());
        g.writeStringField("number", c.number().text());
        g.writeStringField("contact", c.contact());
        g.writeStringField("contactName", c.contactName());
        g.writeStringField("requesterId", c.requesterId());
        g.writeStringField("status", c.status().name());
        g.writeStringField("ticketId", c.ticketId() == null ? null : c.ticketId().toString());
        g.writeStringField("createdAt", c.createdAt().toString());
        g.writeStringField("updatedAt", c.updatedAt().toString());
        g.writeArrayFieldStart("transcript");
        for (ConversationMessage m : lines) {
            g.writeStartObject();
            g.writeStringField("id", m.id());
            g.writeStringField("author", m.author().name());
            g.writeStringField("authorId", m.authorId());
            g.writeStringField("authorName", m.authorName());
            g.writeStringField("body", m.body());
            g.writeStringField("at", m.at().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** When a survey was sent, its state ({@code ASKED} or {@code ANSWERED}), and the answer when there is one. */
    private static void surveyAnswer(Gen g, Instant askedAt, Integer score, String comment, Instant answeredAt)
            throws IOException {
        g.writeStringField("askedAt", askedAt.toString());
        g.writeStringField("state", score == null ? "ASKED" : "ANSWERED");
        if (score == null) {
            g.writeNullField("score");
        } else {
            g.writeNumberField("score", score);
        }
        g.writeStringField("comment", comment);
        g.writeStringField("answeredAt", answeredAt == null ? null : answeredAt.toString());
    }

    /** A file's metadata as the attachment store keeps it; the bytes stay there. */
    private static void file(Gen g, AttachmentRecord f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id().toString());
        g.writeStringField("kind", f.kind().name());
        g.writeStringField("fileName", f.fileName());
        g.writeStringField("caption", f.caption());
        g.writeStringField("contentType", f.contentType());
        g.writeNumberField("sizeBytes", f.sizeBytes());
        g.writeStringField("sha256", f.sha256());
        g.writeStringField("ticketId", f.ticketId() == null ? null : f.ticketId().toString());
        g.writeStringField("conversationId", f.conversationId() == null ? null : f.conversationId().toString());
        g.writeStringField("createdAt", f.createdAt().toString());
        g.writeEndObject();
    }

    /** A notification job: what was (or is to be) sent to them, and how far its delivery got. */
    private static void notification(Gen g, Job j) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", j.key());
        g.writeStringField("state", j.state().name());
        g.writeNumberField("attempts", j.attempts());
        g.writeStringField("lastError", j.lastError());
        g.writeStringField("createdAt", j.createdAt().toString());
        g.writeStringField("finishedAt", j.finishedAt() == null ? null : j.finishedAt().toString());
        payload(g, j.payload());
        g.writeEndObject();
    }

    /** A payload as its text when it is UTF-8 (every job the desk queues is JSON), else as Base64. */
    private static void payload(Gen g, byte[] payload) throws IOException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
            g.writeStringField("payload", text);
        } catch (CharacterCodingException e) {
            g.writeStringField("payloadBase64", Base64.getEncoder().encodeToString(payload));
        }
    }

    private static void attachments(Gen g, List<Attachment> attachments) throws IOException {
        g.writeArrayFieldStart("attachments");
        for (Attachment a : attachments) {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("contentType", a.contentType());
            g.writeNumberField("sizeBytes", a.sizeBytes());
            g.writeStringField("reference", a.reference());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void actor(Gen g, String field, Actor a) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("id", a.id());
        g.writeStringField("role", a.role().name());
        g.writeStringField("name", a.displayName());
        g.writeEndObject();
    }

    private static void strings(Gen g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** The export's layout: one member or element a line. */
    private static final class Gen extends JsonWriter {
        Gen() {
            super(true);
        }
    }
}
