package za.co.proconnectsa.support.portal.demo;

import java.io.PrintStream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.portal.config.PortalProperties;
import za.co.proconnectsa.support.portal.security.DemoUser;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * When the portal is ready: puts the demo's agents on the roster, files example tickets into an empty database (when
 * {@code portal.demo-data} is on), and prints the address and the demo users' passwords on the console.
 */
@Component
class DemoSetup {

    private final SupportDesk desk;
    private final DemoUsers users;
    private final PortalProperties properties;
    private final Environment environment;
    private final WhatsAppInbox inbox;

    DemoSetup(SupportDesk desk, DemoUsers users, PortalProperties properties, Environment environment,
            WhatsAppInbox inbox) {
        this.desk = desk;
        this.inbox = inbox;
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Actor admin = DemoUsers.find("lerato").orElseThrow().actor();
        for (DemoUser user : DemoUsers.ALL) {
            if (user.role() != Role.REQUESTER && desk.assignment().agent(admin, user.username()).isEmpty()) {
                desk.assignment().saveAgent(admin, Agent.builder(user.username(), user.displayName()).build());
            }
        }
        if (properties.demoData() && desk.tickets().queue(admin, TicketQuery.builder().limit(1).build()).items().isEmpty()) {
            fileExampleTickets(admin);
        }
        printWelcome(System.out);
    }

    private void fileExampleTickets(Actor admin) {
        Actor thandi = DemoUsers.find("thandi").orElseThrow().actor();
        Actor pieter = DemoUsers.find("pieter").orElseThrow().actor();
        Actor sipho = DemoUsers.find("sipho").orElseThrow().actor();
        String invoice = desk.tickets().submit(thandi, NewTicket.builder()
                .subject("Invoice INV-2291 charged twice")
                .body("My card was billed twice for the March subscription. Please refund the second charge.")
                .category(Category.BILLING).idempotencyKey("demo-1").build()).ticketNumber().text();
        desk.tickets().reply(sipho, invoice, Reply.publicReply("Sorry about that! Which card was charged?"));
        desk.tickets().reply(sipho, invoice, Reply.internalNote("Checked the payment provider: two captures."));
        desk.tickets().submit(thandi, NewTicket.builder()
                .subject("Jobs page shows a 500 error")
                .body("Since this morning the jobs page never loads; it shows 'Internal Server Error'.")
                .category(Category.TECHNICAL).idempotencyKey("demo-2").build());
        desk.tickets().submit(pieter, NewTicket.builder()
                .subject("Please change my payout bank details")
                .body("I moved to a new bank and need my payouts to go to the new account.")
                .category(Category.ACCOUNT).idempotencyKey("demo-3").build());
        // A chat as the webhook would deliver it, so that the inbox has a conversation to show
        inbox.ingest(new InboundMessage("wamid.demo-1", "0",
                new InboundMessage.Sender("27821234567", null, null, "Naledi Dlamini", null), desk.clock().instant(),
                InboundMessage.Type.TEXT, "Hi, is the Pro plan billed monthly or yearly?", null, null, null, null, null));
    }

    private void printWelcome(PrintStream out) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        // Printed on the console (not logged); only generated passwords, since a console often ends up in a log
        // store: a password the operator configured is theirs to know already
        boolean configured = !properties.demoPassword().isEmpty();
        out.println();
        out.println("ProConnect support portal: http://localhost:" + port + "/support");
        out.println("Demo users (username / password / role):");
        for (DemoUser user : DemoUsers.ALL) {
            out.println("  " + user.username() + " / " + (configured ? "(portal.demo-password)"
                    : users.passwords().get(user.username())) + " / " + user.role());
        }
        out.println();
    }
}
