package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.PATH;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.graphError;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.json;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.messages;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.RecordingSleeper;

/** Graph error bodies, as Meta sends them, become the right outcome: retried, needs a template, or permanent. */
class CloudErrorsTest {

    @RegisterExtension
    static WireMockExtension wm = CloudTestSupport.wireMock();

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");

    private RecordingSleeper sleeper;
    private WhatsAppCloudClient client;

    @BeforeEach
    void setUp() {
        sleeper = new RecordingSleeper();
        client = CloudTestSupport.client(wm, sleeper).clock(SettableClock.at(NOW)).build();
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) is {3}")
    @CsvSource({
        "130429-rate-limit-hit.json,                 400, 130429, RETRYABLE",
        "131056-pair-rate-limit-hit.json,            400, 131056, RETRYABLE",
        "131000-something-went-wrong.json,           500, 131000, RETRYABLE",
        "133004-server-temporarily-unavailable.json, 503, 133004, RETRYABLE",
        "1-api-unknown.json,                         400, 1,      RETRYABLE",
        "2-api-service.json,                         503, 2,      RETRYABLE",
        "4-api-too-many-calls.json,                  400, 4,      RETRYABLE",
        "80007-rate-limit-issues.json,               400, 80007,  RETRYABLE",
        "131047-re-engagement-message.json,          400, 131047, NEEDS_TEMPLATE",
        "131026-message-undeliverable.json,          400, 131026, PERMANENT",
        "131048-spam-rate-limit-hit.json,            400, 131048, PERMANENT",
        "131049-ecosystem-engagement.json,           400, 131049, PERMANENT",
        "131051-unsupported-message-type.json,       400, 131051, PERMANENT",
        "131052-media-download-error.json,           400, 131052, PERMANENT",
        "100-invalid-parameter.json,                 400, 100,    PERMANENT",
        "131009-parameter-value-not-valid.json,      400, 131009, PERMANENT",
        "132000-template-param-count-mismatch.json,  400, 132000, PERMANENT",
        "132001-template-does-not-exist.json,        404, 132001, CONFIGURATION",
        "133010-phone-number-not-registered.json,    400, 133010, CONFIGURATION",
        "190-access-token-expired.json,              401, 190,    CONFIGURATION",
        "10-permission-denied.json,                  403, 10,     CONFIGURATION",
        "200-permission-error.json,                  403, 200,    CONFIGURATION",
    })
    @DisplayName("each documented error code gets its class")
    void eachErrorClass(String file, int status, int code, ErrorClass expected) {
        wm.stubFor(messages().willReturn(graphError(status, file)));

        SendOutcome outcome = client.sendText(TO, "Hello");

        switch (expected) {
            case RETRYABLE -> {
                assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
                SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.providerError().code()).isEqualTo(code);
                assertThat(failed.providerError().httpStatus()).isEqualTo(status);
                assertThat(failed.providerError().errorClass()).isEqualTo(ErrorClass.RETRYABLE);
                wm.verify(4, postRequestedFor(urlEqualTo(PATH)));
                assertThat(sleeper.waits()).hasSize(3);
            }
            case NEEDS_TEMPLATE -> {
                assertThat(outcome).isEqualTo(new SendOutcome.RequiresTemplate(NOW));
                wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
                assertThat(sleeper.waits()).isEmpty();
            }
            case PERMANENT, CONFIGURATION -> {
                assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
                SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
                assertThat(failed.retryable()).isFalse();
                assertThat(failed.providerError().code()).isEqualTo(code);
                assertThat(failed.providerError().httpStatus()).isEqualTo(status);
                assertThat(failed.providerError().errorClass()).isEqualTo(expected);
                wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
                assertThat(sleeper.waits()).isEmpty();
            }
            default -> throw new AssertionError(expected);
        }
    }

    @Test
    @DisplayName("the class comes from the code, never from the title: code 100 titled as a rate limit is not retried")
    void titleIgnored() {
        wm.stubFor(messages().willReturn(graphError(400, "100-title-names-rate-limit.json")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.providerError().message()).contains("130429");
        assertThat(failed.providerError().errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.providerError().details()).isEqualTo("Param text['body'] is required.");
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("error_data given as a string (as template errors send it) is kept as the details")
    void errorDataAsString() {
        wm.stubFor(messages().willReturn(graphError(404, "132001-error-data-string.json")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.providerError().details()).isEqualTo("template name (ticket_update) does not exist in af");
        assertThat(failed.providerError().errorClass()).isEqualTo(ErrorClass.CONFIGURATION);
    }

    @Test
    @DisplayName("every field of the Graph error is parsed: code, type, message, details, fbtrace_id")
    void fieldsParsed() {
        wm.stubFor(messages().willReturn(graphError(400, "131026-message-undeliverable.json")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.providerError()).isEqualTo(new ProviderError(400, 131026, 0, "OAuthException",
                "(#131026) Message Undeliverable", "CzU3hV8nK1pQ6dJ2wS9eR4b", "Message Undeliverable."));
        assertThat(failed.providerError().summary()).isEqualTo("HTTP 400, code 131026 (OAuthException):"
                + " (#131026) Message Undeliverable - Message Undeliverable. [fbtrace_id CzU3hV8nK1pQ6dJ2wS9eR4b]");
    }

    @Test
    @DisplayName("an expired token (190) keeps its error_subcode and is a configuration error, not retried")
    void expiredToken() {
        wm.stubFor(messages().willReturn(graphError(401, "190-access-token-expired.json")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.providerError().code()).isEqualTo(190);
        assertThat(failed.providerError().subcode()).isEqualTo(463);
        assertThat(failed.providerError().traceId()).isEqualTo("P2wE5rT8yU1iO4pA7sD0fGh");
        assertThat(failed.providerError().details()).isEmpty();
    }

    @Test
    @DisplayName("a 4xx body that is not Graph JSON gives code -1, permanent, with a message that quotes nothing of it")
    void malformedClientError() {
        wm.stubFor(messages().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad request from proxy 27679518124</body></html>")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.retryable()).isFalse();
        ProviderError e = failed.providerError();
        assertThat(e.code()).isEqualTo(ProviderError.CODE_UNREADABLE);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.message()).contains("HTTP 400", "text/html").doesNotContain("proxy", "27679518124", "<html>");
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("JSON that is not a Graph error (no error.code) is unreadable too")
    void jsonWithoutCode() {
        wm.stubFor(messages().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"something\"}}")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.providerError().code()).isEqualTo(ProviderError.CODE_UNREADABLE);
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    @DisplayName("a 5xx with an HTML or empty body is retried, then Failed(retryable)")
    void serverErrorsRetried() {
        wm.stubFor(messages().willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html>Bad Gateway</html>")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.providerError().code()).isEqualTo(ProviderError.CODE_UNREADABLE);
        assertThat(failed.providerError().httpStatus()).isEqualTo(502);
        wm.verify(4, postRequestedFor(urlEqualTo(PATH)));

        wm.resetAll();
        wm.stubFor(messages().willReturn(aResponse().withStatus(500)));
        SendOutcome.Failed empty = (SendOutcome.Failed) client.sendText(TO, "Hello");
        assertThat(empty.retryable()).isTrue();
        assertThat(empty.providerError().message()).contains("HTTP 500", "no content type");
        wm.verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("an unlisted Graph code falls back to the HTTP status: 500 retryable, 400 permanent")
    void unlistedCodes() {
        String body = "{\"error\":{\"message\":\"(#999999) New error\",\"type\":\"OAuthException\",\"code\":999999,"
                + "\"fbtrace_id\":\"Zz\"}}";
        wm.stubFor(messages().willReturn(aResponse().withStatus(500).withBody(body)));
        assertThat(((SendOutcome.Failed) client.sendText(TO, "Hello")).retryable()).isTrue();

        wm.resetAll();
        wm.stubFor(messages().willReturn(aResponse().withStatus(400).withBody(body)));
        assertThat(((SendOutcome.Failed) client.sendText(TO, "Hello")).retryable()).isFalse();
    }

    @Test
    @DisplayName("a 200 without messages[0].id is Failed, not retried (the message may have gone out)")
    void successWithoutId() {
        wm.stubFor(messages().willReturn(json(200, "responses/success-without-id.json")));

        SendOutcome.Failed failed = (SendOutcome.Failed) client.sendText(TO, "Hello");

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.providerError().httpStatus()).isEqualTo(200);
        assertThat(failed.providerError().code()).isEqualTo(ProviderError.CODE_UNREADABLE);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("mark as read answered with success false is Failed, not retried")
    void readNotConfirmed() {
        wm.stubFor(messages().willReturn(aResponse().withStatus(200).withBody("{\"success\":false}")));

        SendOutcome outcome = client.markRead("wamid.ABC");

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
    }

    @Test
    @DisplayName("a permanent error comes back at once, without any backoff")
    void permanentIsImmediate() {
        wm.stubFor(messages().willReturn(graphError(400, "131009-parameter-value-not-valid.json")));
        WhatsAppCloudClient realSleep = CloudTestSupport.client(wm, new RecordingSleeper())
                .sleeper(WhatsAppCloudClient.Sleeper.threadSleep())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(8)))
                .build();

        long start = System.nanoTime();
        SendOutcome outcome = realSleep.sendText(TO, "Hello");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
    }
}
