package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.whatsapp.InvalidPhoneNumberException.Reason;

class WhatsAppLinkTest {

    @Test
    @DisplayName("the issue's example: a national number, a region and a text")
    void example() {
        WhatsAppLink link = WhatsAppLink.builder()
                .phone("067 951 8124")
                .defaultRegion("ZA")
                .text("Hi, I need help with my invoice")
                .style(LinkStyle.WA_ME)
                .build();
        assertThat(link.uri()).isEqualTo(
                URI.create("https://wa.me/27679518124?text=Hi%2C%20I%20need%20help%20with%20my%20invoice"));
        assertThat(link.phoneDigits()).contains("27679518124");
        assertThat(link.phone()).contains(WhatsAppNumber.parse("+27679518124"));
        assertThat(link.text()).isEqualTo("Hi, I need help with my invoice");
        assertThat(link.style()).isEqualTo(LinkStyle.WA_ME);
        assertThat(link.reference()).isEmpty();
    }

    static Stream<Arguments> styles() {
        return Stream.of(
                Arguments.of(LinkStyle.WA_ME, "+27 67 951 8124", "Hi there",
                        "https://wa.me/27679518124?text=Hi%20there"),
                Arguments.of(LinkStyle.WA_ME, null, "Hi there", "https://wa.me/?text=Hi%20there"),
                Arguments.of(LinkStyle.WA_ME, "+27 67 951 8124", "", "https://wa.me/27679518124"),
                Arguments.of(LinkStyle.WA_ME, null, "", "https://wa.me/"),
                Arguments.of(LinkStyle.API_SEND, "+27 67 951 8124", "Hi there",
                        "https://api.whatsapp.com/send?phone=27679518124&text=Hi%20there"),
                Arguments.of(LinkStyle.API_SEND, null, "Hi there", "https://api.whatsapp.com/send?text=Hi%20there"),
                Arguments.of(LinkStyle.API_SEND, "+27 67 951 8124", "",
                        "https://api.whatsapp.com/send?phone=27679518124"),
                Arguments.of(LinkStyle.API_SEND, null, "", "https://api.whatsapp.com/send"),
                Arguments.of(LinkStyle.APP_SCHEME, "+27 67 951 8124", "Hi there",
                        "whatsapp://send?phone=27679518124&text=Hi%20there"),
                Arguments.of(LinkStyle.APP_SCHEME, null, "Hi there", "whatsapp://send?text=Hi%20there"),
                Arguments.of(LinkStyle.APP_SCHEME, "+27 67 951 8124", "", "whatsapp://send?phone=27679518124"),
                Arguments.of(LinkStyle.APP_SCHEME, null, "", "whatsapp://send"));
    }

    @ParameterizedTest(name = "{0}, phone {1}, text \"{2}\" -> {3}")
    @MethodSource("styles")
    @DisplayName("every style, with and without phone and text")
    void style(LinkStyle style, String phone, String text, String expected) {
        WhatsAppLink link = WhatsAppLink.builder().phone(phone).text(text).style(style).build();
        assertThat(link.uri().toString()).isEqualTo(expected);
        assertThat(link.phoneDigits().isPresent()).isEqualTo(phone != null);
        Map<String, String> params = PercentDecoder.queryParameters(link.uri());
        if (style != LinkStyle.WA_ME && phone != null) {
            assertThat(params).containsEntry("phone", "27679518124");
        }
        if (!text.isEmpty()) {
            assertThat(params).containsEntry("text", text);
        } else {
            assertThat(params).doesNotContainKey("text");
        }
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Hi there | Hi%20there",
        "a+b | a%2Bb",
        "a&b | a%26b",
        "#1 | %231",
        "100% | 100%25",
        "x=1 | x%3D1",
        "why? | why%3F",
        "/path:here@x | %2Fpath%3Ahere%40x",
        "`a,b;c` | a%2Cb%3Bc",
        "caf\u00e9 | caf%C3%A9",
        "\uD83D\uDE00 | %F0%9F%98%80",
        "R\u00a0100 | R%C2%A0100",
        "Sawubona \u0928\u092e | Sawubona%20%E0%A4%A8%E0%A4%AE",
        "keep-._~ | keep-._~",
        "`'\"<>` | %27%22%3C%3E",
    })
    @DisplayName("the text is UTF-8 percent-encoded: space %20 never '+', reserved characters, accents and emoji")
    void encoding(String text, String encoded) {
        WhatsAppLink link = WhatsAppLink.builder().text(text).build();
        assertThat(link.uri().toString()).isEqualTo("https://wa.me/?text=" + encoded);
        assertThat(link.uri().getRawQuery()).isEqualTo("text=" + encoded);
        assertThat(PercentDecoder.queryParameters(link.uri())).containsEntry("text", text);
    }

    @Test
    @DisplayName("line breaks, tabs and surrounding spaces are kept and encoded, not trimmed")
    void lineBreaks() {
        String text = "  Line 1\nLine 2\r\n\tEnd  ";
        WhatsAppLink link = WhatsAppLink.builder().phone("+27 67 951 8124").text(text).build();
        assertThat(link.uri().getRawQuery())
                .isEqualTo("text=%20%20Line%201%0ALine%202%0D%0A%09End%20%20");
        assertThat(PercentDecoder.queryParameters(link.uri())).containsEntry("text", text);
        assertThat(link.text()).isEqualTo(text);
    }

    @Test
    @DisplayName("a reference code is appended to the text as [ref: CODE] and found again")
    void reference() {
        ReferenceCode code = ReferenceCode.of("PCS-000042");
        WhatsAppLink link = WhatsAppLink.builder().phone("067 951 8124").defaultRegion("ZA")
                .text("Hi, about my ticket").reference(code).build();
        assertThat(link.text()).isEqualTo("Hi, about my ticket [ref: PCS-000042]");
        assertThat(link.uri().toString()).isEqualTo(
                "https://wa.me/27679518124?text=Hi%2C%20about%20my%20ticket%20%5Bref%3A%20PCS-000042%5D");
        assertThat(link.reference()).contains(code);
        assertThat(ReferenceCode.find(PercentDecoder.queryParameters(link.uri()).get("text"))).contains(code);

        WhatsAppLink onlyReference = WhatsAppLink.builder().reference(code).build();
        assertThat(onlyReference.uri().toString()).isEqualTo("https://wa.me/?text=%5Bref%3A%20PCS-000042%5D");
    }

    @Test
    @DisplayName("toBuilder keeps the parts and does not embed the reference twice")
    void toBuilder() {
        WhatsAppLink link = WhatsAppLink.builder().phone("+27 67 951 8124").text("Hi")
                .reference(ReferenceCode.of("PCS-000042")).style(LinkStyle.API_SEND).build();
        WhatsAppLink same = link.toBuilder().build();
        assertThat(same).isEqualTo(link).hasSameHashCodeAs(link);
        assertThat(same.text()).isEqualTo("Hi [ref: PCS-000042]");

        WhatsAppLink other = link.toBuilder().reference(ReferenceCode.of("PCS-000043")).style(LinkStyle.WA_ME).build();
        assertThat(other.text()).isEqualTo("Hi [ref: PCS-000043]");
        assertThat(other.uri().toString()).startsWith("https://wa.me/27679518124?text=Hi%20");
        assertThat(link.toBuilder().phone(null).build().phoneDigits()).isEmpty();
    }

    @Test
    @DisplayName("texts over the limits are refused on 'text'; exactly at the limit is fine")
    void limits() {
        String max = "a".repeat(WhatsAppLink.MAX_TEXT_LENGTH);
        assertThat(WhatsAppLink.builder().text(max).build().text()).hasSize(WhatsAppLink.MAX_TEXT_LENGTH);

        InvalidInputException tooLong = catchThrowableOfType(InvalidInputException.class,
                () -> WhatsAppLink.builder().text(max + "a").build());
        assertThat(tooLong.fieldErrors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("text"))
                .satisfies(e -> assertThat(e.message()).contains("2000").contains("2001"));

        // 2000 emoji are 2000 code points (4000 chars in Java) but 24,000 characters once encoded
        String emoji = "\uD83D\uDE00".repeat(WhatsAppLink.MAX_TEXT_LENGTH);
        assertThatThrownBy(() -> WhatsAppLink.builder().text(emoji).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("text").hasMessageContaining("8192");
        assertThat(WhatsAppLink.builder().text("\uD83D\uDE00".repeat(600)).build().uri().toString())
                .hasSizeLessThanOrEqualTo(WhatsAppLink.MAX_URI_LENGTH);

        String nearlyFull = "b".repeat(WhatsAppLink.MAX_TEXT_LENGTH - 5);
        assertThatThrownBy(() -> WhatsAppLink.builder().text(nearlyFull).reference(ReferenceCode.of("PCS-000042"))
                .build()).isInstanceOf(InvalidInputException.class).hasMessageContaining("reference marker");
    }

    @Test
    @DisplayName("a lone surrogate cannot be sent as UTF-8 and is refused")
    void loneSurrogate() {
        assertThatThrownBy(() -> WhatsAppLink.builder().text("broken \uD83D here").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unicode");
    }

    @Test
    @DisplayName("phone problems surface at build() as InvalidPhoneNumberException")
    void phoneProblems() {
        InvalidPhoneNumberException needsRegion = catchThrowableOfType(InvalidPhoneNumberException.class,
                () -> WhatsAppLink.builder().phone("067 951 8124").build());
        assertThat(needsRegion.reason()).isEqualTo(Reason.NEEDS_REGION);

        InvalidPhoneNumberException unknownRegion = catchThrowableOfType(InvalidPhoneNumberException.class,
                () -> WhatsAppLink.builder().defaultRegion("Narnia").build());
        assertThat(unknownRegion.reason()).isEqualTo(Reason.UNKNOWN_REGION);

        InvalidPhoneNumberException blank = catchThrowableOfType(InvalidPhoneNumberException.class,
                () -> WhatsAppLink.builder().phone(" ").build());
        assertThat(blank.reason()).isEqualTo(Reason.NOT_A_NUMBER);

        assertThatThrownBy(() -> WhatsAppLink.builder().style(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("the region can be given before or after the phone; a parsed number needs none")
    void regionOrder() {
        URI before = WhatsAppLink.builder().defaultRegion("ZA").phone("067 951 8124").build().uri();
        URI after = WhatsAppLink.builder().phone("067 951 8124").defaultRegion("ZA").build().uri();
        URI parsed = WhatsAppLink.builder().number(WhatsAppNumber.parse("067 951 8124", "ZA")).build().uri();
        assertThat(before).isEqualTo(after).isEqualTo(parsed).isEqualTo(URI.create("https://wa.me/27679518124"));
    }

    @Test
    @DisplayName("toString masks the phone and leaves the text out")
    void safeToString() {
        WhatsAppLink link = WhatsAppLink.builder().phone("+27 67 951 8124").text("my password is hunter2")
                .reference(ReferenceCode.of("PCS-000042")).build();
        assertThat(link.toString()).contains("+27 67 *** **24").contains("PCS-000042").doesNotContain("951")
                .doesNotContain("hunter2");
        assertThat(WhatsAppLink.builder().build().toString()).contains("phone=none");
    }

    @Test
    @DisplayName("null text is no text")
    void nullText() {
        assertThat(WhatsAppLink.builder().phone("+27 67 951 8124").text(null).build().uri())
                .isEqualTo(URI.create("https://wa.me/27679518124"));
    }
}
