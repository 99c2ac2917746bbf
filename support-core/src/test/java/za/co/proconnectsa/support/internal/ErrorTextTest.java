package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a dead letter keeps of an exception: its type and message, without what looks like a secret. */
class ErrorTextTest {

    @Test
    @DisplayName("type and message are kept")
    void typeAndMessage() {
        assertThat(ErrorText.describe(new IllegalStateException("mail server down"), 200))
                .isEqualTo("java.lang.IllegalStateException: mail server down");
        assertThat(ErrorText.describe(new NullPointerException(), 200)).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    @DisplayName("secret-named values, credentials, URL passwords and long numbers are blanked")
    void secretsBlanked() {
        String text = ErrorText.describe(new IllegalStateException("login failed password=hunter2 token: abc.def "
                + "Authorization: Bearer eyJhbGciOi.x.y url https://desk:pa55@mail.example.com/send "
                + "{\"api_key\":\"k-123\"} to +27 67 951 8124 card 4111111111111111, ticket PCS-000042 in 2026"), 1000);
        assertThat(text).doesNotContain("hunter2", "abc.def", "eyJhbGciOi", "pa55", "k-123", "951 8124", "4111")
                .contains("password=***", "token: ***", "https://***@mail.example.com/send", "PCS-000042", "2026");
    }

    @Test
    @DisplayName("the text is cut to the length asked for")
    void cut() {
        assertThat(ErrorText.describe(new IllegalStateException("x".repeat(500)), 100)).hasSize(100).endsWith("...");
    }
}
