package za.co.proconnectsa.support.examples.quickstart;

import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
// outbox-relay-imports:begin
import za.co.proconnectsa.support.event.OutboxRelay;
// outbox-relay-imports:end
// in-transaction-imports:begin
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
// in-transaction-imports:end

/**
 * Several writes in one unit of work, the outbox relay delivering their events, and a dead letter: an event whose
 * listener kept failing, reviewed by {@link DeadLetterReview}. The README's "One unit of work", "the outbox" and
 * "Dead letters" blocks are this code.
 */
public final class OutboxExample {

    private OutboxExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static SubmissionReceipt run() {
        InMemoryTicketStore store = InMemoryTicketStore.create();
        SupportDesk desk = SupportDesk.builder().store(store).build();
        Actor provider = Actor.requester("provider-17", "Thandi Nkosi");
        Actor admin = Actor.admin("lead-1", "Lerato (Lead)");

        // in-transaction:begin
        SubmissionReceipt receipt = store.inTransaction(() -> {
            SubmissionReceipt submitted = desk.tickets().submit(provider, NewTicket.builder()
                    .subject("Payout not received").body("My payout for March is missing.").build());
            desk.tickets().assign(admin, submitted.ticketNumber().text(), "agent-7");
            return submitted;                        // both commit, or neither does
        });
        // in-transaction:end

        // outbox-relay:begin
        OutboxRelay relay = OutboxRelay.builder(store)            // the desk's InMemoryTicketStore or JdbcTicketStore
                .listener(event -> System.out.println("Mail: " + event.type() + " " + event.ticket().number().text()))
                .build();
        relay.runOnce();                                          // from your scheduler; or relay.start(), a daemon thread
        // outbox-relay:end

        desk.tickets().submit(provider, NewTicket.builder()
                .subject("Cannot upload my ID").body("The upload stops at 90%.").build());
        OutboxRelay failing = OutboxRelay.builder(store).maxAttempts(1)
                .listener(event -> {
                    throw new IllegalStateException("mail server down");
                })
                .build();
        failing.runOnce();
        DeadLetterReview.review(store);
        return receipt;
    }
}
