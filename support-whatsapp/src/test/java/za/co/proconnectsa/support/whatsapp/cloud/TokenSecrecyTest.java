package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.PATH;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TOKEN;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO_MASKED;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.graphError;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.json;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.messages;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.RecordingSleeper;

/** The access token is only ever in the Authorization header: never in logs, messages or toString. */
class TokenSecrecyTest {

    @RegisterExtension
    static WireMockExtension wm = CloudTestSupport.wireMock();

    @Test
    @DisplayName("the token is sent as Authorization: Bearer <token>")
    void bearerHeader() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));
        CloudTestSupport.client(wm, new RecordingSleeper()).build().sendText(TO, "Hello");
        wm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    @DisplayName("toString of the client and of its builder redact the token")
    void toStrings() {
        WhatsAppCloudClient.Builder builder = CloudTestSupport.client(wm, new RecordingSleeper());
        WhatsAppCloudClient client = builder.build();

        assertThat(client.toString()).doesNotContain(TOKEN).contains("accessToken=[redacted]")
                .contains(client.messagesEndpoint().toString());
        assertThat(builder.toString()).doesNotContain(TOKEN).contains("[redacted]");
    }

    @Test
    @DisplayName("a refused token is described, never quoted")
    void refusedTokenNotQuoted() {
        String badToken = "EAAJ secretPartThatMustNotLeak\n";
        Throwable thrown = catchThrowable(() -> WhatsAppCloudClient.builder().phoneNumberId("106540352242922")
                .accessToken(badToken).build());

        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(thrown.getMessage()).contains("accessToken").doesNotContain("secretPartThatMustNotLeak", "EAAJ");
        assertThat(((InvalidInputException) thrown).fieldErrors().toString()).doesNotContain("secretPartThatMustNotLeak");
    }

    @Test
    @DisplayName("a provider (or a proxy) echoing the token gets it redacted in the ProviderError")
    void echoedTokenRedacted() {
        String body = "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token " + TOKEN
                + "\",\"type\":\"OAuthException\",\"code\":190,\"error_data\":{\"details\":\"token " + TOKEN
                + " rejected\"},\"fbtrace_id\":\"" + TOKEN + "\"}}";
        wm.stubFor(messages().willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(body)));

        SendOutcome.Failed failed = (SendOutcome.Failed) CloudTestSupport.client(wm, new RecordingSleeper()).build()
                .sendText(TO, "Hello");

        ProviderError e = failed.providerError();
        assertThat(e.code()).isEqualTo(190);
        assertThat(e.message()).endsWith("Cannot parse access token [redacted]");
        assertThat(e.details()).isEqualTo("token [redacted] rejected");
        assertThat(e.traceId()).isEqualTo("[redacted]");
        assertThat(failed.toString()).doesNotContain(TOKEN);
        assertThat(e.summary()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("no outcome, error, exception message or log line of any path contains the token or the full number")
    void nothingLeaksAnywhere() throws Exception {
        List<String> texts = new ArrayList<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeOutputStream(captured, originalErr), true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
            WhatsAppCloudClient client = CloudTestSupport.client(wm, new RecordingSleeper()).clock(clock)
                    .requestTimeout(Duration.ofMillis(250)).build();
            texts.add(client.toString());

            // rate limit, then success
            wm.stubFor(messages().inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(graphError(400, "130429-rate-limit-hit.json")).willSetStateTo("ok"));
            wm.stubFor(messages().inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(json(200, "responses/sent.json")));
            texts.add(client.sendText(TO, "Hello").toString());

            // every error fixture, retryable ones retried to exhaustion
            for (String[] e : new String[][] {{"401", "190-access-token-expired.json"},
                {"403", "10-permission-denied.json"}, {"400", "131047-re-engagement-message.json"},
                {"400", "131056-pair-rate-limit-hit.json"}, {"503", "133004-server-temporarily-unavailable.json"},
                {"400", "131026-message-undeliverable.json"}, {"400", "132000-template-param-count-mismatch.json"}}) {
                wm.resetAll();
                wm.stubFor(messages().willReturn(graphError(Integer.parseInt(e[0]), e[1])));
                texts.add(client.sendText(TO, "Hello").toString());
                texts.add(client.sendTemplate(TO, TemplateMessage.builder("ticket_update", "en").bodyText("x")
                        .build()).toString());
                texts.add(client.markRead("wamid.ABC").toString());
            }

            // unreadable body, timeout, closed window, connection refused
            wm.resetAll();
            wm.stubFor(messages().willReturn(aResponse().withStatus(502).withBody("<html>" + TOKEN + "</html>")));
            texts.add(client.sendText(TO, "Hello").toString());
            wm.resetAll();
            wm.stubFor(messages().willReturn(json(200, "responses/sent.json").withFixedDelay(1000)));
            texts.add(client.sendText(TO, "Hello").toString());
            clock.advance(Duration.ofDays(2));
            texts.add(client.reply(CustomerServiceWindow.since(Instant.parse("2026-03-02T08:00:00Z"), clock), TO,
                    "Hello").toString());
            texts.add(CloudTestSupport.client(wm, new RecordingSleeper()).baseUrl(URI.create("http://127.0.0.1:1"))
                    .build().sendText(TO, "Hello").toString());

            // validation failures
            for (Runnable bad : List.<Runnable>of(() -> client.sendText(TO, ""), () -> client.sendText("0821234567",
                    "Hi"), () -> client.sendText(TO, "x".repeat(4097)), () -> client.markRead(" "))) {
                Throwable t = catchThrowable(bad::run);
                assertThat(t).isInstanceOf(InvalidInputException.class);
                texts.add(t.getMessage());
            }
        } finally {
            System.setErr(originalErr);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the client logged through slf4j").contains(TO_MASKED).contains("130429").contains("190");
        assertThat(log).doesNotContain(TOKEN).doesNotContain(TO).doesNotContain("Bearer");
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain(TOKEN).doesNotContain(TO));
    }

    /** Writes to two streams: the capture and the real stderr (so the build log still shows the lines). */
    private static final class TeeOutputStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeOutputStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
