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
 * <pre>{@code
 * DataSubjectService subjects = desk.dataSubjects();
 * DataSubject thandi = DataSubject.builder("provider-17").whatsApp("27821234567").name("Thandi Nkosi").build();
 * String json = subjects.export(admin, thandi, "access request by e-mail").json();
 * RedactionReport erased = subjects.erase(admin, thandi, "erasure request of 3 March");
 * }</pre>
 */
public interface DataSubjectService {

    /**
     * Exports everything held about a person: their tickets with attachments' metadata, messages and audit entries,
     * their WhatsApp conversations with transcripts, pending outbox entries of their tickets, their consent-ledger lines
     * and earlier requests about them.
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
     * deleted but the queued jobs holding their raw messages, so counts and totals stay. Their conversations stop
     * being anyone's active conversation.
     *
     * @param actor   an admin
     * @param subject the person
     * @param reason  why (recorded), 1 to 500 characters
     * @return what changed
     */
    RedactionReport erase(Actor actor, DataSubject subject, String reason);

    /**
     * Like {@link #erase}, but the text they wrote is kept with their names, phone numbers and e-mail addresses
     * replaced, so what they asked about still counts in analytics.
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
     * keeps its transcript and loses the link.
     *
     * @param actor  an admin (or the host's system actor with that role)
     * @param policy the periods
     * @return what this run deleted
     */
    PurgeReport purgeExpired(Actor actor, RetentionPolicy policy);

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
