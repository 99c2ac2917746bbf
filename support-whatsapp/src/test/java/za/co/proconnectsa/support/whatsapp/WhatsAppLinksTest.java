package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.page.SupportPage;
import za.co.proconnectsa.support.page.WhatsAppCard;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.whatsapp.InvalidPhoneNumberException.Reason;

import java.time.Clock;
import java.time.ZoneOffset;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
class WhatsAppLinksTest {

    @Test
    @DisplayName("national with a region or international: the same number, shown in international format")
    void factories() {
        WhatsAppLinks national = WhatsAppLinks.of("067 951 8124", "ZA");
        WhatsAppLinks international = WhatsAppLinks.of("+27 67 951 8124");
        assertThat(national.displayNumber()).isEqualTo("+27 67 951 8124");
        assertThat(international.displayNumber()).isEqualTo("+27 67 951 8124");
        assertThat(national.number()).isEqualTo(international.number());
        assertThat(WhatsAppLinks.of(WhatsAppNumber.parse("0027679518124")).displayNumber())
                .isEqualTo("+27 67 951 8124");
        assertThat(WhatsAppLinks.of("+1 650 253 0000").displayNumber()).isEqualTo("+1 650-253-0000");
        assertThat(national.style()).isEqualTo(LinkStyle.WA_ME);
    }

    @Test
    @DisplayName("the one link builder of the SDK: reserved characters, accents and line breaks are percent-encoded, a space is %20")
    void encoding() {
        WhatsAppLinks links = WhatsAppLinks.of("  +27 67 951 8124 ");
        assertThat(links.chatLink("").toString()).isEqualTo("https://wa.me/27679518124");
        assertThat(links.chatLink("Hi & bye? 100% #1=+ é\n").toString())
                .isEqualTo("https://wa.me/27679518124?text=Hi%20%26%20bye%3F%20100%25%20%231%3D%2B%20%C3%A9%0A");
    }

    @Test
    @DisplayName("a desk routing with these links hands out the wa.me link prefilled with the question")
    void routing() {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create())
                .whatsApp(WhatsAppLinks.of("067 951 8124", "ZA"))
                .clock(Clock.fixed(Instant.parse("2026-03-07T08:00:00Z"), ZoneOffset.UTC))   // a Saturday: closed
                .routingPolicy(RoutingPolicy.standard(AfterHours.WHATSAPP_WITH_NOTICE))
                .build();
        RoutingDecision d = desk.route(SupportRequest.of("Do you cover Durban North?"));
        assertThat(d.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(d.whatsAppLink()).contains(
                URI.create("https://wa.me/27679518124?text=Do%20you%20cover%20Durban%20North%3F"));
    }

    @Test
    @DisplayName("chatLink is the wa.me link, without text when the text is empty or null")
    void chatLink() {
        WhatsAppLinkFactory links = WhatsAppLinks.of("067 951 8124", "ZA");
        assertThat(links.chatLink("Hi, I need help with my invoice")).isEqualTo(
                URI.create("https://wa.me/27679518124?text=Hi%2C%20I%20need%20help%20with%20my%20invoice"));
        assertThat(links.chatLink("")).isEqualTo(URI.create("https://wa.me/27679518124"));
        assertThat(links.chatLink(null)).isEqualTo(URI.create("https://wa.me/27679518124"));
    }

    @Test
    @DisplayName("links with a reference, in another style, and their QR codes")
    void referencesStylesAndQr() throws Exception {
        WhatsAppLinks links = WhatsAppLinks.of("067 951 8124", "ZA");
        ReferenceCode code = ReferenceCode.of("PCS-000042");
        assertThat(links.chatLink("Hi", code))
                .isEqualTo(URI.create("https://wa.me/27679518124?text=Hi%20%5Bref%3A%20PCS-000042%5D"));
        assertThat(links.link("Hi", code).reference()).contains(code);
        assertThat(links.withStyle(LinkStyle.API_SEND).chatLink("Hi"))
                .isEqualTo(URI.create("https://api.whatsapp.com/send?phone=27679518124&text=Hi"));
        assertThat(links.withStyle(LinkStyle.APP_SCHEME).chatLink(""))
                .isEqualTo(URI.create("whatsapp://send?phone=27679518124"));

        assertThat(links.qrCode("Hi").uri()).isEqualTo(links.chatLink("Hi"));
        assertThat(QrDecoding.decodePng(links.qrCode("Hi", code).png(300)))
                .isEqualTo(links.chatLink("Hi", code).toString());
        assertThatThrownBy(() -> links.chatLink("Hi", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> links.withStyle(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("refused numbers say why")
    void refused() {
        assertThatThrownBy(() -> WhatsAppLinks.of("067 951 8124")).isInstanceOfSatisfying(
                InvalidPhoneNumberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEEDS_REGION));
        assertThatThrownBy(() -> WhatsAppLinks.of("067 951 8124", "XX")).isInstanceOfSatisfying(
                InvalidPhoneNumberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_REGION));
        assertThatThrownBy(() -> WhatsAppLinks.of((WhatsAppNumber) null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("plugs into the core's support page")
    void supportPage() {
        BusinessHours hours = BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg"));
        SupportPage page = SupportPage.create(WhatsAppLinks.of("067 951 8124", "ZA"), hours,
                Instant.parse("2026-03-03T08:00:00Z"), Locale.ENGLISH);
        WhatsAppCard card = page.whatsAppCard().orElseThrow();
        assertThat(card.displayNumber()).isEqualTo("+27 67 951 8124");
        assertThat(card.link().toString()).startsWith("https://wa.me/27679518124?text=Hi%2C%20I%20have");
    }

    @Test
    @DisplayName("toString masks the number")
    void masked() {
        assertThat(WhatsAppLinks.of("+27 67 951 8124").toString()).isEqualTo("WhatsAppLinks[+27 67 *** **24, WA_ME]");
    }
}
