package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.Optional;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.ticket.TicketNumber;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.automation.AutoReply;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;

/**
 * What {@link WhatsAppInbox#ingest} did with one inbound message.
 *
 * @param outcome      where the message went
 * @param conversation the conversation it joined, as stored after the message
 * @param ticketNumber the ticket it reached (escalated, joined or added to), or {@code null}
 * @param autoReply    what the auto-responder decided, or {@code null} when it was not asked (the message reached a
 *                     ticket, or was a repeat)
 * @param sent         what became of the text sent back (auto-reply, escalation or joined notice), or {@code null}
 *                     when nothing was sent or the text was queued for {@link WhatsAppInbox#sendWorker()} (the
 *                     store keeps a job queue: the in-memory and JDBC stores do)
 */
public record InboundResult(Outcome outcome, Conversation conversation, TicketNumber ticketNumber, AutoReply autoReply,
        SendOutcome sent) {

    /** Where a message went. */
    public enum Outcome {
        /** Recorded in an OPEN conversation; nobody answered automatically, an agent will. */
        WAITING_FOR_AGENT,
        /** Recorded, and the auto-responder answered (FAQ or out of hours). */
        AUTO_REPLIED,
        /** Recorded, and the routing rules made the conversation a ticket; its number was sent back. */
        ESCALATED,
        /** The message named the contact's own ticket with a reference code: it was added to that ticket. */
        JOINED_TICKET,
        /** The conversation was already a ticket: the message was added to the ticket as the customer's reply. */
        ADDED_TO_TICKET,
        /** The message was already recorded (a redelivery); nothing was done again. */
        DUPLICATE,
        /**
         * A tap on a reply button of a satisfaction survey: recorded in the conversation, and as the survey's answer
         * unless the survey was answered already (a repeated tap counts once); the ticket is not reopened.
         */
        SURVEY_ANSWERED
    }

    /**
     * Checks the required components.
     *
     * @param outcome where the message went
     * @param conversation the conversation it joined, as stored after the message
     * @param ticketNumber the ticket it reached (escalated, joined or added to), or {@code null}
     * @param autoReply what the auto-responder decided, or {@code null} when it was not asked (the message reached a ticket, or was a repeat)
     * @param sent what became of the text sent back (auto-reply, escalation or joined notice), or {@code null} when nothing was sent or the text was queued for {@link WhatsAppInbox#sendWorker()} (the store keeps a job queue: the in-memory and JDBC stores do)
     */
    public InboundResult {
        Checks.notNull(outcome, "outcome");
        Checks.notNull(conversation, "conversation");
    }

    /** @return the ticket the message reached, if any */
    public Optional<TicketNumber> ticket() {
        return Optional.ofNullable(ticketNumber);
    }
}
