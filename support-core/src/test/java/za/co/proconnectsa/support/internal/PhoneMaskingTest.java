package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "+27 67 951 8124 | +27 67 *** **24",
        "27679518124     | +27 67 *** **24",
        "+44 7700 900123 | +44 77 *** **23",
        "12345           | ***",
        "''              | ***"})
    @DisplayName("keeps country code, two digits and the last two; never the whole number")
    void masks(String number, String masked) {
        assertThat(PhoneMasking.mask(number)).isEqualTo(masked);
        assertThat(PhoneMasking.mask(number)).doesNotContain("951").doesNotContain("9518124");
    }
}
