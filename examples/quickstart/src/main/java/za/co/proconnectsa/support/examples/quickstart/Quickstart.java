package za.co.proconnectsa.support.examples.quickstart;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import za.co.proconnectsa.support.ticket.RequesterAuditEvent;
import za.co.proconnectsa.support.ticket.RequesterMessage;
// getting-started-imports:begin
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
// getting-started-imports:end

/**
 * The smallest complete use of the library: a provider submits a billing ticket, an agent answers,
 * the provider answers back on their own ticket and reads it as requesters see it (public replies only),
 * and the receipt and history are printed.
 */
public final class Quickstart {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Africa/Johannesburg"));

    private Quickstart() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static RequesterTicketDetails run() {
        // getting-started:begin
        SupportDesk desk = SupportDesk.builder()
                .store(InMemoryTicketStore.create())
                .build();

        Actor provider = Actor.requester("provider-17", "Thandi Nkosi");
        Actor agent = Actor.agent("agent-3", "Sipho (Support)");

        SubmissionReceipt receipt = desk.tickets().submit(provider, NewTicket.builder()
                .subject("Invoice INV-2291 charged twice")
                .body("My card was billed twice for the March subscription.")
                .category(Category.BILLING)
                .build());
        String number = receipt.ticketNumber().text();   // "PCS-000001"

        desk.tickets().reply(agent, number, Reply.publicReply("Sorry! Which card was charged?"));
        desk.tickets().reply(provider, number, Reply.publicReply("The Visa ending 4421."));
        RequesterTicketDetails details = desk.tickets().myTicket(provider, number);   // no internal notes
        // getting-started:end

        System.out.println(receipt.confirmationText());
        System.out.println();
        System.out.printf("Ticket %s [%s] %s (status %s)%n", number, details.ticket().category(),
                details.ticket().subject(), details.ticket().status());
        System.out.printf("  %s  %s: %s%n", TIME.format(details.ticket().createdAt()), provider.displayName(),
                details.ticket().body());
        for (RequesterMessage m : details.messages()) {
            System.out.printf("  %s  %s: %s%n", TIME.format(m.createdAt()), m.authorName(), m.body());
        }
        System.out.println();
        System.out.println("History:");
        for (RequesterAuditEvent e : details.history()) {
            System.out.printf("  %s  %-16s %-15s %s%n", TIME.format(e.at()), e.action(), e.actorName(),
                    e.before() == null ? nullToEmpty(e.after()) : e.before() + " -> " + e.after());
        }
        return details;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
