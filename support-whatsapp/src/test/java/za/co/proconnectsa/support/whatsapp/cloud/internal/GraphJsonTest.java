package za.co.proconnectsa.support.whatsapp.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.whatsapp.cloud.ProviderError;

class GraphJsonTest {

    private static final Secret TOKEN = new Secret("EAAJsecret");

    @Test
    @DisplayName("a Graph error with error_data as a string (some endpoints) keeps it as details; string codes parse")
    void variants() {
        ProviderError e = GraphJson.error(400, "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\","
                + "\"code\":\"131056\",\"error_subcode\":2494010,\"error_data\":\"plain details\",\"fbtrace_id\":\"T\"}}",
                "application/json", TOKEN);
        assertThat(e).isEqualTo(new ProviderError(400, 131056, 2494010, "OAuthException", "m", "T", "plain details"));
    }

    @Test
    @DisplayName("bodies that are not Graph errors become CODE_UNREADABLE without quoting the body")
    void unreadable() {
        for (String body : new String[] {null, "", "[1,2]", "not json EAAJsecret", "{\"error\":\"x\"}",
            "{\"error\":{\"code\":1.5}}", "{\"error\":{\"code\":\"abc\"}}"}) {
            ProviderError e = GraphJson.error(418, body, "text/plain", TOKEN);
            assertThat(e.code()).isEqualTo(ProviderError.CODE_UNREADABLE);
            assertThat(e.httpStatus()).isEqualTo(418);
            assertThat(e.message()).startsWith("The WhatsApp Cloud API answered HTTP 418 with a body that is not")
                    .doesNotContain("EAAJsecret").doesNotContain("json");
        }
    }

    @Test
    @DisplayName("very long provider texts are cut")
    void longTexts() {
        String body = "{\"error\":{\"code\":1,\"message\":\"" + "m".repeat(5000) + "\"}}";
        assertThat(GraphJson.error(400, body, "", TOKEN).message()).hasSize(2003).endsWith("...");
    }

    @Test
    @DisplayName("success bodies: messages[0].id and {\"success\":true}")
    void success() {
        assertThat(GraphJson.sentMessageId("{\"messages\":[{\"id\":\"wamid.X\"}]}")).isEqualTo("wamid.X");
        assertThat(GraphJson.sentMessageId("{\"messages\":[{\"id\":\"\"}]}")).isNull();
        assertThat(GraphJson.sentMessageId("oops")).isNull();
        assertThat(GraphJson.readSucceeded("{\"success\":true}")).isTrue();
        assertThat(GraphJson.readSucceeded("{\"success\":\"yes\"}")).isFalse();
        assertThat(GraphJson.readSucceeded("")).isFalse();
    }

    @Test
    @DisplayName("secrets print as [redacted]; log texts mask long digit runs")
    void secretsAndLogText() {
        assertThat(TOKEN.toString()).isEqualTo("[redacted]");
        assertThat(TOKEN.redact(null)).isEmpty();
        assertThat(LogText.maskNumbers("to 27679518124 and +27679518124, id 1234567")).isEqualTo(
                "to +27 67 *** **24 and +27 67 *** **24, id 1234567");
    }

    @Test
    @DisplayName("recipients: digits kept, formatting dropped")
    void recipients() {
        assertThat(Recipients.waId("to", " +27 (67) 951-81.24 ")).isEqualTo("27679518124");
        assertThat(Recipients.waId("to", "1234567")).isEqualTo("1234567");
    }
}
