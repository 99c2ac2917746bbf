package za.co.proconnectsa.support.whatsapp.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassTest {

    @ParameterizedTest(name = "code {1} with HTTP {0} is {2}")
    @CsvSource({
        "400, 130429, RETRYABLE", "400, 131056, RETRYABLE", "400, 1, RETRYABLE", "503, 2, RETRYABLE",
        "400, 4, RETRYABLE", "400, 17, RETRYABLE", "400, 341, RETRYABLE", "400, 80007, RETRYABLE",
        "500, 131000, RETRYABLE", "503, 131016, RETRYABLE", "500, 131057, RETRYABLE", "503, 133004, RETRYABLE",
        "0, -2, RETRYABLE", "0, -3, RETRYABLE", "0, -4, RETRYABLE",
        "400, 131047, NEEDS_TEMPLATE", "200, 131047, NEEDS_TEMPLATE",
        "401, 190, CONFIGURATION", "401, 0, CONFIGURATION", "403, 10, CONFIGURATION", "403, 200, CONFIGURATION",
        "403, 299, CONFIGURATION", "500, 3, CONFIGURATION", "400, 100, PERMANENT", "400, 131009, PERMANENT",
        "400, 131026, PERMANENT", "400, 131048, PERMANENT", "400, 132000, PERMANENT", "404, 132001, CONFIGURATION",
        "400, 133010, CONFIGURATION", "400, 131049, PERMANENT", "400, 131051, PERMANENT", "400, 131052, PERMANENT", "400, 131056, RETRYABLE", "400, 131047, NEEDS_TEMPLATE",
        "403, 368, CONFIGURATION", "500, 131045, CONFIGURATION",
        "500, 999999, RETRYABLE", "502, -1, RETRYABLE", "429, 999999, RETRYABLE", "408, -1, RETRYABLE",
        "400, 999999, PERMANENT", "400, -1, PERMANENT", "200, -1, PERMANENT",
    })
    @DisplayName("the documented classification table")
    void table(int httpStatus, int code, ErrorClass expected) {
        assertThat(ErrorClass.classify(httpStatus, code)).isEqualTo(expected);
    }

    @Test
    @DisplayName("the client's own errors: timeout, network and interrupted are retryable and local")
    void localErrors() {
        assertThat(ProviderError.timeout(java.time.Duration.ofSeconds(10)).errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(ProviderError.network("ConnectException").errorClass()).isEqualTo(ErrorClass.RETRYABLE);
        assertThat(ProviderError.interrupted().isLocal()).isTrue();
        assertThat(ProviderError.unreadable(400, "x").errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(ProviderError.timeout(java.time.Duration.ofSeconds(10)).summary())
                .isEqualTo("no response, code -2 (Timeout): No response from the WhatsApp Cloud API within 10000 ms");
    }
}
