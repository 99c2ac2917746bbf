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
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.ConversationSurveyStore;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationService;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.ticket.TicketId;
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
    /** The delivery detail of a line whose queued send an erasure or anonymisation stopped. */
    static final String ERASED_UNSENT = "Not sent: the data of the person it was addressed to was erased";
    /** The last error of the jobs an erasure or anonymisation emptied before they ran. */
    static final String ERASED_JOB = "Emptied: the data of the person it was about was erased";

    private final TicketStore store;
    private final Clock clock;
    private final AccessPolicy policy;
    private final AttachmentStore attachments;

    /**
     * @param store       the desk's store
     * @param clock       the desk's clock
     * @param policy      the desk's access policy
     * @param attachments where the desk's files are kept, or {@code null} when it keeps none
     */
    public DefaultDataSubjectService(TicketStore store, Clock clock, AccessPolicy policy, AttachmentStore attachments) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.attachments = attachments;
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
                    identities(found.subject()), files(r), notificationJobs(r), surveys(r), conversationSurveys(r),
                    agents(found.subject()));
            String json = DataSubjectJson.write(found.subject(), r, extras, now);
            DataSubjectExport export = new DataSubjectExport(json, r.tickets().size(), r.messages().size(),
                    r.auditEvents().size(), r.conversations().size(), r.conversationMessages().size(),
                    r.pendingOutbox().size(), r.deadOutbox().size(), extras.deliveries().size(),
                    extras.jobs().size(), r.consent().size(), extras.files().size(), extras.notifications().size(),
                    extras.surveys().size(), extras.conversationSurveys().size(), extras.agents().size());
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
        LOG.info("{} of a data subject by {}: {} tickets, {} conversations, {} rows changed, {} files to delete, "
                + "filed as {}", kind, actor.id(), report.tickets(), report.conversations(), report.recordsChanged(),
                report.filesQueued(), pseudonym);
        deleteQueuedFilesNow(report.filesQueued());
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
        List<AttachmentRecord> files = redaction.pseudonymises() ? files(r) : List.of();
        List<Job> notifications = notificationJobs(r);
        List<MessageDelivery> queued = redaction.pseudonymises() ? deliveries(r).stream()
                .filter(d -> d.state() == MessageDelivery.State.QUEUED).toList() : List.of();
        int changed = subjects().redact(redaction);
        // their jobs keep their keys (a redelivered webhook stays a duplicate) and lose their payloads; a send still
        // queued to them, found by its transcript line, is not sent: its address is a pseudonym now
        Set<String> lines = new LinkedHashSet<>();
        if (redaction.pseudonymises()) {
            r.conversationMessages().forEach(m -> lines.add(m.id()));
        }
        int dropped = redaction.jobKeys().isEmpty() && lines.isEmpty() ? 0
                : subjects().emptyJobs(redaction.jobKeys(), lines, ERASED_JOB, clock.instant());
        if (store instanceof ConversationStore conversations) {
            Instant at = clock.instant();
            queued.forEach(d -> conversations.recordDelivery(new MessageDelivery(d.messageId(),
                    MessageDelivery.State.FAILED, null, ERASED_UNSENT, at)));
        }
        changed += subjects().rewriteJobs(redactedNotifications(notifications, r, redaction));
        changed += redactRoster(found.subject(), redaction);
        // the files go by a durable job queued in this unit: a crash after the commit loses no deletion
        Instant queuedAt = clock.instant();
        files.forEach(f -> queueFileDeletion(f.id(), queuedAt));
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
                references.stream().distinct().toList(), files.size());
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

    /**
     * Their lines on the agent roster keep the agent id (assignments and figures still add up) and lose the name; a
     * correction corrects it.
     */
    private int redactRoster(DataSubject subject, Redaction redaction) {
        if (!(store instanceof AgentRoster roster)) {
            return 0;
        }
        int n = 0;
        for (Agent a : agents(subject)) {
            String name = redaction.name(a.displayName());
            if (!name.equals(a.displayName())) {
                roster.saveAgent(new Agent(a.id(), name, a.presence(), a.capacity(), a.categories()));
                n++;
            }
        }
        return n;
    }

    private List<MessageDelivery> deliveries(DataSubjectRecords r) {
        List<MessageDelivery> out = new java.util.ArrayList<>();
        if (store instanceof ConversationStore conversations) {
            r.conversations().forEach(c -> out.addAll(conversations.conversationDeliveries(c.id())));
        }
        return out;
    }

    /** The satisfaction surveys of their tickets, in the tickets' order. */
    private List<SatisfactionSurvey> surveys(DataSubjectRecords r) {
        if (!(store instanceof SatisfactionStore surveys)) {
            return List.of();
        }
        return r.tickets().stream().map(t -> surveys.findSurvey(t.id())).flatMap(java.util.Optional::stream).toList();
    }

    /** The satisfaction surveys of their conversations (those closed without a ticket), in the conversations' order. */
    private List<ConversationSurvey> conversationSurveys(DataSubjectRecords r) {
        if (!(store instanceof ConversationSurveyStore surveys)) {
            return List.of();
        }
        return r.conversations().stream().map(c -> surveys.findConversationSurveyOf(c.id()))
                .flatMap(java.util.Optional::stream).toList();
    }

    /** Their lines on the agent roster, when one of their ids is an agent's (support staff are data subjects too). */
    private List<Agent> agents(DataSubject subject) {
        if (!(store instanceof AgentRoster roster)) {
            return List.of();
        }
        return subject.requesterIds().stream().sorted().map(roster::findAgent).flatMap(java.util.Optional::stream)
                .toList();
    }

    /** Who the person is on WhatsApp: phone number, business-scoped user id, username, once per contact. */
    private List<ContactIdentity> identities(DataSubject subject) {
        if (!(store instanceof ConversationStore conversations)) {
            return List.of();
        }
        return subject.contacts().stream().sorted().map(conversations::findContactIdentity)
                .flatMap(java.util.Optional::stream).distinct().toList();
    }

    /**
     * The files of their tickets and conversations in the desk's attachment store, once each, oldest first. A file
     * sent in a conversation that became a ticket carries both ids.
     */
    private List<AttachmentRecord> files(DataSubjectRecords r) {
        if (attachments == null) {
            return List.of();
        }
        java.util.Map<UUID, AttachmentRecord> found = new java.util.LinkedHashMap<>();
        r.tickets().forEach(t -> attachments.byTicket(t.id()).forEach(a -> found.putIfAbsent(a.id(), a)));
        r.conversations().forEach(c -> attachments.byConversation(c.id()).forEach(a -> found.putIfAbsent(a.id(), a)));
        return found.values().stream().sorted(java.util.Comparator.comparing(AttachmentRecord::createdAt)
                .thenComparing(AttachmentRecord::id)).toList();
    }

    private void queueFileDeletion(UUID file, Instant at) {
        queue().enqueueJob(FILE_DELETION_KIND, Job.keyOf("file:" + file), file.toString()
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII), at);
    }

    private WorkQueue queue() {
        if (store instanceof WorkQueue q) {
            return q;
        }
        throw new SupportException("Deleting files needs a store with a job queue (WorkQueue), such as "
                + "InMemoryTicketStore or JdbcTicketStore");
    }

    @Override
    public JobWorker.Builder fileDeletionWorker() {
        return JobWorker.builder(store, queue(), FILE_DELETION_KIND, this::deleteFile).clock(clock);
    }

    /** Deletes one file; a file already gone is done too, so a job run again after a crash changes nothing. */
    private void deleteFile(Job job) {
        UUID id;
        try {
            id = UUID.fromString(new String(job.payload(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw za.co.proconnectsa.support.InvalidInputException.of("payload", "is not a file id");
        }
        if (attachments == null) {
            throw new za.co.proconnectsa.support.queue.AbandonJobException("the desk was built without an attachment "
                    + "store; set SupportDesk.Builder.attachments to the store the files are in");
        }
        boolean deleted = attachments.delete(id);
        LOG.debug("File {} of a data subject {}", id, deleted ? "deleted" : "was deleted before");
    }

    /**
     * Runs the deletions just queued at once, so that the files are gone when the request returns; a failure here
     * leaves the jobs for the file-deletion worker, which tries them again.
     */
    private void deleteQueuedFilesNow(int queued) {
        if (queued == 0) {
            return;
        }
        try (JobWorker worker = fileDeletionWorker().build()) {
            for (int round = 0; round < 100 && worker.runOnce() > 0; round++) {
                // each round deletes one batch
            }
        } catch (SupportException e) {
            LOG.warn("Files of a data subject are queued for deletion but could not be deleted now ({}); the "
                    + "file-deletion worker will", e.getClass().getSimpleName());
        }
    }

    /**
     * Notifications of their tickets, keyed by their causes: received, each reply, each resolution (one per stored
     * version), the survey.
     */
    private List<Job> notificationJobs(DataSubjectRecords r) {
        if (r.tickets().isEmpty()) {
            return List.of();
        }
        java.util.Map<TicketId, List<UUID>> replies = new java.util.HashMap<>();
        r.messages().forEach(m -> replies.computeIfAbsent(m.ticketId(), k -> new java.util.ArrayList<>()).add(m.id()));
        Set<String> keys = new LinkedHashSet<>();
        for (Ticket t : r.tickets()) {
            keys.addAll(DataSubjectStore.notificationJobKeys(t.id(), t.version(), replies.getOrDefault(t.id(), List.of())));
        }
        // a reply they wrote on a ticket not theirs was notified to its requester in their words
        Set<TicketId> own = new java.util.HashSet<>(r.tickets().stream().map(Ticket::id).toList());
        r.messages().stream().filter(m -> !own.contains(m.ticketId()))
                .forEach(m -> keys.add(Job.keyOf("notify:replied:" + m.id())));
        return subjects().findJobs(keys).stream().filter(j -> NotificationService.KIND.equals(j.kind())).toList();
    }

    /** Their notifications with the person's words and identifiers redacted, as the erasure rewrites them. */
    private List<Job> redactedNotifications(List<Job> jobs, DataSubjectRecords r, Redaction redaction) {
        // what they wrote appears verbatim in a notification ("received: <subject>"): rewritten as their own text
        java.util.Map<String, String> theirWords = new java.util.LinkedHashMap<>();
        r.tickets().forEach(t -> theirWords.put(t.subject(), redaction.authored(t.subject())));
        r.messages().stream().filter(m -> redaction.isSubject(m.author().id()))
                .forEach(m -> theirWords.put(m.body(), redaction.authored(m.body())));
        List<Job> out = new java.util.ArrayList<>();
        for (Job j : jobs) {
            Notification n;
            try {
                n = NotificationJson.decode(j.payload());
            } catch (za.co.proconnectsa.support.InvalidInputException unreadable) {
                LOG.warn("Notification job {} is not one this version reads; its payload is left as it is", j.id());
                continue;
            }
            Notification next = new Notification(n.key(), n.type(), n.channel(), n.ticketNumber(),
                    redaction.requesterId(n.requesterId()), n.locale(), rewrite(n.subject(), theirWords, redaction),
                    rewrite(n.text(), theirWords, redaction), n.link(), n.createdAt());
            out.add(new Job(j.id(), j.kind(), j.key(), NotificationJson.encode(next), j.state(), j.attempts(),
                    j.createdAt(), j.finishedAt(), redaction.text(j.lastError())));
        }
        return out;
    }

    private static String rewrite(String text, java.util.Map<String, String> theirWords, Redaction redaction) {
        String out = text;
        for (java.util.Map.Entry<String, String> e : theirWords.entrySet()) {
            if (!e.getKey().isEmpty()) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return redaction.text(out);
    }

    /** Jobs keyed by their transcript lines (inbound messages, sends) and by delivery reports of their lines. */
    private Set<String> jobKeys(DataSubjectRecords r) {
        Set<String> keys = new LinkedHashSet<>();
        for (ConversationMessage m : r.conversationMessages()) {
            keys.addAll(DataSubjectStore.transcriptJobKeys(m.id(), null));
        }
        for (MessageDelivery d : deliveries(r)) {
            keys.addAll(DataSubjectStore.transcriptJobKeys(d.messageId(), d.providerMessageId()));
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
        // counted when the unit that queued them commits
        java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        int tickets = 0;
        if (retention.closedTickets() != null) {
            Instant before = now.minus(retention.closedTickets());
            for (int n; (n = store.inTransaction(() -> {
                List<TicketId> purged = ds.purgeClosedTickets(before, batch, clock.instant());
                purged.forEach(id -> queueFilesOf(attachments == null ? List.of() : attachments.byTicket(id)
                        .stream().filter(a -> a.conversationId() == null).toList(), files));
                return purged.size();
            })) > 0;) {
                tickets += n;
            }
        }
        int conversations = 0;
        if (retention.closedConversations() != null) {
            Instant before = now.minus(retention.closedConversations());
            for (int n; (n = store.inTransaction(() -> {
                List<UUID> purged = ds.purgeClosedConversations(before, batch, clock.instant());
                purged.forEach(id -> queueFilesOf(attachments == null ? List.of() : attachments.byConversation(id), files));
                return purged.size();
            })) > 0;) {
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
        PurgeReport report = new PurgeReport(tickets, conversations, processed, jobs, files.get());
        LOG.info("Retention purge by {}: {} closed tickets, {} closed conversations, {} message ids, {} jobs, {} files"
                + " queued for deletion", actor.id(), tickets, conversations, processed, jobs, files.get());
        deleteQueuedFilesNow(files.get());
        return report;
    }

    /** Queues the deletion of files in the purge's unit of work. */
    private void queueFilesOf(List<AttachmentRecord> files, java.util.concurrent.atomic.AtomicInteger count) {
        Instant at = clock.instant();
        files.forEach(f -> queueFileDeletion(f.id(), at));
        count.addAndGet(files.size());
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
