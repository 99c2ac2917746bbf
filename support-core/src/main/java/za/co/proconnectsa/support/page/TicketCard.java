package za.co.proconnectsa.support.page;

import za.co.proconnectsa.support.internal.Checks;

/**
 * The ticket card: "Create Support Ticket", "For complex issues, billing, etc.".
 *
 * @param title       the heading
 * @param description when to use it
 * @param buttonText  e.g. "Create Ticket"
 */
public record TicketCard(String title, String description, String buttonText) implements SupportCard {

    /**
     * Checks the components.
     *
     * @param title the heading
     * @param description when to use it
     * @param buttonText e.g. "Create Ticket"
     */
    public TicketCard {
        Checks.notNull(title, "title");
        Checks.notNull(description, "description");
        Checks.notNull(buttonText, "buttonText");
    }
}
