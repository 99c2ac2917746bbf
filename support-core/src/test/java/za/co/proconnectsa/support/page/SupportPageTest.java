package za.co.proconnectsa.support.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.routing.TestWhatsAppLinks;

class SupportPageTest {

    private static final BusinessHours HOURS = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));
    private static final TestWhatsAppLinks CONTACT = TestWhatsAppLinks.SUPPORT;

    @Test
    @DisplayName("WhatsApp first, then the ticket card, with the seed's texts and generated hours")
    void openPage() {
        SupportPage page = SupportPage.create(CONTACT, HOURS, Instant.parse("2026-03-03T08:00:00Z"), Locale.ENGLISH);

        assertThat(page.cards()).hasSize(2);
        assertThat(page.cards().get(0)).isInstanceOf(WhatsAppCard.class);
        assertThat(page.cards().get(1)).isInstanceOf(TicketCard.class);
        WhatsAppCard wa = page.whatsAppCard().orElseThrow();
        assertThat(wa.title()).isEqualTo("Quick Support (Recommended)");
        assertThat(wa.displayNumber()).isEqualTo("+27 67 951 8124");
        assertThat(TestWhatsAppLinks.prefilledText(wa.link())).startsWith("Hi, I have");
        assertThat(wa.availabilityText()).isEqualTo("Available: Mon-Fri 8am-6pm");
        assertThat(wa.openNow()).isTrue();
        assertThat(wa.statusText()).isEqualTo("Open now");
        assertThat(wa.nextOpening()).isEmpty();
        assertThat(page.ticketCard().title()).isEqualTo("Create Support Ticket");
        assertThat(page.ticketCard().description()).isEqualTo("For complex issues, billing, etc.");
        assertThat(page.guidance()).startsWith("For quick questions, WhatsApp us");
    }

    @Test
    @DisplayName("closed: the card says when support opens next, in the team's zone")
    void closedPage() {
        // Friday 6 March 2026, 18:30 in Johannesburg
        SupportPage page = SupportPage.create(CONTACT, HOURS, Instant.parse("2026-03-06T16:30:00Z"), Locale.ENGLISH);
        WhatsAppCard wa = page.whatsAppCard().orElseThrow();

        assertThat(wa.openNow()).isFalse();
        assertThat(wa.nextOpening()).contains(Instant.parse("2026-03-09T06:00:00Z"));
        assertThat(wa.statusText()).isEqualTo("Closed now, opens Mon 9 Mar at 8:00am");
    }

    @Test
    @DisplayName("without a WhatsApp number only the ticket card is shown")
    void ticketOnly() {
        SupportPage page = SupportPage.create(null, HOURS, Instant.parse("2026-03-03T08:00:00Z"), Locale.ENGLISH);
        assertThat(page.cards()).singleElement().isInstanceOf(TicketCard.class);
        assertThat(page.whatsAppCard()).isEmpty();
    }

    @Test
    @DisplayName("a host translation on the class path replaces the texts")
    void translated() {
        SupportPage page = SupportPage.create(CONTACT, HOURS, Instant.parse("2026-03-03T08:00:00Z"), new Locale("af"));
        assertThat(page.whatsAppCard().orElseThrow().title()).isEqualTo("Vinnige hulp (aanbeveel)");
        assertThat(page.ticketCard().title()).isEqualTo("Create Support Ticket");
    }
}
