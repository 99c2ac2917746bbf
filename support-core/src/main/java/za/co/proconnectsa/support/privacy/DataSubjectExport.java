package za.co.proconnectsa.support.privacy;

/**
 * Everything the desk holds about one person, as one JSON document (POPIA s23), with how many records of each kind it
 * holds. The document's top-level fields: {@code subject}, {@code exportedAt}, {@code tickets} (each with its
 * attachments' metadata, {@code messages} and {@code audit}), {@code messagesElsewhere} and {@code auditElsewhere}
 * (what they wrote or did on tickets not theirs), {@code conversations} (each with its {@code transcript}),
 * {@code pendingOutbox} and {@code deadOutbox} (events of their tickets not yet delivered, or given up on),
 * {@code deliveries} (how far each line sent to them got), {@code contactIdentities} (their WhatsApp phone number,
 * business-scoped user id and username), {@code queuedJobs} (inbound messages, sends and delivery
 * reports still queued, with their payloads), {@code files} (the metadata of every file of their tickets and
 * conversations in the desk's attachment store: id, kind, file name, caption, content type, size, SHA-256, ticket,
 * conversation and time; the bytes stay in the store), {@code notifications} (every notification of their tickets,
 * e-mail, WhatsApp template or outgoing webhook, with its text and how far its delivery got),
 * {@code satisfactionSurveys} (the survey of each of their tickets: ticket, when it was sent, state {@code ASKED} or
 * {@code ANSWERED}, score, comment and when it was answered), {@code conversationSurveys} (the same of each of their
 * WhatsApp conversations closed without a ticket, with the survey's id, the conversation and the contact asked),
 * {@code agentProfiles} (their line on the agent roster when one of their ids is a support agent's: name, presence,
 * capacity and categories), {@code consent} and {@code requests}. SLA warnings and breaches of their tickets are in
 * each ticket's {@code audit}.
 *
 * @param json            the document, UTF-8 text
 * @param tickets         tickets in it
 * @param messages        ticket messages in it
 * @param auditEvents     audit entries in it
 * @param conversations   WhatsApp conversations in it
 * @param transcriptLines conversation lines in it
 * @param outboxEntries   pending outbox entries in it
 * @param deadOutboxEntries dead outbox entries in it
 * @param deliveries      delivery states in it
 * @param queuedJobs      queued jobs in it
 * @param consentEntries  consent-ledger lines in it
 * @param files           files' metadata in it
 * @param notifications   notifications in it
 * @param satisfactionSurveys surveys of their tickets in it
 * @param conversationSurveys surveys of their WhatsApp conversations in it
 * @param agentProfiles   agent-roster lines in it (0 or 1 for a person with one id)
 */
public record DataSubjectExport(String json, int tickets, int messages, int auditEvents, int conversations,
        int transcriptLines, int outboxEntries, int deadOutboxEntries, int deliveries, int queuedJobs,
        int consentEntries, int files, int notifications, int satisfactionSurveys, int conversationSurveys,
        int agentProfiles) {

    /** @return the counts, without the document */
    @Override
    public String toString() {
        return "DataSubjectExport[tickets=" + tickets + ", messages=" + messages + ", auditEvents=" + auditEvents
                + ", conversations=" + conversations + ", transcriptLines=" + transcriptLines + ", outboxEntries="
                + outboxEntries + ", deadOutboxEntries=" + deadOutboxEntries + ", deliveries=" + deliveries
                + ", queuedJobs=" + queuedJobs + ", consentEntries=" + consentEntries + ", files=" + files
                + ", notifications=" + notifications + ", satisfactionSurveys=" + satisfactionSurveys
                + ", conversationSurveys=" + conversationSurveys + ", agentProfiles=" + agentProfiles
                + ", json=" + json.length()
                + " chars]";
    }
}
