package za.co.proconnectsa.support.whatsapp.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.TO;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.json;
import static za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.messages;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.whatsapp.cloud.CloudTestSupport.RecordingSleeper;

/** Meta's limits are checked before sending: a refused input throws InvalidInputException and sends nothing. */
class MessageLimitsTest {

    @RegisterExtension
    static WireMockExtension wm = CloudTestSupport.wireMock();

    private WhatsAppCloudClient client;
    private boolean expectNoRequest;

    @BeforeEach
    void setUp() {
        client = CloudTestSupport.client(wm, new RecordingSleeper()).build();
        wm.stubFor(messages().willReturn(json(200, "responses/sent.json")));
        expectNoRequest = true;
    }

    @AfterEach
    void nothingSent() {
        if (expectNoRequest) {
            wm.verify(0, anyRequestedFor(anyUrl()));
        }
    }

    private static InvalidInputException refused(ThrowingCallable call) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(e).as("an InvalidInputException").isNotNull();
        return e;
    }

    private static List<String> fields(InvalidInputException e) {
        return e.fieldErrors().stream().map(InvalidInputException.FieldError::field).toList();
    }

    @Test
    @DisplayName("text: 4096 characters pass, 4097 are refused; emoji count as one character each")
    void textLength() {
        expectNoRequest = false;
        assertThat(client.sendText(TO, "a".repeat(4096))).isInstanceOf(SendOutcome.Sent.class);
        assertThat(client.sendText(TO, "\uD83D\uDE00".repeat(4096))).isInstanceOf(SendOutcome.Sent.class);

        InvalidInputException e = refused(() -> client.sendText(TO, "a".repeat(4097)));
        assertThat(e.getMessage()).isEqualTo("Invalid input: body: must be at most 4096 characters, was 4097");
    }

    @Test
    @DisplayName("text: blank or null body and a bad number are all reported together")
    void textAllProblems() {
        assertThat(fields(refused(() -> client.sendText(null, " ")))).containsExactly("body", "to");
        assertThat(fields(refused(() -> client.sendText(TO, null)))).containsExactly("body");
    }

    @Test
    @DisplayName("numbers: international digits with optional +, spaces, dashes; a local 0... number refused, masked")
    void numbers() {
        expectNoRequest = false;
        assertThat(client.sendText("+27 (67) 951-8124", "Hi")).isInstanceOf(SendOutcome.Sent.class);

        InvalidInputException local = refused(() -> client.sendText("0679518124", "Hi"));
        assertThat(local.getMessage()).contains("to: must be a phone number in international form")
                .contains("+06 79 *** **24").doesNotContain("0679518124");
        refused(() -> client.sendText("27abc9518124", "Hi"));
        refused(() -> client.sendText("123456", "Hi"));
        refused(() -> client.sendText("1234567890123456", "Hi"));
    }

    @Test
    @DisplayName("buttons: 1 to 3, title at most 20 and id at most 256 characters, both unique; body at most 1024")
    void buttons() {
        expectNoRequest = false;
        ReplyButton longest = ReplyButton.of("i".repeat(256), "t".repeat(20));
        assertThat(client.sendButtons(TO, "b".repeat(1024), List.of(longest))).isInstanceOf(SendOutcome.Sent.class);
        wm.resetRequests();
        expectNoRequest = true;

        assertThat(fields(refused(() -> ReplyButton.of("i".repeat(257), "t".repeat(21))))).containsExactly("id",
                "title");
        assertThat(refused(() -> ReplyButton.of(" yes", "Yes")).getMessage()).contains("must not start or end");
        refused(() -> ReplyButton.of("yes", " "));

        ReplyButton a = ReplyButton.of("a", "A");
        assertThat(refused(() -> client.sendButtons(TO, "Pick", List.of())).getMessage())
                .contains("buttons: must contain at least one button");
        assertThat(refused(() -> client.sendButtons(TO, "Pick", List.of(a, ReplyButton.of("b", "B"),
                ReplyButton.of("c", "C"), ReplyButton.of("d", "D")))).getMessage())
                .contains("buttons: must contain at most 3 buttons, was 4");
        assertThat(fields(refused(() -> client.sendButtons(TO, "Pick", List.of(a, ReplyButton.of("a", "A"))))))
                .containsExactly("buttons[1].id", "buttons[1].title");
        assertThat(fields(refused(() -> client.sendButtons(TO, "b".repeat(1025), List.of(a)))))
                .containsExactly("body");
        refused(() -> client.sendButtons(TO, "Pick", null));
        refused(() -> client.sendButtons(TO, "Pick", Arrays.asList(a, null)));
    }

    @Test
    @DisplayName("list: body 4096, button 20, header and footer 60; rows: id 200, title 24, description 72")
    void listTexts() {
        ListRow row = ListRow.of("r".repeat(200), "t".repeat(24), "d".repeat(72));
        ListMessage biggest = ListMessage.builder().body("b".repeat(4096)).button("x".repeat(20))
                .header("h".repeat(60)).footer("f".repeat(60))
                .section(ListSection.titled("s".repeat(24), row)).build();
        assertThat(biggest.sections()).hasSize(1);

        assertThat(fields(refused(() -> ListMessage.builder().body("b".repeat(4097)).button("x".repeat(21))
                .header("h".repeat(61)).footer("f".repeat(61)).section(ListSection.untitled(row)).build())))
                .containsExactly("body", "button", "footer", "header");
        assertThat(fields(refused(() -> ListRow.of("r".repeat(201), "t".repeat(25), "d".repeat(73)))))
                .containsExactly("description", "id", "title");
        refused(() -> ListSection.titled("s".repeat(25), row));
        refused(() -> ListMessage.builder().button("Open").section(ListSection.untitled(row)).build());
    }

    @Test
    @DisplayName("list: 1 to 10 sections, at most 10 rows in all, titles required with several sections, ids unique")
    void listStructure() {
        List<ListRow> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(ListRow.of("row" + i, "Row " + i));
        }
        ListMessage.builder().body("Pick").button("Open").section(new ListSection(null, ten)).build();

        List<ListRow> eleven = new ArrayList<>(ten);
        eleven.add(ListRow.of("row10", "Row 10"));
        assertThat(refused(() -> new ListSection("S", eleven)).getMessage())
                .contains("rows: must contain at most 10 rows, was 11");
        refused(() -> ListSection.titled("Empty"));

        ListMessage.Builder acrossSections = ListMessage.builder().body("Pick").button("Open")
                .section(new ListSection("A", ten.subList(0, 6)))
                .section(ListSection.titled("B", ListRow.of("b1", "B1"), ListRow.of("b2", "B2"),
                        ListRow.of("b3", "B3"), ListRow.of("b4", "B4"), ListRow.of("b5", "B5")));
        assertThat(refused(acrossSections::build).getMessage())
                .contains("sections: must contain at most 10 rows in all, was 11");

        ListMessage.Builder elevenSections = ListMessage.builder().body("Pick").button("Open");
        for (int i = 0; i < 11; i++) {
            elevenSections.section(ListSection.titled("S" + i, ListRow.of("r" + i, "R")));
        }
        assertThat(refused(elevenSections::build).getMessage()).contains("at most 10 sections, was 11");

        assertThat(fields(refused(() -> ListMessage.builder().body("Pick").button("Open")
                .section(ListSection.titled("A", ListRow.of("same", "One")))
                .section(ListSection.untitled(ListRow.of("same", "Two"))).build())))
                .containsExactly("sections[1].rows[0].id", "sections[1].title");
        refused(() -> ListMessage.builder().body("Pick").button("Open").build());
        refused(() -> client.sendList(TO, null));
    }

    @Test
    @DisplayName("template: name lowercase/digits/underscores, language like en_US, parameters without new-lines"
            + " or 5 spaces, header text at most 60, button indexes 0-9 once each")
    void template() {
        TemplateMessage ok = TemplateMessage.builder("ticket_update_2", "pt_BR").headerText("h".repeat(60))
                .bodyText("b".repeat(1024)).quickReplyPayload(9, "p").build();
        assertThat(ok.toString()).isEqualTo(
                "TemplateMessage{name=ticket_update_2, language=pt_BR, bodyParameters=1, header=TEXT, buttons=1}");
        TemplateMessage.builder("hello_world", "en").build();

        assertThat(fields(refused(() -> TemplateMessage.builder("Ticket-Update", "english").build())))
                .containsExactly("languageCode", "name");
        assertThat(fields(refused(() -> TemplateMessage.builder("t", "en")
                .bodyText("line\nbreak", "tab\there", "five     spaces", " ", null, "b".repeat(1025)).build())))
                .containsExactly("bodyParameters[0]", "bodyParameters[1]", "bodyParameters[2]",
                        "bodyParameters[3]", "bodyParameters[4]", "bodyParameters[5]");
        refused(() -> TemplateMessage.builder("t", "en").headerText("h".repeat(61)).build());
        refused(() -> TemplateMessage.builder("t", "en").quickReplyPayload(10, "p").build());
        refused(() -> TemplateMessage.builder("t", "en").quickReplyPayload(0, "p").urlButtonSuffix(0, "s").build());
        refused(() -> TemplateMessage.builder("t", "en").urlButtonSuffix(1, "with space").build());
        refused(() -> TemplateMessage.builder("t", "en").headerImage(URI.create("http://example.com/a.png")).build());
        assertThat(TemplateMessage.builder("t", "en").headerImage(URI.create("https://example.com/a.png")).build()
                .headerParameter()).hasValue(new TemplateMessage.HeaderParameter(TemplateMessage.HeaderKind.IMAGE,
                        "https://example.com/a.png"));
        refused(() -> client.sendTemplate(TO, null));
    }

    @Test
    @DisplayName("mark as read: the id must be a non-blank token")
    void markRead() {
        refused(() -> client.markRead(null));
        refused(() -> client.markRead(" "));
        refused(() -> client.markRead("wamid.AB CD"));
    }

    @Test
    @DisplayName("builder: every bad setting is listed; phone number id and token are required")
    void builder() {
        assertThat(fields(refused(() -> WhatsAppCloudClient.builder().build())))
                .containsExactly("accessToken", "phoneNumberId");
        assertThat(fields(refused(() -> WhatsAppCloudClient.builder().baseUrl(URI.create("ftp://graph.example"))
                .apiVersion("23.0").phoneNumberId("abc").accessToken("t").requestTimeout(Duration.ZERO)
                .retryPolicy(null).sleeper(null).clock(null).build())))
                .containsExactly("apiVersion", "baseUrl", "clock", "phoneNumberId", "requestTimeout", "retryPolicy",
                        "sleeper");
        refused(() -> WhatsAppCloudClient.builder().baseUrl(URI.create("https://graph.example?x=1"))
                .phoneNumberId("1").accessToken("t").build());
        refused(() -> WhatsAppCloudClient.builder().phoneNumberId("1").accessToken("t")
                .requestTimeout(Duration.ofMinutes(6)).build());
    }

    @Test
    @DisplayName("SendOutcome records refuse missing parts")
    void outcomes() {
        refused(() -> new SendOutcome.Sent(" "));
        refused(() -> new SendOutcome.RequiresTemplate(null));
        refused(() -> new SendOutcome.Failed(null, true));
        assertThatThrownBy(() -> new ProviderError(400, 1, 0, null, "", "", ""))
                .isInstanceOf(InvalidInputException.class);
    }
}
