package za.co.proconnectsa.support.examples.quickstart;

// delivery-imports:begin
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.whatsapp.inbox.TicketReplyResult;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
// delivery-imports:end

/** The README's block on an agent's reply and where its WhatsApp delivery stands. */
// delivery:begin
class Deliveries {
    static TicketReplyResult reply(WhatsAppInbox inbox, Actor agent, String ticket, String conversation, String text) {
        TicketReplyResult reply = inbox.replyOnTicket(agent, ticket, text);
        System.out.println(ticket + ": " + reply.delivery());                      // QUEUED
        System.out.println(inbox.delivery(agent, reply.transcriptMessageId()));   // Optional[MessageDelivery[messageId=..., state=QUEUED, ...]]
        System.out.println(inbox.conversation(agent, conversation)               // the same, beside the transcript
                .delivery(reply.transcriptMessageId()).orElseThrow().state());
        return reply;
    }
}
// delivery:end
