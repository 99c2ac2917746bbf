package za.co.proconnectsa.support.whatsapp.cloud.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.whatsapp.cloud.ListMessage;
import za.co.proconnectsa.support.whatsapp.cloud.ListRow;
import za.co.proconnectsa.support.whatsapp.cloud.ListSection;
import za.co.proconnectsa.support.whatsapp.cloud.ProviderError;
import za.co.proconnectsa.support.whatsapp.cloud.ReplyButton;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateMessage;

/**
 * The JSON of the Cloud API's {@code POST /{version}/{phone-number-id}/messages}: request bodies as Meta
 * documents them, and the success and Graph error responses.
 */
public final class GraphJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Provider texts longer than this are cut, so a runaway body cannot flood a log. */
    private static final int MAX_TEXT = 2000;

    private GraphJson() {
    }

    /**
     * @param to   the recipient's WhatsApp id, or business-scoped user id (then sent as {@code recipient})
     * @param body the text
     * @return {@code {"messaging_product":"whatsapp","recipient_type":"individual","to":..,"type":"text",
     *         "text":{"body":..}}}
     */
    public static String text(String to, String body) {
        ObjectNode root = message(to, "text");
        root.putObject("text").put("body", body);
        return write(root);
    }

    /**
     * @param to       the recipient's WhatsApp id
     * @param template the template and its parameters
     * @return the template message request
     */
    public static String template(String to, TemplateMessage template) {
        ObjectNode root = message(to, "template");
        ObjectNode t = root.putObject("template");
        t.put("name", template.name());
        t.putObject("language").put("code", template.languageCode());
        ArrayNode components = MAPPER.createArrayNode();
        template.headerParameter().ifPresent(h -> {
            ObjectNode c = components.addObject().put("type", "header");
            ObjectNode param = c.putArray("parameters").addObject();
            if (h.kind() == TemplateMessage.HeaderKind.TEXT) {
                param.put("type", "text").put("text", h.value());
            } else {
                param.put("type", "image").putObject("image").put("link", h.value());
            }
        });
        if (!template.bodyParameters().isEmpty()) {
            ArrayNode params = components.addObject().put("type", "body").putArray("parameters");
            for (String value : template.bodyParameters()) {
                params.addObject().put("type", "text").put("text", value);
            }
        }
        for (TemplateMessage.ButtonParameter b : template.buttonParameters()) {
            ObjectNode c = components.addObject().put("type", "button");
            if (b.kind() == TemplateMessage.ButtonKind.QUICK_REPLY) {
                c.put("sub_type", "quick_reply").put("index", String.valueOf(b.index()));
                c.putArray("parameters").addObject().put("type", "payload").put("payload", b.value());
            } else {
                c.put("sub_type", "url").put("index", String.valueOf(b.index()));
                c.putArray("parameters").addObject().put("type", "text").put("text", b.value());
            }
        }
        if (!components.isEmpty()) {
            t.set("components", components);
        }
        return write(root);
    }

    /**
     * @param to      the recipient's WhatsApp id
     * @param body    the body text
     * @param buttons the reply buttons
     * @return the interactive {@code button} message request
     */
    public static String buttons(String to, String body, List<ReplyButton> buttons) {
        ObjectNode root = message(to, "interactive");
        ObjectNode interactive = root.putObject("interactive").put("type", "button");
        interactive.putObject("body").put("text", body);
        ArrayNode array = interactive.putObject("action").putArray("buttons");
        for (ReplyButton b : buttons) {
            array.addObject().put("type", "reply").putObject("reply").put("id", b.id()).put("title", b.title());
        }
        return write(root);
    }

    /**
     * @param to   the recipient's WhatsApp id
     * @param list the list message
     * @return the interactive {@code list} message request
     */
    public static String list(String to, ListMessage list) {
        ObjectNode root = message(to, "interactive");
        ObjectNode interactive = root.putObject("interactive").put("type", "list");
        list.header().ifPresent(h -> interactive.putObject("header").put("type", "text").put("text", h));
        interactive.putObject("body").put("text", list.body());
        list.footer().ifPresent(f -> interactive.putObject("footer").put("text", f));
        ObjectNode action = interactive.putObject("action").put("button", list.button());
        ArrayNode sections = action.putArray("sections");
        for (ListSection s : list.sections()) {
            ObjectNode section = sections.addObject();
            s.titleText().ifPresent(title -> section.put("title", title));
            ArrayNode rows = section.putArray("rows");
            for (ListRow r : s.rows()) {
                ObjectNode row = rows.addObject().put("id", r.id()).put("title", r.title());
                r.descriptionText().ifPresent(d -> row.put("description", d));
            }
        }
        return write(root);
    }

    /**
     * @param messageId the id of the received message
     * @return {@code {"messaging_product":"whatsapp","status":"read","message_id":..}}
     */
    public static String markRead(String messageId) {
        return write(read(messageId));
    }

    /**
     * @param messageId the id of the received message being answered
     * @return the mark-as-read request with {@code "typing_indicator":{"type":"text"}}, as Meta's typing indicators
     *         page documents it
     */
    public static String typingIndicator(String messageId) {
        ObjectNode root = read(messageId);
        root.putObject("typing_indicator").put("type", "text");
        return write(root);
    }

    private static ObjectNode read(String messageId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("status", "read");
        root.put("message_id", messageId);
        return root;
    }

    /**
     * @param to    the recipient
     * @param media the media message
     * @return the body of a media message: {@code {"type":"image","image":{"id":...,"caption":...}}}
     */
    public static String media(String to, za.co.proconnectsa.support.whatsapp.cloud.OutboundMedia media) {
        String type = media.kind().label();
        ObjectNode root = message(to, type);
        ObjectNode part = root.putObject(type);
        if (media.mediaId() != null) {
            part.put("id", media.mediaId());
        } else {
            part.put("link", media.link().toString());
        }
        if (media.caption() != null) {
            part.put("caption", media.caption());
        }
        if (media.fileName() != null) {
            part.put("filename", media.fileName());
        }
        return write(root);
    }

    /**
     * @param body the answer to {@code GET /{media-id}}
     * @return what it says, or null when it is not such an answer
     */
    public static za.co.proconnectsa.support.whatsapp.cloud.MediaInfo mediaInfo(String body) {
        JsonNode root = parse(body);
        if (root == null || !root.path("url").isTextual() || !root.path("mime_type").isTextual()) {
            return null;
        }
        JsonNode size = root.path("file_size");
        long fileSize = size.canConvertToLong() ? size.asLong()
                : size.isTextual() && size.asText().matches("[0-9]{1,18}") ? Long.parseLong(size.asText()) : -1;
        return new za.co.proconnectsa.support.whatsapp.cloud.MediaInfo(root.path("id").asText(""),
                root.path("url").asText(), root.path("mime_type").asText(),
                root.path("sha256").isTextual() ? root.path("sha256").asText() : null, fileSize);
    }

    /**
     * @param body the answer to {@code POST /{phone-number-id}/media}
     * @return the new media id, or null when it is not such an answer
     */
    public static String uploadedMediaId(String body) {
        JsonNode root = parse(body);
        JsonNode id = root == null ? null : root.path("id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    /**
     * @param body a 2xx response body of a send
     * @return {@code messages[0].id}, or null when the body has none
     */
    public static String sentMessageId(String body) {
        JsonNode root = parse(body);
        if (root == null) {
            return null;
        }
        JsonNode id = root.path("messages").path(0).path("id");
        return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    /**
     * @param body a 2xx response body of a mark-as-read request
     * @return whether it is {@code {"success":true}}
     */
    public static boolean readSucceeded(String body) {
        JsonNode root = parse(body);
        return root != null && root.path("success").asBoolean(false);
    }

    /**
     * Reads a Graph error response. Every text is passed through {@link Secret#redact} and cut to a sane
     * length; a body that is not a Graph error gives {@link ProviderError#CODE_UNREADABLE} with a message
     * that describes the body without quoting it.
     *
     * @param httpStatus  the response's status
     * @param body        the response's body
     * @param contentType the response's content type, or empty
     * @param secret      the access token, to redact
     * @return the error
     */
    public static ProviderError error(int httpStatus, String body, String contentType, Secret secret) {
        JsonNode root = parse(body);
        JsonNode error = root == null ? null : root.get("error");
        Integer code = error == null || !error.isObject() ? null : integer(error.get("code"));
        if (code == null) {
            int bytes = body == null ? 0 : body.length();
            String type = contentType == null || contentType.isBlank() ? "no content type" : contentType;
            return ProviderError.unreadable(httpStatus, "The WhatsApp Cloud API answered HTTP " + httpStatus
                    + " with a body that is not a Graph error (" + secret.redact(type) + ", " + bytes
                    + " characters)");
        }
        Integer subcode = integer(error.get("error_subcode"));
        JsonNode data = error.path("error_data");
        String details = data.isTextual() ? data.asText() : data.path("details").asText("");
        return new ProviderError(httpStatus, code, subcode == null ? 0 : subcode,
                clean(error.path("type").asText(""), secret), clean(error.path("message").asText(""), secret),
                clean(error.path("fbtrace_id").asText(""), secret), clean(details, secret));
    }

    private static String clean(String text, Secret secret) {
        String t = secret.redact(text);
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "..." : t;
    }

    private static Integer integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.valueOf(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode message(String to, String type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        // a user known by a business-scoped user id only: Meta's "recipient" field instead of "to"
        root.put(Recipients.isUserId(to) ? "recipient" : "to", to);
        root.put("type", type);
        return root;
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new SupportException("Could not write the WhatsApp request as JSON", e);
        }
    }
}
