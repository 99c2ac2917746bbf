package za.co.proconnectsa.support.examples.quickstart;

// dead-letters-imports:begin
import java.util.List;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.spi.EventOutbox;
// dead-letters-imports:end

/** The README's "Dead letters" block: outbox entries no listener could take, listed, retried or deleted. */
// dead-letters:begin
class DeadLetterReview {
    static void review(EventOutbox outbox) {                     // the JdbcTicketStore or InMemoryTicketStore
        System.out.println(outbox.deadLetterCount() + " dead letters");
        for (List<DeadLetter> page = outbox.deadLetters(0, 100); !page.isEmpty();
                page = outbox.deadLetters(page.get(page.size() - 1).id(), 100)) {   // oldest first, by id
            for (DeadLetter dead : page) {
                System.out.printf("%d %s ticket %s: %d attempts, died %s: %s%n", dead.id(), dead.type(),
                        dead.ticketId(), dead.attempts(), dead.diedAt(), dead.reason());
            }
        }
        outbox.findDeadLetter(42).ifPresent(dead -> {
            outbox.retryDeadLetter(dead.id());   // live again, claimable at once, attempts back at zero
        });
        outbox.deleteDeadLetter(43);             // or give up on one for good
    }
}
// dead-letters:end
