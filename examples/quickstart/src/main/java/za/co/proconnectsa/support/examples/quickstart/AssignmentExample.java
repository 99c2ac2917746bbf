package za.co.proconnectsa.support.examples.quickstart;

// assignment-imports:begin
import java.time.Duration;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AssignmentStrategy;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.TicketStatus;
// assignment-imports:end

/**
 * Queue assignment: an agent roster, a composed strategy, assignment on submit and the backlog handed out when room
 * frees. The README's "Assignment" section is this code.
 */
public final class AssignmentExample {

    private AssignmentExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static SupportDesk run() {
        // assignment:begin
        SupportDesk desk = SupportDesk.builder()
                .store(InMemoryTicketStore.create())              // or a JdbcTicketStore: one roster for all instances
                .assignmentStrategy(AssignmentStrategy.builder()
                        .onlyMatchingCategory()                   // billing tickets to agents who list BILLING
                        .atMostPerAgent(5, Duration.ofHours(1))   // fair: at most 5 new tickets an agent an hour
                        .leastLoaded()                            // then the agent using least of their capacity
                        .build())
                .autoAssign(true)                                 // assign on submit, hand out the backlog when room frees
                .build();

        Actor lead = Actor.admin("lead-1", "Lerato (Lead)");
        Actor sipho = Actor.agent("agent-7", "Sipho");
        desk.assignment().saveAgent(lead, Agent.builder("agent-7", "Sipho").capacity(1)
                .categories(Category.BILLING, Category.ACCOUNT).build());
        desk.assignment().saveAgent(lead, Agent.builder("agent-9", "Naledi").capacity(3)
                .categories(Category.BILLING, Category.TECHNICAL).presence(Presence.OFFLINE).build());

        Actor provider = Actor.requester("provider-17", "Thandi Nkosi");
        String first = desk.tickets().submit(provider, NewTicket.builder().subject("Invoice INV-2291 charged twice")
                .body("Billed twice in March").category(Category.BILLING).build()).ticketNumber().text();
        String second = desk.tickets().submit(provider, NewTicket.builder().subject("Refund for INV-2291")
                .body("Please refund the second charge").category(Category.BILLING).build()).ticketNumber().text();
        System.out.println(first + " -> " + desk.tickets().get(lead, first).ticket().assigneeId());     // agent-7
        System.out.println(second + " waits: " + desk.tickets().get(lead, second).ticket().assignee()); // agent-7 is full

        desk.tickets().changeStatus(sipho, first, TicketStatus.RESOLVED);   // room frees: the backlog goes out, oldest first
        System.out.println(second + " -> " + desk.tickets().get(lead, second).ticket().assigneeId());   // agent-7 again
        desk.assignment().setPresence(sipho, "agent-7", Presence.AWAY);      // no new tickets until AVAILABLE
        // assignment:end
        return desk;
    }
}
