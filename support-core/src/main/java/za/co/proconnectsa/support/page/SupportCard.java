package za.co.proconnectsa.support.page;

/** One card of the {@link SupportPage}, in the order the page recommends. */
public sealed interface SupportCard permits WhatsAppCard, TicketCard {

    /** @return the card's heading */
    String title();

    /** @return the text of the card's button */
    String buttonText();
}
