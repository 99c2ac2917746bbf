package za.co.proconnectsa.support.privacy;

/**
 * Everything the desk holds about one person, as one JSON document (POPIA s23), with how many records of each kind it
 * holds. The document's top-level fields: {@code subject}, {@code exportedAt}, {@code tickets} (each with its
 * attachments' metadata, {@code messages} and {@code audit}), {@code conversations} (each with its {@code transcript}),
 * {@code pendingOutbox}, {@code consent} and {@code requests}.
 *
 * @param json          the document, UTF-8 text
 * @param tickets       tickets in it
 * @param messages      ticket messages in it
 * @param auditEvents   audit entries in it
 * @param conversations WhatsApp conversations in it
 * @param transcriptLines conversation lines in it
 * @param outboxEntries pending outbox entries in it
 * @param consentEntries consent-ledger lines in it
 */
public record DataSubjectExport(String json, int tickets, int messages, int auditEvents, int conversations,
        int transcriptLines, int outboxEntries, int consentEntries) {
}
