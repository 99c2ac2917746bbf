package za.co.proconnectsa.support.examples.quickstart;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
// sla-imports:begin
import java.time.Duration;
import java.util.List;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.sla.SlaWatcher;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
// sla-imports:end

/**
 * SLA clocks: policies per priority, the receipt's promise of a first reply, every target's status, the queue by
 * urgency and the watcher that announces breaches. The README's "SLA clocks" section is this code.
 */
public final class SlaExample {

    /** Monday 2 March 2026, 10:00 in Johannesburg. */
    static final Instant MONDAY_10AM = Instant.parse("2026-03-02T08:00:00Z");

    private SlaExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Clock.fixed(MONDAY_10AM, ZoneOffset.UTC), Clock.fixed(MONDAY_10AM.plus(Duration.ofHours(5)),
                ZoneOffset.UTC));
    }

    static SlaStatus run(Clock monday10am, Clock monday3pm) {
        InMemoryTicketStore store = InMemoryTicketStore.create();
        Actor agent = Actor.agent("agent-3", "Sipho (Support)");
        Actor provider = Actor.requester("provider-17", "Thandi Nkosi");
        // sla:begin
        SlaPolicy standard = SlaPolicy.builder("standard")
                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
                .target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, Duration.ofHours(8)))
                .target(SlaTarget.businessDays(SlaTargetType.RESOLUTION, 3))      // by the end of the 3rd business day
                .build();                                                         // PENDING pauses; warnings at 80%
        SupportDesk desk = SupportDesk.builder().store(store).clock(monday10am)
                .slaPolicies(SlaPolicies.builder(standard)
                        .forPriority(Priority.URGENT, SlaPolicy.builder("urgent")
                                .target(SlaTarget.calendarTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(1))).build())
                        .build())
                .build();
        SubmissionReceipt receipt = desk.tickets().submit(provider, NewTicket.builder()
                .subject("Invoice INV-2291 charged twice").body("Billed twice in March").build());
        System.out.println(receipt.confirmationText());                            // ... We will reply by Mon 2 Mar at 14:00.

        SupportDesk later = SupportDesk.builder().store(store).clock(monday3pm).slaPolicies(SlaPolicies.of(standard))
                .build();                                                   // the same desk at 15:00, nobody replied
        SlaWatcher watcher = later.sla().watcher().build();                 // in an app: .start(), a daemon thread
        watcher.runOnce();                                                  // announces the breach, once
        SlaStatus status = later.sla().status(agent, "PCS-000001");        // every target: due, remaining, state
        List<Ticket> urgent = later.sla().dueWithin(agent, Duration.ofHours(1), 50); // the queue by urgency
        System.out.println("First response: " + status.target(SlaTargetType.FIRST_RESPONSE).orElseThrow().state()); // BREACHED
        // sla:end
        System.out.println("Due within the hour: " + urgent.size());
        return status;
    }
}
