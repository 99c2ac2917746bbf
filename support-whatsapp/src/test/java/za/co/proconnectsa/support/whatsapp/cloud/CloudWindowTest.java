package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.PATH;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.WAMID;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.fixture;
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
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.RecordingSleeper;

/** reply(...) honours the 24-hour window before calling the API; 131047 from the provider means the same. */
class CloudWindowTest {

    @RegisterExtension
    static WireMockExtension wm = CloudTestSupport.wireMock();

    private static final Instant LAST_INBOUND = Instant.parse("2026-03-02T08:00:00Z");
    private static final String BODY =
            "Hi Thandi, your ticket T-1042 is resolved. Reply here if anything is still wrong.";

    private SettableClock clock;
    private WhatsAppCloudClient client;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(LAST_INBOUND);
        client = CloudTestSupport.client(wm, new RecordingSleeper()).clock(clock).build();
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));
    }

    @Test
    @DisplayName("window closed 3 hours ago: RequiresTemplate(closesAt) and no HTTP call at all")
    void closedWindowSendsNothing() {
        clock.advance(Duration.ofHours(27));
        CustomerServiceWindow window = CustomerServiceWindow.since(LAST_INBOUND, clock);
        assertThat(window.describe()).isEqualTo("closed 3 hours ago");

        SendOutcome outcome = client.reply(window, TO, BODY);

        assertThat(outcome).isEqualTo(new SendOutcome.RequiresTemplate(Instant.parse("2026-03-03T08:00:00Z")));
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("at exactly 24 hours the window is closed: no HTTP call")
    void exactlyAt24Hours() {
        clock.advance(Duration.ofHours(24));

        SendOutcome outcome = client.reply(CustomerServiceWindow.since(LAST_INBOUND, clock), TO, BODY);

        assertThat(outcome).isInstanceOf(SendOutcome.RequiresTemplate.class);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    @DisplayName("window open (closes in 40 minutes): the text is sent")
    void openWindowSends() {
        clock.advance(Duration.ofHours(23).plusMinutes(20));
        CustomerServiceWindow window = CustomerServiceWindow.since(LAST_INBOUND, clock);
        assertThat(window.describe()).isEqualTo("closes in 40 minutes");

        SendOutcome outcome = client.reply(window, TO, BODY);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(fixture("requests/text.json"))));
    }

    @Test
    @DisplayName("the window thinks it is open but the provider says 131047: RequiresTemplate, closed at the earlier"
            + " of the window's end and now")
    void providerSaysClosed() {
        wm.stubFor(messages().willReturn(graphError(400, "131047-re-engagement-message.json")));
        clock.advance(Duration.ofHours(23));
        Instant now = clock.instant();

        SendOutcome early = client.reply(CustomerServiceWindow.since(LAST_INBOUND, clock), TO, BODY);
        assertThat(early).isEqualTo(new SendOutcome.RequiresTemplate(now));

        // the agent's screen lags: its window's clock still says open, the client's clock is past the end
        SettableClock screen = SettableClock.at(LAST_INBOUND.plus(Duration.ofHours(23)));
        clock.advance(Duration.ofHours(2));
        SendOutcome late = client.reply(CustomerServiceWindow.since(LAST_INBOUND, screen), TO, BODY);
        assertThat(late).isEqualTo(new SendOutcome.RequiresTemplate(Instant.parse("2026-03-03T08:00:00Z")));
        wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    @DisplayName("sendText without a window: a 131047 is RequiresTemplate(now)")
    void sendTextOutsideWindow() {
        wm.stubFor(messages().willReturn(graphError(400, "131047-re-engagement-message.json")));
        clock.advance(Duration.ofDays(2));

        assertThat(client.sendText(TO, BODY)).isEqualTo(new SendOutcome.RequiresTemplate(clock.instant()));
    }

    @Test
    @DisplayName("a template goes out whatever the window")
    void templateOutsideWindow() {
        clock.advance(Duration.ofDays(2));

        SendOutcome outcome = client.sendTemplate(TO, TemplateMessage.builder("hello_world", "en_US").build());

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
    }

    @Test
    @DisplayName("input is checked even when the window is closed; a null window is refused")
    void validatedFirst() {
        clock.advance(Duration.ofDays(2));
        CustomerServiceWindow closed = CustomerServiceWindow.since(LAST_INBOUND, clock);

        assertThatThrownBy(() -> client.reply(closed, TO, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body: must not be blank");
        assertThatThrownBy(() -> client.reply(null, TO, BODY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("window: must not be null");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
