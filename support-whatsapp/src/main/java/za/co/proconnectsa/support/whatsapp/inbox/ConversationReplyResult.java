package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.Optional;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;

/**
 * What became of an agent's answer in a WhatsApp conversation when it was given: queued (then follow
 * {@link #transcriptMessageId()} with {@link WhatsAppInbox#delivery}), or refused at once, with why.
 *
 * @param delivery            whether and how it was queued
 * @param transcriptMessageId the transcript line that records it, or {@code null} when nothing was queued
 * @param refusal             why nothing was queued ({@code RequiresTemplate} when the 24-hour window is closed,
 *                            {@code Failed} when the contact has no phone number), or {@code null}
 */
public record ConversationReplyResult(ReplyDelivery delivery, String transcriptMessageId, SendOutcome refusal) {

    /**
     * Checks the required components.
     *
     * @param delivery whether and how it was queued
     * @param transcriptMessageId the transcript line that records it, or {@code null} when nothing was queued
     * @param refusal why nothing was queued ({@code RequiresTemplate} when the 24-hour window is closed, {@code Failed} when the contact has no phone number), or {@code null}
     */
    public ConversationReplyResult {
        Checks.notNull(delivery, "delivery");
    }

    /** @return the transcript line whose delivery follows the answer, when it was queued */
    public Optional<String> transcriptLine() {
        return Optional.ofNullable(transcriptMessageId);
    }
}
