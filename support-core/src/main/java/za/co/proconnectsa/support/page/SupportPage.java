package za.co.proconnectsa.support.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.internal.SupportTexts;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.internal.Checks;

/**
 * What a support page shows, for any UI to render (server pages, JSON, mobile): the cards in the
 * recommended order (WhatsApp first when the desk has a number, then the ticket card) and a guidance line.
 * Texts come from the {@code SupportMessages} resource bundle in the page's locale.
 *
 * @param cards       the cards, recommended first
 * @param guidance    e.g. "For quick questions, WhatsApp us. ..."
 * @param generatedAt the instant the open/closed state was computed for
 * @param locale      the texts' locale
 */
public record SupportPage(List<SupportCard> cards, String guidance, Instant generatedAt, Locale locale) {

    /**
     * Checks the components and copies the card list.
     *
     * @param cards the cards, recommended first
     * @param guidance e.g. "For quick questions, WhatsApp us. ..."
     * @param generatedAt the instant the open/closed state was computed for
     * @param locale the texts' locale
     */
    public SupportPage {
        cards = List.copyOf(cards);
        Checks.notNull(guidance, "guidance");
        Checks.notNull(generatedAt, "generatedAt");
        Checks.notNull(locale, "locale");
    }

    /**
     * Builds the page.
     *
     * @param whatsApp the WhatsApp number's links, or {@code null} to show only the ticket card
     * @param hours    the support team's hours
     * @param now      the time to compute open/closed for
     * @param locale   the texts' locale
     * @return the page
     */
    public static SupportPage create(WhatsAppLinkFactory whatsApp, BusinessHours hours, Instant now, Locale locale) {
        Checks.notNull(hours, "hours");
        Checks.notNull(now, "now");
        SupportTexts texts = new SupportTexts(Checks.notNull(locale, "locale"));
        List<SupportCard> cards = new ArrayList<>();
        if (whatsApp != null) {
            boolean open = hours.isOpen(now);
            Instant next = open ? null : hours.nextOpening(now).orElse(null);
            String status = open ? texts.format("page.whatsapp.open")
                    : next == null ? texts.format("page.whatsapp.never")
                    : texts.format("page.whatsapp.closed", hours.describeMoment(next));
            cards.add(new WhatsAppCard(texts.format("page.whatsapp.title"), whatsApp.displayNumber(),
                    whatsApp.chatLink(texts.format("page.whatsapp.prefill")),
                    texts.format("page.whatsapp.available", hours.describe()), open, next, status,
                    texts.format("page.whatsapp.button")));
        }
        cards.add(new TicketCard(texts.format("page.ticket.title"), texts.format("page.ticket.description"),
                texts.format("page.ticket.button")));
        return new SupportPage(cards, texts.format("page.guidance"), now, locale);
    }

    /** @return the WhatsApp card, if the desk has a number */
    public Optional<WhatsAppCard> whatsAppCard() {
        return cards.stream().filter(WhatsAppCard.class::isInstance).map(WhatsAppCard.class::cast).findFirst();
    }

    /** @return the ticket card */
    public TicketCard ticketCard() {
        return cards.stream().filter(TicketCard.class::isInstance).map(TicketCard.class::cast).findFirst().orElseThrow();
    }
}
