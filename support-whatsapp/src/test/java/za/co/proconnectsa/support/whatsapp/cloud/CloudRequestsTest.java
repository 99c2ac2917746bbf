package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.PATH;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TOKEN;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.WAMID;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.fixture;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.json;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.messages;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.RecordingSleeper;

/** Each message type posts exactly the JSON Meta documents, with the bearer token, and reads the wamid. */
class CloudRequestsTest {

    @RegisterExtension
    static WireMockExtension wm = CloudTestSupport.wireMock();

    private WhatsAppCloudClient client;

    @BeforeEach
    void setUp() {
        client = CloudTestSupport.client(wm, new RecordingSleeper()).build();
    }

    private static void verifyPosted(String requestFixture) {
        wm.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(fixture(requestFixture))));
    }

    @Test
    @DisplayName("a text message posts messaging_product, recipient_type, to, type and text.body; 200 gives Sent(wamid)")
    void text() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));

        SendOutcome outcome = client.sendText("+27 67 951 8124",
                "Hi Thandi, your ticket T-1042 is resolved. Reply here if anything is still wrong.");

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        verifyPosted("requests/text.json");
    }

    @Test
    @DisplayName("a business-scoped user id (a contact without a phone number) goes in the recipient field, not to")
    void toBusinessScopedUserId() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));

        SendOutcome outcome = client.sendText("US.13491208655302741918", "Hi Sheena, a plumber is booked for Saturday.");

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        verifyPosted("requests/text-to-user-id.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sendText("us.1349", "Hi"))
                .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
    }

    @Test
    @DisplayName("a template posts name, language.code and header, body and button components in Meta's shape")
    void template() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent-template.json")));
        TemplateMessage template = TemplateMessage.builder("ticket_update", "en_US")
                .headerText("T-1042")
                .bodyText("Thandi", "Waiting for your reply")
                .quickReplyPayload(0, "reopen:T-1042")
                .urlButtonSuffix(1, "T-1042")
                .build();

        SendOutcome outcome = client.sendTemplate(TO, template);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("wamid.HBgLMjc2Nzk1MTgxMjQVAgARGBJCNzE1QTlFQzI4NTQ2MUQ5NUEA"));
        verifyPosted("requests/template.json");
    }

    @Test
    @DisplayName("a template without parameters has no components")
    void templateWithoutParameters() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent-template.json")));

        client.sendTemplate(TO, TemplateMessage.builder("hello_world", "en_US").build());

        verifyPosted("requests/template-no-parameters.json");
    }

    @Test
    @DisplayName("reply buttons post an interactive button message")
    void buttons() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));

        SendOutcome outcome = client.sendButtons(TO, "Did this answer your question?", List.of(
                ReplyButton.of("answer.yes", "Yes, thanks"),
                ReplyButton.of("answer.no", "No"),
                ReplyButton.of("answer.ticket", "Open a ticket")));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        verifyPosted("requests/buttons.json");
    }

    @Test
    @DisplayName("a list posts header, body, footer, the button and titled sections of rows")
    void list() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));
        ListMessage list = ListMessage.builder()
                .header("ProConnect Support")
                .body("What do you need help with?")
                .footer("Mon-Fri 8am-6pm")
                .button("Choose a topic")
                .section(ListSection.titled("Billing",
                        ListRow.of("billing.invoice", "Invoice query", "A charge or an invoice you do not recognise"),
                        ListRow.of("billing.refund", "Refund")))
                .section(ListSection.titled("Technical", ListRow.of("tech.login", "Cannot log in")))
                .build();

        SendOutcome outcome = client.sendList(TO, list);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(WAMID));
        verifyPosted("requests/list.json");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"requests/mark-read.json", "requests/typing-indicator.json"})
    @DisplayName("mark as read posts status read with the message id, and typing_indicator.type text for the typing"
            + " indicator; {\"success\":true} gives Sent(that id)")
    void markReadAndTyping(String request) {
        wm.stubFor(messages().willReturn(json(200, "responses/read.json")));
        String received = "wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQUY2MEVFQjYyQzhDNzE3MTk1NwA=";

        SendOutcome outcome = request.contains("typing") ? client.showTypingIndicator(received) : client.markRead(received);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(received));
        verifyPosted(request);
    }

    @Test
    @DisplayName("a host's own HttpClient is used as given")
    void ownHttpClient() {
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));
        WhatsAppCloudClient own = CloudTestSupport.client(wm, new RecordingSleeper())
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()).build();

        assertThat(own.sendText(TO, "Hi Thandi, your ticket T-1042 is resolved. Reply here if anything is still"
                + " wrong.")).isEqualTo(new SendOutcome.Sent(WAMID));
        verifyPosted("requests/text.json");
    }

    @Test
    @DisplayName("the endpoint is {baseUrl}/{version}/{phone-number-id}/messages, a trailing slash on the base ignored")
    void endpoint() {
        WhatsAppCloudClient c = WhatsAppCloudClient.builder().baseUrl(URI.create("https://graph.facebook.com/"))
                .phoneNumberId("106540352242922").accessToken(TOKEN).build();
        assertThat(c.messagesEndpoint())
                .isEqualTo(URI.create("https://graph.facebook.com/v23.0/106540352242922/messages"));
        assertThat(c.apiVersion()).isEqualTo("v23.0");
        assertThat(c.requestTimeout()).hasSeconds(10);
        assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    }
}
