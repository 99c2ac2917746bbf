package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * What a store needs for the rights of data subjects: reading and rewriting everything linked to one person,
 * deleting records past their retention, the marketing-consent ledger and the trail of data-subject requests; each
 * request is also added to the audit trail of every ticket it touched ({@link TicketEventRecorder}). The
 * in-memory and JDBC stores implement it; a host's store proves it with {@code DataSubjectContract} from
 * {@code support-testing}. Every method takes part in the caller's unit of work ({@link UnitOfWork}).
 */
public interface DataSubjectStore extends TicketEventRecorder {

    /**
     * @param subject the person: records filed under any of their requester ids or held with any of their contacts
     * @return what the store holds about them
     */
    DataSubjectRecords findDataSubjectRecords(DataSubject subject);

    /**
     * Rewrites every record linked to the redaction's subject, as {@link Redaction} says for each kind of field. Rows
     * are updated in place: nothing is deleted. The jobs it names are emptied by the caller, in the same unit
     * ({@link #emptyJobs}).
     *
     * @param redaction what to rewrite and how
     * @return how many rows changed, jobs not included
     */
    int redact(Redaction redaction);

    /**
     * @param keys job keys
     * @return the jobs with one of these keys, of any kind and in any state, by id (for an export: a queued inbound
     *         message or send holds the person's words until it is done)
     */
    List<Job> findJobs(java.util.Set<String> keys);

    /**
     * @param keys job keys
     * @return how many jobs with one of these keys (any kind, any state) were deleted
     */
    int dropJobs(java.util.Set<String> keys);

    /**
     * Empties the jobs that hold a person's words or number, found by key (any kind) or by the record they are about
     * ({@link WorkQueue#enqueueJob(String, String, byte[], Instant, String)}): each row and its key are kept, so a
     * webhook Meta delivers again, or a cause retried, is still recognised as one already seen, but its payload
     * becomes empty and a job still pending or dead becomes done, at {@code now} and with {@code note} as its last
     * error, so that no worker runs it and nobody can retry it (a done job keeps its time and loses its last error).
     * A worker holding one loses its claim: its completion fails and its unit rolls back.
     *
     * @param keys  job keys
     * @param about records jobs may be about (transcript line ids)
     * @param note  why, for the jobs this finishes, without personal data
     * @param now   when
     * @return how many jobs were emptied
     */
    int emptyJobs(Set<String> keys, Set<String> about, String note, Instant now);

    /**
     * The keys of the jobs that hold one transcript line's words or number, in any state: the inbound webhook message
     * and its media download (keyed by the line id, which is the channel's message id, as it is and as
     * {@link Job#keyOf} makes it), and the channel's delivery reports on a sent line (one per reported state, keyed
     * {@code STATE:providerMessageId}). A send is found by the line it is about instead.
     *
     * @param lineId            the line ({@link za.co.proconnectsa.support.conversation.ConversationMessage#id()})
     * @param providerMessageId the channel's id for the sent line, or {@code null}
     * @return the keys
     */
    static Set<String> transcriptJobKeys(String lineId, String providerMessageId) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(lineId);
        keys.add(Job.keyOf(lineId));
        if (providerMessageId != null) {
            keys.add(providerMessageId);
            for (String state : List.of("SENT", "DELIVERED", "READ", "FAILED")) {
                keys.add(Job.keyOf(state + ":" + providerMessageId));
            }
        }
        return keys;
    }

    /**
     * Replaces the payload and the last error of jobs, found by their ids; kind, key, state, attempts and times stay.
     * An erasure rewrites this way the notifications queued or sent to the person, so the delivery log keeps its
     * lines without their words.
     *
     * @param jobs the jobs with their new payloads and last errors
     * @return how many jobs were rewritten
     */
    int rewriteJobs(List<Job> jobs);

    /**
     * Deletes up to {@code max} CLOSED tickets last changed before a time, with their messages, attachments, audit
     * entries, idempotency keys, SLA rows, satisfaction surveys and outbox entries, and the jobs of their notifications
     * in any state, pending, dead or done, so that no worker sends the ticket's words after the unit commits: the jobs
     * of any kind with one of the keys {@link #notificationJobKeys} gives for the ticket; a conversation joined to one
     * keeps its transcript and
     * loses the link. A transcript line still {@code QUEUED} whose send is among the jobs deleted (the send is about
     * the line) is marked {@code FAILED} at {@code now}, with {@link #PURGED_UNSENT} as its detail. Rows another unit
     * holds are skipped, never waited for, so purgers on several instances share the work.
     *
     * @param before last changed before this
     * @param max    at most this many tickets, 1 to 1000
     * @param now    the purge's time, for the lines it marks
     * @return the ids of the tickets deleted (the caller queues the deletion of their files in the same unit)
     */
    List<TicketId> purgeClosedTickets(Instant before, int max, Instant now);

    /** The delivery detail of a transcript line whose queued send a retention purge deleted with its ticket. */
    String PURGED_UNSENT = "Not sent: the ticket it was about was deleted by a retention purge";

    /** The last error of the jobs a retention purge of their conversation emptied. */
    String PURGED_JOB = "Emptied: its conversation was deleted by a retention purge";

    /**
     * The keys of the jobs the desk queues about a ticket's notifications to its requester, in any state: the
     * notifications themselves ({@code notify:received:<ticket id>}, {@code notify:survey:<ticket id>},
     * {@code notify:resolved:<ticket id>:<v>} for every {@code v} from 1 to one past the ticket's version,
     * {@code notify:replied:<message id>} for each of its messages) and the WhatsApp sends they became (each of these
     * keys with one more {@code notify:} before it). {@link #purgeClosedTickets} deletes the jobs with these keys, of
     * any kind, in the unit that deletes the ticket; a data-subject export finds the ticket's notifications by them.
     *
     * @param ticket     the ticket
     * @param version    its stored version (each resolution is keyed by the version it made)
     * @param messageIds the ids of its messages (each reply is keyed by its message)
     * @return the keys
     */
    static Set<String> notificationJobKeys(TicketId ticket, long version, Collection<UUID> messageIds) {
        Set<String> causes = new LinkedHashSet<>();
        causes.add("received:" + ticket);
        causes.add("survey:" + ticket);
        for (long v = 1; v <= version + 1; v++) {
            causes.add("resolved:" + ticket + ":" + v);
        }
        messageIds.forEach(m -> causes.add("replied:" + m));
        Set<String> keys = new LinkedHashSet<>();
        for (String cause : causes) {
            String key = Job.keyOf("notify:" + cause);
            keys.add(key);
            // the WhatsApp sender queues its send under "notify:" and the notification's key
            keys.add(Job.keyOf("notify:" + key));
        }
        return keys;
    }

    /**
     * Deletes up to {@code max} CLOSED conversations last changed before a time, with their transcripts and their
     * satisfaction surveys, skipping rows another unit holds. The jobs of their lines are emptied in the same unit
     * ({@link #emptyJobs} with the keys {@link #transcriptJobKeys} gives for each line, the lines as the records the
     * jobs are about, {@link #PURGED_JOB} as the note): the webhook bodies of their inbound messages and delivery
     * reports and the payloads of their sends go, the keys stay until the done jobs' own retention, so a webhook
     * delivered again is still a duplicate.
     *
     * @param before last changed before this
     * @param max    at most this many, 1 to 1000
     * @param now    the purge's time, for the jobs it finishes
     * @return the ids of the conversations deleted (the caller queues the deletion of their files in the same unit)
     */
    List<java.util.UUID> purgeClosedConversations(Instant before, int max, Instant now);

    /**
     * Appends a line to the consent ledger.
     *
     * @param entry the line
     */
    void appendConsent(ConsentEntry entry);

    /**
     * @param contact a contact
     * @return its ledger lines, oldest first (by time, then in the order appended)
     */
    List<ConsentEntry> consentHistory(String contact);

    /**
     * Appends a request to the trail of data-subject requests.
     *
     * @param request the request
     */
    void appendDataSubjectRequest(DataSubjectRequest request);

    /**
     * @param limit at most this many, 1 to 1000
     * @return the latest requests, newest first
     */
    List<DataSubjectRequest> dataSubjectRequests(int limit);
}
