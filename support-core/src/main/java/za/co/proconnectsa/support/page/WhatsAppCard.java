package za.co.proconnectsa.support.page;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The WhatsApp card: "Quick Support (Recommended)", the number, a chat link and the hours.
 *
 * @param title            the heading, e.g. "Quick Support (Recommended)"
 * @param displayNumber    the number as people read it, e.g. "+27 67 951 8124"
 * @param link             the chat link
 * @param availabilityText the generated hours, e.g. "Available: Mon-Fri 8am-6pm"
 * @param openNow          whether support is open at the page's time
 * @param nextOpeningAt    when it next opens, when closed; else {@code null}
 * @param statusText       "Open now" or "Closed now, opens Mon 2 Mar at 8:00am"
 * @param buttonText       e.g. "Open WhatsApp"
 */
public record WhatsAppCard(String title, String displayNumber, URI link, String availabilityText, boolean openNow,
        Instant nextOpeningAt, String statusText, String buttonText) implements SupportCard {

    /**
     * Checks the required components.
     *
     * @param title the heading, e.g. "Quick Support (Recommended)"
     * @param displayNumber the number as people read it, e.g. "+27 67 951 8124"
     * @param link the chat link
     * @param availabilityText the generated hours, e.g. "Available: Mon-Fri 8am-6pm"
     * @param openNow whether support is open at the page's time
     * @param nextOpeningAt when it next opens, when closed; else {@code null}
     * @param statusText "Open now" or "Closed now, opens Mon 2 Mar at 8:00am"
     * @param buttonText e.g. "Open WhatsApp"
     */
    public WhatsAppCard {
        Checks.notNull(title, "title");
        Checks.notNull(displayNumber, "displayNumber");
        Checks.notNull(link, "link");
        Checks.notNull(availabilityText, "availabilityText");
        Checks.notNull(statusText, "statusText");
        Checks.notNull(buttonText, "buttonText");
    }

    /** @return when support next opens, if it is closed now */
    public Optional<Instant> nextOpening() {
        return Optional.ofNullable(nextOpeningAt);
    }
}
