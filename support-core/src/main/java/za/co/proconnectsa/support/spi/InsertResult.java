package za.co.proconnectsa.support.spi;

import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/** What {@link TicketStore#insert} did. */
public sealed interface InsertResult {

    /** @return the ticket now stored under the key: the new one, or the one that was there */
    Ticket ticket();

    /**
     * The ticket was inserted.
     *
     * @param ticket the stored ticket
     */
    record Inserted(Ticket ticket) implements InsertResult {
        /**
         * Checks the component.
         *
         * @param ticket the stored ticket
         */
        public Inserted {
            Checks.notNull(ticket, "ticket");
        }
    }

    /**
     * The idempotency key was already taken; nothing was inserted.
     *
     * @param ticket the ticket stored under the key
     */
    record KeyAlreadyUsed(Ticket ticket) implements InsertResult {
        /**
         * Checks the component.
         *
         * @param ticket the ticket stored under the key
         */
        public KeyAlreadyUsed {
            Checks.notNull(ticket, "ticket");
        }
    }
}
