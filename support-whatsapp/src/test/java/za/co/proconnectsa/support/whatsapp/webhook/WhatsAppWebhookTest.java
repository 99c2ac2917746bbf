package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.bytes;
import static za.co.proconnectsa.support.whatsapp.webhook.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage.InteractiveReply;

class WhatsAppWebhookTest {

    private static InboundMessage onlyMessage(String fixture) {
        List<WebhookEvent> events = WhatsAppWebhook.parse(bytes(fixture));
        assertThat(events).hasSize(1).first().isInstanceOf(InboundMessage.class);
        return (InboundMessage) events.get(0);
    }

    private static StatusUpdate onlyStatus(String fixture) {
        List<WebhookEvent> events = WhatsAppWebhook.parse(bytes(fixture));
        assertThat(events).hasSize(1).first().isInstanceOf(StatusUpdate.class);
        return (StatusUpdate) events.get(0);
    }

    @Nested
    @DisplayName("Meta's documented payloads")
    class Fixtures {

        @Test
        @DisplayName("text: id, sender, profile name, epoch-seconds timestamp, body")
        void text() {
            InboundMessage m = onlyMessage("text.json");
            assertThat(m.messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
            assertThat(m.businessPhoneNumberId()).isEqualTo("106540352242922");
            assertThat(m.sender().waId()).isEqualTo("16505551234");
            assertThat(m.sender().userId()).isNull();
            assertThat(m.sender().profileName()).isEqualTo("Sheena Nelson");
            assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1749416383L));
            assertThat(m.type()).isEqualTo(InboundMessage.Type.TEXT);
            assertThat(m.text()).isEqualTo("Does it come in another color?");
            assertThat(m.media()).isNull();
            assertThat(m.reply()).isNull();
            assertThat(m.context()).isNull();
            assertThat(m.referral()).isNull();
        }

        @Test
        @DisplayName("image: media id and mime type, caption as text")
        void image() {
            InboundMessage m = onlyMessage("image.json");
            assertThat(m.type()).isEqualTo(InboundMessage.Type.IMAGE);
            assertThat(m.media().id()).isEqualTo("1013859600285441");
            assertThat(m.media().mimeType()).isEqualTo("image/jpeg");
            assertThat(m.media().sha256()).isEqualTo("Ez5IVrCwa8aJJ7XgS0+C7oVTmJHrXfRJ9d8CVzdBq6g=");
            assertThat(m.text()).isEqualTo("The best succulent ever?");
        }

        @Test
        @DisplayName("interactive button reply: button id and title, context of the message with the button")
        void buttonReply() {
            InboundMessage m = onlyMessage("interactive_button_reply.json");
            assertThat(m.type()).isEqualTo(InboundMessage.Type.INTERACTIVE);
            assertThat(m.reply()).isEqualTo(new InteractiveReply(InteractiveReply.Kind.BUTTON_REPLY, "cancel-button",
                    "Cancel", null));
            assertThat(m.context().messageId())
                    .isEqualTo("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=");
            assertThat(m.context().from()).isEqualTo("15550783881");
            assertThat(m.context().forwarded()).isFalse();
        }

        @Test
        @DisplayName("interactive list reply: row id, title and description")
        void listReply() {
            InboundMessage m = onlyMessage("interactive_list_reply.json");
            assertThat(m.reply()).isEqualTo(new InteractiveReply(InteractiveReply.Kind.LIST_REPLY, "priority_express",
                    "Priority Mail Express", "Next Day to 2 Days"));
        }

        @Test
        @DisplayName("reply context: the quoted message's id and sender")
        void replyContext() {
            InboundMessage m = onlyMessage("text_reply_context.json");
            assertThat(m.context()).isEqualTo(new InboundMessage.ReplyContext(
                    "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA", "15550783881", false, false));
            assertThat(m.text()).isEqualTo("Yes please, the green one");
        }

        @Test
        @DisplayName("forwarded: context flags without a quoted message")
        void forwarded() {
            InboundMessage m = onlyMessage("text_forwarded.json");
            assertThat(m.context()).isEqualTo(new InboundMessage.ReplyContext(null, null, true, true));
        }

        @Test
        @DisplayName("Click to WhatsApp ad: referral with source, headline, body and click id")
        void adReferral() {
            InboundMessage m = onlyMessage("text_ad_referral.json");
            assertThat(m.referral()).isEqualTo(new InboundMessage.Referral("https://fb.me/3cr4Wqqkv",
                    "120226305854810726", "ad", "Chat with us", "Summer succulents are here!", "image",
                    "Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50"));
            assertThat(m.text()).isEqualTo("Can I get more info about this?");
        }

        @Test
        @DisplayName("statuses: sent, delivered, read")
        void statuses() {
            StatusUpdate sent = onlyStatus("status_sent.json");
            assertThat(sent.messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA");
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.recipientId()).isEqualTo("16505551234");
            assertThat(sent.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263773L));
            assertThat(sent.businessPhoneNumberId()).isEqualTo("106540352242922");
            assertThat(sent.errors()).isEmpty();
            assertThat(onlyStatus("status_delivered.json").status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(onlyStatus("status_read.json").status()).isEqualTo(DeliveryStatus.READ);
        }

        @Test
        @DisplayName("pricing of a status: model, category and type kept (lower-case); a report without one has none")
        void pricing() {
            assertThat(onlyStatus("status_delivered.json").pricing())
                    .isEqualTo(new MessagePricing("pmp", "utility", "regular"));
            assertThat(onlyStatus("status_failed.json").pricing()).isNull();
            String odd = new String(bytes("status_delivered.json"), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"category\": \"utility\"", "\"category\": \"new category with spaces\"");
            StatusUpdate tolerated = (StatusUpdate) WhatsAppWebhook.parse(
                    odd.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
            assertThat(tolerated.status()).as("an unreadable pricing never refuses the report")
                    .isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(tolerated.pricing()).isNull();
        }

        @Test
        @DisplayName("failed status: the provider's error code, title, details and link")
        void failed() {
            StatusUpdate failed = onlyStatus("status_failed.json");
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.errors()).containsExactly(new DeliveryError(131047, "Re-engagement message",
                    "Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                    "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"));
        }

        @Test
        @DisplayName("business-scoped user id: a username user arrives without a phone number")
        void bsuidMessage() {
            InboundMessage m = onlyMessage("bsuid_username_user.json");
            assertThat(m.sender().waId()).isNull();
            assertThat(m.sender().userId()).isEqualTo("US.13491208655302741918");
            assertThat(m.sender().parentUserId()).isEqualTo("US.ENT.11815799212886844830");
            assertThat(m.sender().username()).isEqualTo("@sheena");
            assertThat(m.sender().profileName()).isEqualTo("Sheena Nelson");
        }

        @Test
        @DisplayName("API versions v22 to v26: phone only, phone and user_id, username only, a new user id, a system change, unsupported")
        void versions() {
            InboundMessage v22 = onlyMessage("versions/v22_text.json");
            assertThat(v22.sender().waId()).isEqualTo("16505551234");
            assertThat(v22.sender().userId()).isNull();
            assertThat(onlyStatus("versions/v23_status_delivered.json").pricing())
                    .isEqualTo(new MessagePricing("pmp", "service",
                            "free_customer_service"));
            InboundMessage v24 = onlyMessage("versions/v24_text_bsuid.json");
            assertThat(v24.sender().waId()).isEqualTo("16505551234");
            assertThat(v24.sender().userId()).isEqualTo("US.13491208655302741918");
            InboundMessage v25 = onlyMessage("versions/v25_text_username_only.json");
            assertThat(v25.sender().waId()).isNull();
            assertThat(v25.sender().username()).isEqualTo("@sheena");
            assertThat(v25.text()).isEqualTo("Any news? 🙏");
            StatusUpdate toUserId = onlyStatus("versions/v25_status_bsuid.json");
            assertThat(toUserId.recipientId()).isNull();
            assertThat(toUserId.recipientUserId()).isEqualTo("US.55501208655302741777");
            InboundMessage system = onlyMessage("versions/v26_system_user_changed_user_id.json");
            assertThat(system.type()).isEqualTo(InboundMessage.Type.SYSTEM);
            assertThat(system.sender().userId()).isEqualTo("US.13491208655302741918");
            assertThat(system.system()).isEqualTo(new InboundMessage.SystemChange("user_changed_user_id",
                    "US.77001208655302741999", null));
            assertThat(onlyMessage("versions/v26_text_new_user_id.json").sender().userId())
                    .isEqualTo("US.77001208655302741999");
            assertThat(WhatsAppWebhook.parse(bytes("versions/v26_unsupported.json")))
                    .containsExactly(new UnsupportedEvent("messages", "unsupported", "wamid.v26.unsupported"));
        }

        @Test
        @DisplayName("template_category_update: the template, its language and the previous and new categories")
        void templateCategoryUpdate() {
            assertThat(WhatsAppWebhook.parse(bytes("template_category_update.json"))).containsExactly(
                    new TemplateCategoryUpdate("1165370078511580", "booking_reminder", "en", "UTILITY", "MARKETING",
                            null, null));
        }

        @Test
        @DisplayName("business-scoped user id on a status: recipient_user_id")
        void bsuidStatus() {
            StatusUpdate s = onlyStatus("bsuid_status_delivered.json");
            assertThat(s.recipientId()).isEqualTo("16505551234");
            assertThat(s.recipientUserId()).isEqualTo("US.13491208655302741918");
        }

        @Test
        @DisplayName("change-level errors are an unsupported event")
        void errors() {
            assertThat(WhatsAppWebhook.parse(bytes("errors.json")))
                    .containsExactly(new UnsupportedEvent("messages", "errors", null));
        }

        @Test
        @DisplayName("a batch of entries and changes: every event, in order, unsupported ones included")
        void batched() {
            List<WebhookEvent> events = WhatsAppWebhook.parse(bytes("batched.json"));
            assertThat(events).hasSize(5);
            InboundMessage first = (InboundMessage) events.get(0);
            assertThat(first.sender().waId()).isEqualTo("27679518124");
            assertThat(first.sender().profileName()).isEqualTo("Thandi Mokoena");
            assertThat(first.text()).isEqualTo("My invoice is wrong");
            assertThat(events.get(1)).isEqualTo(new UnsupportedEvent("messages", "location",
                    "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzRUIwMUE4NzA5QjFGNkM3RDZFOQA="));
            assertThat(((StatusUpdate) events.get(2)).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(((StatusUpdate) events.get(3)).status()).isEqualTo(DeliveryStatus.READ);
            assertThat(events.get(4)).isEqualTo(new UnsupportedEvent("account_update", null, null));
        }

        @Test
        @DisplayName("escaped unicode and slashes are decoded")
        void escapedUnicode() {
            InboundMessage m = onlyMessage("escaped_unicode.json");
            assertThat(m.text()).isEqualTo("Grüße! Ist die Rechnung für März schon da? \uD83D\uDE4F https://proconnectsa.co.za/faq");
            assertThat(m.sender().profileName()).isEqualTo("Jürgen Müller");
        }
    }

    @Nested
    @DisplayName("tolerance")
    class Tolerance {

        @Test
        @DisplayName("unknown fields at every level are ignored")
        void unknownFields() {
            String body = """
                    {"object":"whatsapp_business_account","novel":{"a":[1,2,{"b":null}]},
                     "entry":[{"id":"1","time":1750000000,"extra":true,"changes":[{"field":"messages","new":1.5,
                       "value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"9","x":"y"},
                         "contacts":[{"wa_id":"27679518124","profile":{"name":"T","avatar":"z"},"identity_key_hash":"h"}],
                         "messages":[{"from":"27679518124","id":"wamid.1","timestamp":"1750000000","type":"text",
                           "text":{"body":"hi","preview_url":false},"group_id":"g","origin":{"k":"v"}}]}}]}]}""";
            List<WebhookEvent> events = WhatsAppWebhook.parse(utf8(body));
            assertThat(events).hasSize(1);
            assertThat(((InboundMessage) events.get(0)).text()).isEqualTo("hi");
        }

        @Test
        @DisplayName("unknown message, interactive and status types become unsupported events")
        void unknownTypes() {
            String body = """
                    {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
                      "messages":[
                        {"from":"1","id":"wamid.a","timestamp":"1","type":"reaction","reaction":{"emoji":"x"}},
                        {"from":"1","id":"wamid.b","timestamp":"1","type":"interactive","interactive":{"type":"nfm_reply"}},
                        {"from":"1","id":"wamid.c","timestamp":"1","type":"hologram"}],
                      "statuses":[{"id":"wamid.d","status":"played","timestamp":"2"}]}}]}]}""";
            assertThat(WhatsAppWebhook.parse(utf8(body))).containsExactly(
                    new UnsupportedEvent("messages", "reaction", "wamid.a"),
                    new UnsupportedEvent("messages", "interactive/nfm_reply", "wamid.b"),
                    new UnsupportedEvent("messages", "hologram", "wamid.c"),
                    new UnsupportedEvent("messages", "statuses/played", "wamid.d"));
        }

        @Test
        @DisplayName("a body of another Meta product is one unsupported event")
        void otherObject() {
            assertThat(WhatsAppWebhook.parse(utf8("{\"object\":\"page\",\"entry\":[{\"messaging\":[]}]}")))
                    .containsExactly(new UnsupportedEvent("page", null, null));
        }

        @Test
        @DisplayName("no entries, no changes, no value: no events")
        void empty() {
            assertThat(WhatsAppWebhook.parse(utf8("{\"object\":\"whatsapp_business_account\"}"))).isEmpty();
            assertThat(WhatsAppWebhook.parse(utf8("{\"entry\":[{\"id\":\"1\"}]}"))).isEmpty();
            assertThat(WhatsAppWebhook.parse(utf8("{\"entry\":[{\"changes\":[{\"field\":\"messages\"}]}]}"))).isEmpty();
        }

        @Test
        @DisplayName("a numeric timestamp is accepted as well as a string")
        void numericTimestamp() {
            String body = "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":"
                    + "[{\"id\":\"wamid.x\",\"status\":\"sent\",\"timestamp\":1750000000}]}}]}]}";
            assertThat(((StatusUpdate) WhatsAppWebhook.parse(utf8(body)).get(0)).timestamp())
                    .isEqualTo(Instant.ofEpochSecond(1750000000L));
        }

        @Test
        @DisplayName("several contacts: each message gets its own sender's profile")
        void contactsMatched() {
            InboundMessage first = (InboundMessage) WhatsAppWebhook.parse(bytes("batched.json")).get(0);
            assertThat(first.sender().profileName()).isEqualTo("Thandi Mokoena");
        }
    }

    @Nested
    @DisplayName("malformed bodies are a WebhookParseException")
    class Malformed {

        @ParameterizedTest
        @ValueSource(strings = {
            "", "   ", "not json", "[]", "42", "\"text\"", "null", "{", "{\"entry\":",
            "{\"entry\":{}}", "{\"entry\":[1]}", "{\"entry\":[{\"changes\":{}}]}",
            "{\"entry\":[{\"changes\":[{\"value\":{}}]}]}",
            "{\"entry\":[{\"changes\":[{\"field\":7}]}]}",
            "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":[]}]}]}",
            "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":{}}}]}]}",
            "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[{\"type\":\"text\"}]}}]}]}",
            "{\"object\":1}",
            "{\"object\":\"whatsapp_business_account\"} trailing",
            "{\"object\":\"whatsapp_business_account\",\"object\":\"page\"}",
        })
        void rejected(String body) {
            assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(body))).isInstanceOf(WebhookParseException.class);
        }

        private static String message(String fields) {
            return "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[{" + fields + "}]}}]}]}";
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "\"from\":\"1\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":5,\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"-5\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"12a\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1234567890123\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":1.5,\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\"",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":3}",
            "\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"image\",\"image\":{\"mime_type\":\"image/png\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"image\",\"image\":{\"id\":\" \"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"r\"}}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"},\"context\":{\"forwarded\":\"yes\"}",
            "\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"},\"referral\":[]",
        })
        void malformedMessages(String fields) {
            assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(message(fields))))
                    .isInstanceOf(WebhookParseException.class)
                    .satisfies(e -> assertThat(((WebhookParseException) e).path()).startsWith("entry[0].changes[0].value.messages[0]"));
        }

        @Test
        @DisplayName("a message id longer than 200 characters is refused")
        void longId() {
            String id = "w".repeat(201);
            String body = message("\"from\":\"1\",\"id\":\"" + id + "\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}");
            assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(body))).isInstanceOf(WebhookParseException.class)
                    .hasMessageContaining("messages[0].id");
        }

        @Test
        @DisplayName("a failed status whose error code is not a number is refused")
        void badErrorCode() {
            String body = "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":[{\"id\":\"w\","
                    + "\"status\":\"failed\",\"timestamp\":\"1\",\"errors\":[{\"code\":\"x\"}]}]}}]}]}";
            assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(body))).isInstanceOf(WebhookParseException.class)
                    .hasMessageContaining("errors[0].code");
        }

        @Test
        @DisplayName("null, invalid UTF-8 and deep nesting are refused")
        void oddInputs() {
            assertThatThrownBy(() -> WhatsAppWebhook.parse(null)).isInstanceOf(WebhookParseException.class);
            assertThatThrownBy(() -> WhatsAppWebhook.parse(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}))
                    .isInstanceOf(WebhookParseException.class);
            String deep = "[".repeat(5000) + "]".repeat(5000);
            assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(deep))).isInstanceOf(WebhookParseException.class);
            String deepObject = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(deepObject))).isInstanceOf(WebhookParseException.class);
        }

        @Test
        @DisplayName("the exception does not repeat the body's content")
        void noEcho() {
            String secretish = "27679518124-private-words";
            for (String body : List.of("{\"object\":\"" + secretish, secretish,
                    message("\"from\":\"" + secretish + "\",\"id\":\"w\",\"timestamp\":\"" + secretish + "\",\"type\":\"text\""))) {
                assertThatThrownBy(() -> WhatsAppWebhook.parse(utf8(body))).isInstanceOf(WebhookParseException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("27679518124").doesNotContain("private"))
                        .hasNoCause();
            }
        }
    }

    @Test
    @DisplayName("toString masks phone numbers and leaves message text out")
    void safeToString() {
        InboundMessage m = onlyMessage("escaped_unicode.json");
        assertThat(m.toString()).doesNotContain("27679518124").contains("+27 67 *** **24").doesNotContain("Rechnung");
        StatusUpdate s = onlyStatus("status_read.json");
        assertThat(s.toString()).doesNotContain("16505551234");
    }
}
