package za.co.proconnectsa.support.privacy;

import java.util.List;
import za.co.proconnectsa.support.access.Actor;

/**
 * The rights of data subjects (POPIA), from {@link za.co.proconnectsa.support.SupportDesk#dataSubjects()}. Every
 * method but {@link #mayMarketTo} checks the actor against the desk's access policy: data-subject requests and
 * purges need {@link za.co.proconnectsa.support.access.Permission#MANAGE_DATA_SUBJECTS} (admins), recording consent
 * {@link za.co.proconnectsa.support.access.Permission#RECORD_CONSENT} (agents and admins). Each request is one unit of
 * work and is recorded in the trail of requests ({@link #requests}).
 *
 * <p>Files: the desk reaches the files of a person's tickets and WhatsApp conversations through the attachment store
 * it was built with ({@link za.co.proconnectsa.support.SupportDesk.Builder#attachments}; the WhatsApp inbox keeps its
 * media there too). An export lists their metadata; an erasure or anonymisation, and a retention purge, queue one
 * deletion job per file in the same unit of work as the records they rewrite or delete, then run the jobs at once. A
 * file that cannot be deleted then (the store is down, the process ends) stays queued: run
 * {@link #fileDeletionWorker()} beside the desk's other workers and it is deleted later, once. Files the host keeps
 * itself and names by a reference on a ticket ({@link za.co.proconnectsa.support.ticket.Attachment}) are the host's
 * to delete ({@link RedactionReport#attachmentReferences()}).
 *
 * <pre>{@code
 * DataSubjectService subjects = desk.dataSubjects();
 * DataSubject thandi = DataSubject.builder("provider-17").whatsApp("27821234567").name("Thandi Nkosi").build();
 * String json = subjects.export(admin, thandi, "access request by e-mail").json();
 * RedactionReport erased = subjects.erase(admin, thandi, "erasure request of 3 March");
 * }</pre>
 */
public interface DataSubjectService {

    /** The job kind file deletions wait under in the store's queue ({@link #fileDeletionWorker()} runs them). */
    String FILE_DELETION_KIND = "privacy.file-delete";

    /**
     * Exports everything held about a person: their tickets with attachments' metadata, messages and audit entries,
     * their WhatsApp conversations with transcripts, pending and dead outbox entries of their tickets, the metadata of
     * their files in the desk's attachment store, the notifications of their tickets with their delivery state, the
     * satisfaction surveys of their tickets and WhatsApp conversations, their agent-roster line when they are an
     * agent, their consent-ledger lines and earlier requests about them ({@link DataSubjectExport} lists the
     * document's parts).
     *
     * @param actor   an admin
     * @param subject the person
     * @param reason  why (recorded), 1 to 500 characters
     * @return the document
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor may not
     */
    DataSubjectExport export(Actor actor, DataSubject subject, String reason);

    /**
     * Erases a person: their requester ids and contacts become one pseudonym, their names {@code [erased]}, the text
     * they wrote (ticket subjects and descriptions, their messages and WhatsApp lines, attachment names)
     * {@code [erased]}, and their names, phone numbers and e-mail addresses in any other text of their records
     * ({@code [name]}, {@code [phone]}, {@code [e-mail]}). Audit entries are kept with redacted values; nothing is
     * deleted, so counts and totals stay. Notifications of their
     * tickets (e-mail, WhatsApp template, outgoing webhook) keep their place in the delivery log with the same text
     * rewritten. Their files in the desk's attachment store are deleted through durable jobs queued in the same unit
     * of work (the file names kept in the JDBC store's tables are rewritten in it too). Their conversations stop
     * being anyone's active conversation.
     *
     * <p>Jobs that hold their words or number are emptied in the same unit of work, whatever their state: the
     * inbound WhatsApp messages and delivery reports of their conversations (the webhook bodies) and every WhatsApp
     * send to them, found by the transcript line it records. Each job keeps its row and key, so Meta delivering one
     * of their webhooks again is still recognised as a duplicate and nothing of it comes back; a job not yet run is
     * finished without running. A WhatsApp message still queued to them is therefore not sent, rather than sent with
     * its text redacted (their number is a pseudonym now, and a redacted message would tell them nothing): its
     * transcript line is marked {@link za.co.proconnectsa.support.conversation.MessageDelivery.State#FAILED} with a
     * detail saying it was not sent because their data was erased. A send a worker had already handed to WhatsApp
     * before the erasure committed may still arrive. Sends to other contacts are left as they are.
     *
     * <p>A person may be an agent: the line of the agent roster under one of their ids keeps its id, presence,
     * capacity and categories (assignments and figures still add up) and its name becomes {@code [erased]}.
     *
     * @param actor   an admin
     * @param subject the person
     * @param reason  why (recorded), 1 to 500 characters
     * @return what changed
     */
    RedactionReport erase(Actor actor, DataSubject subject, String reason);

    /**
     * Like {@link #erase}, but the text they wrote is kept with their names, phone numbers and e-mail addresses
     * replaced, so what they asked about still counts in analytics. Their files are deleted as on an erasure: a
     * photo or a document cannot be anonymised by rewriting text. Their jobs are emptied, their queued WhatsApp
     * messages not sent, and their agent-roster name taken off, as on an erasure.
     *
     * @param actor   an admin
     * @param subject the person
     * @param reason  why (recorded), 1 to 500 characters
     * @return what changed
     */
    RedactionReport anonymise(Actor actor, DataSubject subject, String reason);

    /**
     * Corrects values in every record linked to a person, in name fields and free text.
     *
     * @param actor      an admin
     * @param subject    the person
     * @param correction the old and new values
     * @param reason     why (recorded), 1 to 500 characters
     * @return what changed
     */
    RedactionReport correct(Actor actor, DataSubject subject, Correction correction, String reason);

    /**
     * Deletes records past their retention, in bounded batches, each batch one unit of work that claims its rows
     * ({@code FOR UPDATE SKIP LOCKED} on the JDBC store), so several instances may run it at once and each record is
     * deleted once. A closed ticket goes with everything that belongs to it; a conversation that was escalated to it
     * keeps its transcript and loses the link. The files of a deleted ticket (those not sent in a conversation) and of
     * a deleted conversation are deleted through jobs queued in the batch's unit of work.
     *
     * <p>What was queued to go out about a deleted ticket goes with it, in the same unit of work: its outbox entries
     * (ticket events for the outbox relay) and its notifications to the requester (e-mail, WhatsApp, outgoing
     * webhook), pending, dead or already sent, with the WhatsApp sends they became, are deleted rather than
     * redacted, so no worker sends its words later (no dead one is left to
     * {@link za.co.proconnectsa.support.notify.NotificationService#retry}), and the delivery log keeps nothing of it. A notification a worker claimed before the purge committed is not sent either: the
     * worker finds its ticket gone. A WhatsApp send deleted this way that had not gone out leaves its transcript line
     * (the conversation is kept) marked
     * {@link za.co.proconnectsa.support.conversation.MessageDelivery.State#FAILED}, with a detail saying the ticket
     * was deleted by a retention purge, in the same unit of work, rather than queued for ever.
     *
     * <p>A deleted conversation takes its satisfaction survey with it, and the WhatsApp
     * inbox's sender sends nothing still queued for it. The jobs of its lines (the webhook bodies of its inbound
     * messages and delivery reports, its sends) are emptied in the batch's unit of work but kept with their keys until
     * the done jobs' own retention ({@link RetentionPolicy#doneJobs()}), so a webhook Meta delivers again within its
     * 7 days is still a duplicate and does not bring the deleted message back. Notifications, events and sends of
     * other tickets and conversations are left as they are.
     *
     * @param actor  an admin (or the host's system actor with that role)
     * @param policy the periods
     * @return what this run deleted
     */
    PurgeReport purgeExpired(Actor actor, RetentionPolicy policy);

    /**
     * The worker that deletes files queued by erasures, anonymisations and purges: start it beside the desk's other
     * workers ({@code fileDeletionWorker().build().start()}), so that a deletion that failed when it was queued is
     * tried again. Each job deletes one file; a file already gone counts as deleted, so a job run again after a crash
     * changes nothing.
     *
     * <pre>{@code
     * JobWorker files = desk.dataSubjects().fileDeletionWorker().build().start();
     * }</pre>
     *
     * @return a builder of the worker, on the desk's store and clock
     * @throws za.co.proconnectsa.support.SupportException when the desk's store has no job queue
     */
    za.co.proconnectsa.support.queue.JobWorker.Builder fileDeletionWorker();

    /**
     * Appends a line to the marketing-consent ledger.
     *
     * @param actor   an agent or admin recording what the contact said
     * @param contact the contact's WhatsApp id (digits)
     * @param choice  opt-in or opt-out
     * @param source  where it was given, 1 to 200 characters
     * @return the line as stored
     */
    ConsentEntry recordConsent(Actor actor, String contact, ConsentChoice choice, String source);

    /**
     * @param actor   an admin
     * @param contact the contact's WhatsApp id
     * @return the contact's ledger, oldest first
     */
    List<ConsentEntry> consentHistory(Actor actor, String contact);

    /**
     * The check to make before sending a contact any marketing message (a WhatsApp template of Meta's MARKETING
     * category, a newsletter): true only when the contact's latest ledger line is an opt-in. Service messages (answers,
     * ticket updates) need no consent. Not an actor's request: the sender asks it, and learns only yes or no.
     *
     * @param contact the contact's WhatsApp id
     * @return whether marketing may be sent now
     */
    boolean mayMarketTo(String contact);

    /**
     * @param actor an admin
     * @param limit at most this many, 1 to 1000
     * @return the latest requests about data subjects, newest first
     */
    List<DataSubjectRequest> requests(Actor actor, int limit);
}
