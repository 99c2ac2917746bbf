package za.co.proconnectsa.support.page;

import java.util.Objects;

/**
 * The ticket card: "Create Support Ticket", "For complex issues, billing, etc.".
 *
 * @param title       the heading
 * @param description when to use it
 * @param buttonText  e.g. "Create Ticket"
 */
public record TicketCard(String title, String description, String buttonText) implements SupportCard {

    /** Checks the components. */
    public TicketCard {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(buttonText, "buttonText");
    }
}
