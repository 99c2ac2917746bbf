package za.co.proconnectsa.support.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.Correction;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectExport;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.privacy.DataSubjectService;
import za.co.proconnectsa.support.privacy.PurgeReport;
import za.co.proconnectsa.support.privacy.RedactionReport;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.DataSubjectRecords;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.Redaction;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Visibility;

/** The desk's {@link DataSubjectService}: access checks, then one unit of work per request on the store. */
public final class DefaultDataSubjectService implements DataSubjectService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultDataSubjectService.class);
    /** The delivery reports a status job may be keyed by ({@code STATE:providerMessageId}). */
    private static final List<String> REPORTED_STATES = List.of("SENT", "DELIVERED", "READ", "FAILED");

    private final TicketStore store;
    private final Clock clock;
    private final AccessPolicy policy;

    /**
     * @param store  the desk's store
     * @param clock  the desk's clock
     * @param policy the desk's access policy
     */
    public DefaultDataSubjectService(TicketStore store, Clock clock, AccessPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    private DataSubjectStore subjects() {
        if (store instanceof DataSubjectStore s) {
            return s;
        }
        throw new SupportException("This desk's store keeps no data-subject records (DataSubjectStore); "
                + "InMemoryTicketStore and JdbcTicketStore do");
    }

    /** The subject with every id and contact linked to them, and their records. */
    private record Resolved(DataSubject subject, DataSubjectRecords records) {
    }

    private Resolved resolve(DataSubject subject) {
        DataSubject current = subject;
        // a conversation links a contact to a requester id and back; a few rounds find every link
        for (int round = 0; round < 5; round++) {
            DataSubjectRecords records = subjects().findDataSubjectRecords(current);
            Set<String> ids = new LinkedHashSet<>();
            Set<String> contacts = new LinkedHashSet<>();
            for (Conversation c : records.conversations()) {
                ids.add(c.requesterId());
                contacts.add(c.contact());
            }
            DataSubject wider = current.with(ids, contacts);
            if (wider.equals(current)) {
                return new Resolved(current, records);
            }
            current = wider;
        }
        return new Resolved(current, subjects().findDataSubjectRecords(current));
    }

    @Override
    public DataSubjectExport export(Actor actor, DataSubject subject, String reason) {
        check(actor, Permission.MANAGE_DATA_SUBJECTS, subject, reason);
        return store.inTransaction(() -> {
            Instant now = clock.instant();
            Resolved found = resolve(subject);
            DataSubjectRecords r = found.records();
            DataSubjectJson.Extras extras = new DataSubjectJson.Extras(deliveries(r), subjects().findJobs(jobKeys(r)),
                    deadOutbox(r), identities(found.subject()));
            String json = DataSubjectJson.write(found.subject(), r, extras, now);
            DataSubjectExport export = new DataSubjectExport(json, r.tickets().size(), r.messages().size(),
                    r.auditEvents().size(), r.conversations().size(), r.conversationMessages().size(),
                    r.pendingOutbox().size(), extras.deadOutbox().size(), extras.deliveries().size(),
                    extras.jobs().size(), r.consent().size());
            subjects().appendDataSubjectRequest(new DataSubjectRequest(DataSubjectRequest.Kind.EXPORT,
                    firstId(subject), actor, reason, "tickets=" + export.tickets() + " messages=" + export.messages()
                    + " conversations=" + export.conversations() + " lines=" + export.transcriptLines(), now));
            auditOnTickets(r.tickets(), actor, DataSubjectRequest.Kind.EXPORT, now);
            return export;
        });
    }

    @Override
    public RedactionReport erase(Actor actor, DataSubject subject, String reason) {
        return pseudonymise(actor, subject, reason, DataSubjectRequest.Kind.ERASE);
    }

    @Override
    public RedactionReport anonymise(Actor actor, DataSubject subject, String reason) {
        return pseudonymise(actor, subject, reason, DataSubjectRequest.Kind.ANONYMISE);
    }

    private RedactionReport pseudonymise(Actor actor, DataSubject subject, String reason, DataSubjectRequest.Kind kind) {
        check(actor, Permission.MANAGE_DATA_SUBJECTS, subject, reason);
        String pseudonym = "erased-" + UUID.randomUUID();
        RedactionReport report = store.inTransaction(() -> {
            Resolved found = resolve(subject);
            Set<String> jobKeys = jobKeys(found.records());
            Redaction redaction = kind == DataSubjectRequest.Kind.ERASE
                    ? Redaction.erase(found.subject(), pseudonym, jobKeys)
                    : Redaction.anonymise(found.subject(), pseudonym, jobKeys);
            return apply(actor, kind, pseudonym, reason, found, redaction);
        });
        LOG.info("{} of a data subject by {}: {} tickets, {} conversations, {} rows changed, filed as {}", kind,
                actor.id(), report.tickets(), report.conversations(), report.recordsChanged(), pseudonym);
        return report;
    }

    @Override
    public RedactionReport correct(Actor actor, DataSubject subject, Correction correction, String reason) {
        check(actor, Permission.MANAGE_DATA_SUBJECTS, subject, reason);
        Checks.notNull(correction, "correction");
        return store.inTransaction(() -> {
            Resolved found = resolve(subject);
            return apply(actor, DataSubjectRequest.Kind.CORRECT, firstId(subject), reason, found,
                    Redaction.correct(found.subject(), correction));
        });
    }

    private RedactionReport apply(Actor actor, DataSubjectRequest.Kind kind, String subjectRef, String reason,
            Resolved found, Redaction redaction) {
        DataSubjectRecords r = found.records();
        int changed = subjects().redact(redaction);
        int dropped = redaction.jobKeys().isEmpty() ? 0 : subjects().dropJobs(redaction.jobKeys());
        List<String> references = new java.util.ArrayList<>();
        r.tickets().forEach(t -> t.attachments().forEach(a -> references.add(a.reference())));
        for (Message m : r.messages()) {
            for (Attachment a : m.attachments()) {
                references.add(a.reference());
            }
        }
        String outcome = "tickets=" + r.tickets().size() + " conversations=" + r.conversations().size() + " rows="
                + changed + " jobsDropped=" + dropped;
        // the reason may name the person too
        Instant now = clock.instant();
        subjects().appendDataSubjectRequest(new DataSubjectRequest(kind, subjectRef, actor,
                Text.truncate(redaction.text(reason), 500), outcome, now));
        auditOnTickets(r.tickets(), actor, kind, now);
        return new RedactionReport(subjectRef, r.tickets().size(), r.conversations().size(), changed, dropped,
                references.stream().distinct().toList());
    }

    /**
     * Adds the request to the audit trail of every ticket it touched, with an outbox entry each, so a host that keeps
     * copies of the tickets hears of it; the ticket's own fields, version and place in the change feed stay.
     */
    private void auditOnTickets(List<Ticket> tickets, Actor actor, DataSubjectRequest.Kind kind, Instant now) {
        for (Ticket t : tickets) {
            subjects().recordTicketEvents(t.id(), List.of(new AuditEvent(t.id(), actor, AuditAction.DATA_SUBJECT_REQUEST,
                    null, kind.name(), Visibility.INTERNAL, now)));
        }
    }

    private List<MessageDelivery> deliveries(DataSubjectRecords r) {
        List<MessageDelivery> out = new java.util.ArrayList<>();
        if (store instanceof ConversationStore conversations) {
            r.conversations().forEach(c -> out.addAll(conversations.conversationDeliveries(c.id())));
        }
        return out;
    }

    /** Who the person is on WhatsApp: phone number, business-scoped user id, username, once per contact. */
    private List<ContactIdentity> identities(DataSubject subject) {
        if (!(store instanceof ConversationStore conversations)) {
            return List.of();
        }
        return subject.contacts().stream().sorted().map(conversations::findContactIdentity)
                .flatMap(java.util.Optional::stream).distinct().toList();
    }

    /** Dead outbox entries of their tickets, read a page at a time. */
    private List<DeadLetter> deadOutbox(DataSubjectRecords r) {
        List<DeadLetter> out = new java.util.ArrayList<>();
        if (!(store instanceof EventOutbox outbox) || r.tickets().isEmpty()) {
            return out;
        }
        Set<String> own = new java.util.HashSet<>();
        r.tickets().forEach(t -> own.add(t.id().toString()));
        long after = 0;
        for (List<DeadLetter> page; !(page = outbox.deadLetters(after, 500)).isEmpty();) {
            page.stream().filter(d -> own.contains(d.ticketId())).forEach(out::add);
            after = page.get(page.size() - 1).id();
        }
        return out;
    }

    /** Jobs keyed by their transcript lines (inbound messages, sends) and by delivery reports of their lines. */
    private Set<String> jobKeys(DataSubjectRecords r) {
        Set<String> keys = new LinkedHashSet<>();
        for (ConversationMessage m : r.conversationMessages()) {
            keys.add(m.id());
            keys.add(Job.keyOf(m.id()));
        }
        if (store instanceof ConversationStore conversations) {
            for (Conversation c : r.conversations()) {
                for (MessageDelivery d : conversations.conversationDeliveries(c.id())) {
                    if (d.providerMessageId() != null) {
                        keys.add(d.providerMessageId());
                        for (String state : REPORTED_STATES) {
                            keys.add(Job.keyOf(state + ":" + d.providerMessageId()));
                        }
                    }
                }
            }
        }
        return keys;
    }

    @Override
    public PurgeReport purgeExpired(Actor actor, RetentionPolicy retention) {
        policy.check(Checks.notNull(actor, "actor"), Permission.MANAGE_DATA_SUBJECTS, null);
        Checks.notNull(retention, "policy");
        DataSubjectStore ds = subjects();
        Instant now = clock.instant();
        int batch = retention.batchSize();
        int tickets = 0;
        if (retention.closedTickets() != null) {
            Instant before = now.minus(retention.closedTickets());
            for (int n; (n = store.inTransaction(() -> ds.purgeClosedTickets(before, batch))) > 0;) {
                tickets += n;
            }
        }
        int conversations = 0;
        if (retention.closedConversations() != null) {
            Instant before = now.minus(retention.closedConversations());
            for (int n; (n = store.inTransaction(() -> ds.purgeClosedConversations(before, batch))) > 0;) {
                conversations += n;
            }
        }
        int processed = 0;
        if (retention.processedMessageIds() != null && store instanceof ProcessedMessageLog log) {
            processed = log.purgeProcessedBefore(now.minus(retention.processedMessageIds()));
        }
        int jobs = 0;
        if (retention.doneJobs() != null && store instanceof WorkQueue queue) {
            for (String kind : retention.jobKinds()) {
                jobs += queue.purgeDoneJobsOlderThan(kind, retention.doneJobs(), now);
            }
        }
        PurgeReport report = new PurgeReport(tickets, conversations, processed, jobs);
        LOG.info("Retention purge by {}: {} closed tickets, {} closed conversations, {} message ids, {} jobs",
                actor.id(), tickets, conversations, processed, jobs);
        return report;
    }

    @Override
    public ConsentEntry recordConsent(Actor actor, String contact, ConsentChoice choice, String source) {
        policy.check(Checks.notNull(actor, "actor"), Permission.RECORD_CONSENT, null);
        ConsentEntry entry = new ConsentEntry(contact, choice, source, actor, clock.instant());
        store.useTransaction(() -> subjects().appendConsent(entry));
        return entry;
    }

    @Override
    public List<ConsentEntry> consentHistory(Actor actor, String contact) {
        policy.check(Checks.notNull(actor, "actor"), Permission.MANAGE_DATA_SUBJECTS, null);
        return subjects().consentHistory(Text.identifier(contact, "contact"));
    }

    @Override
    public boolean mayMarketTo(String contact) {
        List<ConsentEntry> history = subjects().consentHistory(Text.identifier(contact, "contact"));
        return !history.isEmpty() && history.get(history.size() - 1).choice() == ConsentChoice.OPT_IN;
    }

    @Override
    public List<DataSubjectRequest> requests(Actor actor, int limit) {
        policy.check(Checks.notNull(actor, "actor"), Permission.MANAGE_DATA_SUBJECTS, null);
        return subjects().dataSubjectRequests(Checks.between(limit, 1, 1000, "limit"));
    }

    private void check(Actor actor, Permission permission, DataSubject subject, String reason) {
        policy.check(Checks.notNull(actor, "actor"), permission, null);
        Checks.notNull(subject, "subject");
        Text.text(reason, "reason", 500);
        subjects();
    }

    private static String firstId(DataSubject subject) {
        return subject.requesterIds().stream().sorted().findFirst().orElseThrow();
    }
}
