package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.whatsapp.InvalidPhoneNumberException.Reason;

class WhatsAppNumberTest {

    static Stream<Arguments> good() {
        return Stream.of(
                // the support number in every form people write it
                Arguments.of("+27 67 951 8124", null, "27679518124"),
                Arguments.of("+27 67 951 8124", "ZA", "27679518124"),
                Arguments.of("+27 67 951 8124", "US", "27679518124"),
                Arguments.of("067 951 8124", "ZA", "27679518124"),
                Arguments.of("067 951 8124", "za", "27679518124"),
                Arguments.of("  067-951-8124  ", "ZA", "27679518124"),
                Arguments.of("(067) 951.8124", "ZA", "27679518124"),
                Arguments.of("0679518124", "ZA", "27679518124"),
                Arguments.of("679518124", "ZA", "27679518124"),
                Arguments.of("0027 67 951 8124", "ZA", "27679518124"),
                Arguments.of("0027 67 951 8124", null, "27679518124"),
                Arguments.of("00 27 67 951 8124", "US", "27679518124"),
                Arguments.of("011 27 67 951 8124", "US", "27679518124"),
                Arguments.of("+27 (0)67 951 8124", null, "27679518124"),
                Arguments.of("+27 (0) 67 951 8124", "ZA", "27679518124"),
                Arguments.of("+27 067 951 8124", null, "27679518124"),
                Arguments.of("+270679518124", null, "27679518124"),
                Arguments.of("27679518124", "ZA", "27679518124"),
                Arguments.of("\uFF0B\uFF12\uFF17\u3000\uFF16\uFF17\uFF19\uFF15\uFF11\uFF18\uFF11\uFF12\uFF14", null,
                        "27679518124"),
                Arguments.of("+27\u00A067\u00A0951\u00A08124", null, "27679518124"),
                Arguments.of("+27 11 123 4567", null, "27111234567"),
                // United States
                Arguments.of("+1 650-253-0000", null, "16502530000"),
                Arguments.of("(650) 253-0000", "US", "16502530000"),
                Arguments.of("1 650 253 0000", "US", "16502530000"),
                // United Kingdom
                Arguments.of("+44 20 7946 0958", null, "442079460958"),
                Arguments.of("020 7946 0958", "GB", "442079460958"),
                Arguments.of("+44 (0)20 7946 0958", null, "442079460958"),
                Arguments.of("07400 123456", "GB", "447400123456"),
                Arguments.of("+44 7400 123456", "ZA", "447400123456"));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("good")
    @DisplayName("numbers in every common form become E.164 digits")
    void accepts(String input, String region, String digits) {
        WhatsAppNumber number = WhatsAppNumber.parse(input, region);
        assertThat(number.digits()).isEqualTo(digits);
        assertThat(number.e164()).isEqualTo("+" + digits);
        assertThat(WhatsAppNumber.parse(number.e164())).isEqualTo(number);
        assertThat(WhatsAppNumber.isValid(input, region)).isTrue();
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("067 951 8124", null, Reason.NEEDS_REGION),
                Arguments.of("27679518124", null, Reason.NEEDS_REGION),
                Arguments.of("(650) 253-0000", null, Reason.NEEDS_REGION),
                Arguments.of("067 951 8124", "XX", Reason.UNKNOWN_REGION),
                Arguments.of("+27 67 951 8124", "ZAF", Reason.UNKNOWN_REGION),
                Arguments.of("+27 67 951 8124", "", Reason.UNKNOWN_REGION),
                Arguments.of("067 951 8124", "001", Reason.UNKNOWN_REGION),
                Arguments.of(null, null, Reason.NOT_A_NUMBER),
                Arguments.of("", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("   ", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("hello", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("+", null, Reason.NOT_A_NUMBER),
                Arguments.of("0", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("0800 FLOWERS", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("call me on 067 951 8124 please", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("067 951 8124 / 082 555 0123", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("067*951*8124", "ZA", Reason.NOT_A_NUMBER),
                Arguments.of("067 951 8124 ext. 5", "ZA", Reason.HAS_EXTENSION),
                Arguments.of("+27 67 951 8124 #12", null, Reason.HAS_EXTENSION),
                Arguments.of("+999 123 4567", null, Reason.UNKNOWN_COUNTRY_CODE),
                Arguments.of("00999 123 4567", "ZA", Reason.UNKNOWN_COUNTRY_CODE),
                Arguments.of("+27 67", null, Reason.TOO_SHORT),
                Arguments.of("067", "ZA", Reason.TOO_SHORT),
                Arguments.of("+27 67 951 8124 1234 5678", null, Reason.TOO_LONG),
                Arguments.of("447400123456", "ZA", Reason.TOO_LONG),
                Arguments.of("0".repeat(3) + "1".repeat(70), "ZA", Reason.TOO_LONG),
                Arguments.of("+27 12 345 678", null, Reason.INVALID_FOR_REGION),
                Arguments.of("+27 67 951 812", null, Reason.INVALID_FOR_REGION),
                Arguments.of("+1 123 456 7890", null, Reason.INVALID_FOR_REGION),
                Arguments.of("07700 900123", "GB", Reason.INVALID_FOR_REGION));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("bad")
    @DisplayName("a refused number says why, as an InvalidPhoneNumberException that is an InvalidInputException")
    void refuses(String input, String region, Reason reason) {
        InvalidPhoneNumberException e = catchThrowableOfType(InvalidPhoneNumberException.class,
                () -> WhatsAppNumber.parse(input, region));
        assertThat(e).as("%s in %s", input, region).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e).isInstanceOf(InvalidInputException.class).isInstanceOf(SupportException.class);
        assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field())
                .isEqualTo(reason == Reason.UNKNOWN_REGION ? "defaultRegion" : "phone"));
        assertThat(e.getMessage()).contains(reason.name());
        assertThat(WhatsAppNumber.isValid(input, region)).isFalse();
    }

    @Test
    @DisplayName("the number is shown only masked in a refusal and in toString")
    void masked() {
        InvalidPhoneNumberException e = catchThrowableOfType(InvalidPhoneNumberException.class,
                () -> WhatsAppNumber.parse("067 951 8124"));
        assertThat(e.getMessage()).contains("+06 79 *** **24").doesNotContain("951").doesNotContain("0679518124");
        assertThat(e.maskedNumber()).isEqualTo("+06 79 *** **24");

        InvalidPhoneNumberException region = catchThrowableOfType(InvalidPhoneNumberException.class,
                () -> WhatsAppNumber.parse("+27 67 951 8124", "XX"));
        assertThat(region.getMessage()).contains("\"XX\"").contains("+27 67 *** **24").doesNotContain("951");

        WhatsAppNumber number = WhatsAppNumber.parse("+27 67 951 8124");
        assertThat(number.toString()).isEqualTo("WhatsAppNumber[+27 67 *** **24]").doesNotContain("951");
        assertThat(number.masked()).isEqualTo("+27 67 *** **24");
    }

    @Test
    @DisplayName("formats: international for display, national, region and country code")
    void formats() {
        WhatsAppNumber za = WhatsAppNumber.parse("067 951 8124", "ZA");
        assertThat(za.international()).isEqualTo("+27 67 951 8124");
        assertThat(za.national()).isEqualTo("067 951 8124");
        assertThat(za.regionCode()).isEqualTo("ZA");
        assertThat(za.countryCode()).isEqualTo(27);

        WhatsAppNumber us = WhatsAppNumber.parse("+1 650-253-0000");
        assertThat(us.international()).isEqualTo("+1 650-253-0000");
        assertThat(us.regionCode()).isEqualTo("US");
        assertThat(us.countryCode()).isEqualTo(1);

        WhatsAppNumber uk = WhatsAppNumber.parse("020 7946 0958", "GB");
        assertThat(uk.international()).isEqualTo("+44 20 7946 0958");
        assertThat(uk.regionCode()).isEqualTo("GB");

        WhatsAppNumber tollFree = WhatsAppNumber.parse("+800 1234 5678");
        assertThat(tollFree.regionCode()).isEqualTo("001");
    }

    @Test
    @DisplayName("equal when the digits are, however written")
    void equality() {
        assertThat(WhatsAppNumber.parse("067 951 8124", "ZA")).isEqualTo(WhatsAppNumber.parse("+27679518124"))
                .hasSameHashCodeAs(WhatsAppNumber.parse("0027 (0)67 951 8124"))
                .isNotEqualTo(WhatsAppNumber.parse("+27 11 123 4567"));
    }
}
