package za.co.proconnectsa.support.whatsapp.webhook.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.whatsapp.webhook.DeliveryStatus;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;
import za.co.proconnectsa.support.whatsapp.webhook.MessagePricing;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage.InteractiveReply;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage.Media;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage.Referral;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage.ReplyContext;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage.Sender;
import za.co.proconnectsa.support.whatsapp.webhook.DeliveryError;
import za.co.proconnectsa.support.whatsapp.webhook.StatusUpdate;
import za.co.proconnectsa.support.whatsapp.webhook.UnsupportedEvent;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookEvent;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookParseException;

/**
 * The parser behind {@link za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook}: Jackson's tree model,
 * then a walk that reads only the documented parts. Not part of the API.
 */
public final class WebhookParser {

    /** The deepest nesting accepted; real bodies nest about ten levels. */
    public static final int MAX_DEPTH = 64;

    private static final String WABA = "whatsapp_business_account";
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WebhookParser() {
    }

    /**
     * @param body the raw body
     * @return the events
     * @throws WebhookParseException for anything unreadable
     */
    public static List<WebhookEvent> parse(byte[] body) {
        if (body == null) {
            throw new WebhookParseException("", "the body is missing");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException | RuntimeException e) {
            throw new WebhookParseException("", "not readable as JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new WebhookParseException("", "the body is empty");
        }
        try {
            return events(root);
        } catch (WebhookParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // a record check (InvalidInputException) or anything unforeseen: still a typed rejection
            throw new WebhookParseException("", "unexpected content (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static WebhookParseException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new WebhookParseException("", "not valid JSON" + where + " (" + e.getClass().getSimpleName() + ")");
    }

    private static List<WebhookEvent> events(JsonNode root) {
        if (!root.isObject()) {
            throw new WebhookParseException("", "must be a JSON object");
        }
        String object = optionalText(root, "object", "object");
        if (object != null && !WABA.equals(object)) {
            return List.of(new UnsupportedEvent(object, null, null));
        }
        JsonNode entries = root.get("entry");
        if (isAbsent(entries)) {
            return List.of();
        }
        requireArray(entries, "entry");
        List<WebhookEvent> events = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            String entryPath = "entry[" + e + "]";
            JsonNode entry = requireObject(entries.get(e), entryPath);
            JsonNode changes = entry.get("changes");
            if (isAbsent(changes)) {
                continue;
            }
            String changesPath = entryPath + ".changes";
            requireArray(changes, changesPath);
            for (int c = 0; c < changes.size(); c++) {
                String changePath = changesPath + "[" + c + "]";
                JsonNode change = requireObject(changes.get(c), changePath);
                String field = requiredText(change, "field", changePath + ".field");
                if ("template_category_update".equals(field)) {
                    events.add(templateCategory(change.get("value"), changePath + ".value"));
                    continue;
                }
                if (!"messages".equals(field)) {
                    events.add(new UnsupportedEvent(field, null, null));
                    continue;
                }
                String valuePath = changePath + ".value";
                JsonNode value = change.get("value");
                if (isAbsent(value)) {
                    continue;
                }
                messagesValue(requireObject(value, valuePath), valuePath, events);
            }
        }
        return events;
    }

    /** Meta's template_category_update value; a body without the template's name is an unsupported event. */
    private static WebhookEvent templateCategory(JsonNode value, String path) {
        if (isAbsent(value)) {
            return new UnsupportedEvent("template_category_update", null, null);
        }
        requireObject(value, path);
        String name = optionalText(value, "message_template_name", path + ".message_template_name");
        if (name == null || !za.co.proconnectsa.support.internal.Text.isIdentifier(name)) {
            return new UnsupportedEvent("template_category_update", null, null);
        }
        JsonNode id = value.get("message_template_id");
        String templateId = isAbsent(id) ? null : id.isIntegralNumber() ? id.asText() : id.isTextual() ? id.textValue() : null;
        JsonNode when = value.get("category_update_timestamp");
        Instant effective = null;
        if (!isAbsent(when) && when.isIntegralNumber() && when.canConvertToLong()) {
            effective = Instant.ofEpochSecond(when.longValue());
        } else if (!isAbsent(when) && when.isTextual() && when.textValue().matches("[0-9]{1,12}")) {
            effective = Instant.ofEpochSecond(Long.parseLong(when.textValue()));
        }
        return new za.co.proconnectsa.support.whatsapp.webhook.TemplateCategoryUpdate(templateId, name,
                optionalText(value, "message_template_language", path + ".message_template_language"),
                optionalText(value, "previous_category", path + ".previous_category"),
                optionalText(value, "new_category", path + ".new_category"),
                optionalText(value, "correct_category", path + ".correct_category"), effective);
    }

    private static void messagesValue(JsonNode value, String path, List<WebhookEvent> events) {
        String phoneNumberId = null;
        JsonNode metadata = value.get("metadata");
        if (!isAbsent(metadata)) {
            phoneNumberId = optionalText(requireObject(metadata, path + ".metadata"), "phone_number_id",
                    path + ".metadata.phone_number_id");
        }
        List<Contact> contacts = contacts(value.get("contacts"), path + ".contacts");

        JsonNode messages = value.get("messages");
        if (!isAbsent(messages)) {
            String messagesPath = path + ".messages";
            requireArray(messages, messagesPath);
            for (int i = 0; i < messages.size(); i++) {
                String p = messagesPath + "[" + i + "]";
                events.add(message(requireObject(messages.get(i), p), p, phoneNumberId, contacts));
            }
        }
        JsonNode statuses = value.get("statuses");
        if (!isAbsent(statuses)) {
            String statusesPath = path + ".statuses";
            requireArray(statuses, statusesPath);
            for (int i = 0; i < statuses.size(); i++) {
                String p = statusesPath + "[" + i + "]";
                events.add(status(requireObject(statuses.get(i), p), p, phoneNumberId));
            }
        }
        JsonNode errors = value.get("errors");
        if (!isAbsent(errors)) {
            requireArray(errors, path + ".errors");
            if (errors.size() > 0) {
                events.add(new UnsupportedEvent("messages", "errors", null));
            }
        }
    }

    private static WebhookEvent message(JsonNode m, String path, String phoneNumberId, List<Contact> contacts) {
        String id = messageId(m, path);
        if (!StorableEvents.isStorableId(id)) {
            return new UnsupportedEvent("messages", StorableEvents.REFUSED_ID, null);
        }
        String type = requiredText(m, "type", path + ".type");
        Instant timestamp = timestamp(m, path);
        InboundMessage.Type kind;
        String text = null;
        Media media = null;
        InteractiveReply reply = null;
        InboundMessage.SystemChange system = null;
        switch (type) {
            case "text" -> {
                kind = InboundMessage.Type.TEXT;
                text = requiredText(requiredObject(m, "text", path), "body", path + ".text.body");
            }
            case "image", "video", "audio", "document", "sticker" -> {
                kind = InboundMessage.Type.valueOf(type.toUpperCase(Locale.ROOT));
                String p = path + "." + type;
                JsonNode node = requiredObject(m, type, path);
                media = new Media(requiredNonBlank(node, "id", p + ".id"), optionalText(node, "mime_type", p + ".mime_type"),
                        optionalText(node, "sha256", p + ".sha256"), optionalText(node, "filename", p + ".filename"));
                text = optionalText(node, "caption", p + ".caption");
            }
            case "interactive" -> {
                String p = path + ".interactive";
                JsonNode node = requiredObject(m, "interactive", path);
                String replyType = requiredText(node, "type", p + ".type");
                InteractiveReply.Kind replyKind;
                if ("button_reply".equals(replyType)) {
                    replyKind = InteractiveReply.Kind.BUTTON_REPLY;
                } else if ("list_reply".equals(replyType)) {
                    replyKind = InteractiveReply.Kind.LIST_REPLY;
                } else {
                    return new UnsupportedEvent("messages", "interactive/" + replyType, id);
                }
                String rp = p + "." + replyType;
                JsonNode r = requiredObject(node, replyType, p);
                reply = new InteractiveReply(replyKind, requiredText(r, "id", rp + ".id"),
                        requiredText(r, "title", rp + ".title"), optionalText(r, "description", rp + ".description"));
                kind = InboundMessage.Type.INTERACTIVE;
            }
            case "button" -> {
                String p = path + ".button";
                JsonNode node = requiredObject(m, "button", path);
                reply = new InteractiveReply(InteractiveReply.Kind.TEMPLATE_BUTTON,
                        requiredText(node, "payload", p + ".payload"), requiredText(node, "text", p + ".text"), null);
                kind = InboundMessage.Type.BUTTON;
            }
            case "system" -> {
                String p = path + ".system";
                JsonNode node = requiredObject(m, "system", path);
                String systemType = requiredText(node, "type", p + ".type");
                if (!InboundMessage.SystemChange.USER_ID_CHANGED.equals(systemType)
                        && !InboundMessage.SystemChange.NUMBER_CHANGED.equals(systemType)) {
                    return new UnsupportedEvent("messages", "system/" + systemType, id);
                }
                system = new InboundMessage.SystemChange(systemType, optionalText(node, "user_id", p + ".user_id"),
                        optionalText(node, "wa_id", p + ".wa_id"));
                text = optionalText(node, "body", p + ".body");
                kind = InboundMessage.Type.SYSTEM;
            }
            default -> {
                return new UnsupportedEvent("messages", type, id);
            }
        }
        InboundMessage message = new InboundMessage(id, phoneNumberId, sender(m, path, contacts), timestamp, kind, text,
                media, reply, context(m.get("context"), path + ".context"), referral(m.get("referral"), path + ".referral"),
                system);
        if (StorableEvents.refusedPart(message).isPresent()) {
            return new UnsupportedEvent("messages", StorableEvents.REFUSED_CONTENT, id);
        }
        return message;
    }

    private static Sender sender(JsonNode m, String path, List<Contact> contacts) {
        String from = optionalText(m, "from", path + ".from");
        String fromUserId = optionalText(m, "from_user_id", path + ".from_user_id");
        String fromParent = optionalText(m, "from_parent_user_id", path + ".from_parent_user_id");
        Contact contact = match(contacts, from, fromUserId);
        String waId = from != null ? from : contact == null ? null : contact.waId;
        String userId = fromUserId != null ? fromUserId : contact == null ? null : contact.userId;
        String parent = fromParent != null ? fromParent : contact == null ? null : contact.parentUserId;
        if (isBlank(waId) && isBlank(userId)) {
            throw new WebhookParseException(path, "names no sender (neither from nor from_user_id)");
        }
        return new Sender(waId, userId, parent, contact == null ? null : contact.name,
                contact == null ? null : contact.username);
    }

    /** The contact a message is from: the one with its wa_id or user_id, else the only one if it does not contradict. */
    private static Contact match(List<Contact> contacts, String from, String fromUserId) {
        for (Contact c : contacts) {
            if ((from != null && from.equals(c.waId)) || (fromUserId != null && fromUserId.equals(c.userId))) {
                return c;
            }
        }
        if (contacts.size() == 1) {
            Contact only = contacts.get(0);
            boolean contradicts = (from != null && only.waId != null) || (fromUserId != null && only.userId != null);
            return contradicts ? null : only;
        }
        return null;
    }

    private static ReplyContext context(JsonNode node, String path) {
        if (isAbsent(node)) {
            return null;
        }
        requireObject(node, path);
        return new ReplyContext(optionalText(node, "id", path + ".id"), optionalText(node, "from", path + ".from"),
                optionalBoolean(node, "forwarded", path + ".forwarded"),
                optionalBoolean(node, "frequently_forwarded", path + ".frequently_forwarded"));
    }

    private static Referral referral(JsonNode node, String path) {
        if (isAbsent(node)) {
            return null;
        }
        requireObject(node, path);
        return new Referral(optionalText(node, "source_url", path + ".source_url"),
                optionalText(node, "source_id", path + ".source_id"),
                optionalText(node, "source_type", path + ".source_type"),
                optionalText(node, "headline", path + ".headline"), optionalText(node, "body", path + ".body"),
                optionalText(node, "media_type", path + ".media_type"),
                optionalText(node, "ctwa_clid", path + ".ctwa_clid"));
    }

    private static WebhookEvent status(JsonNode s, String path, String phoneNumberId) {
        String id = messageId(s, path);
        if (!StorableEvents.isStorableId(id)) {
            return new UnsupportedEvent("messages", StorableEvents.REFUSED_ID, null);
        }
        String raw = requiredText(s, "status", path + ".status");
        Instant timestamp = timestamp(s, path);
        DeliveryStatus status;
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "sent" -> status = DeliveryStatus.SENT;
            case "delivered" -> status = DeliveryStatus.DELIVERED;
            case "read" -> status = DeliveryStatus.READ;
            case "failed" -> status = DeliveryStatus.FAILED;
            default -> {
                return new UnsupportedEvent("messages", "statuses/" + raw, id);
            }
        }
        return new StatusUpdate(id, phoneNumberId, status, optionalText(s, "recipient_id", path + ".recipient_id"),
                optionalText(s, "recipient_user_id", path + ".recipient_user_id"), timestamp,
                deliveryErrors(s.get("errors"), path + ".errors"), pricing(s.get("pricing")));
    }

    /** The report's pricing; one Meta may extend or change, so anything unreadable is dropped, never refused. */
    private static MessagePricing pricing(JsonNode node) {
        if (isAbsent(node) || !node.isObject()) {
            return null;
        }
        JsonNode model = node.get("pricing_model");
        JsonNode category = node.get("category");
        JsonNode type = node.get("type");
        if (model == null || !model.isTextual() || category == null || !category.isTextual()) {
            return null;
        }
        try {
            return new MessagePricing(model.textValue(), category.textValue(),
                    type != null && type.isTextual() ? type.textValue() : null);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static List<DeliveryError> deliveryErrors(JsonNode errors, String path) {
        if (isAbsent(errors)) {
            return List.of();
        }
        requireArray(errors, path);
        List<DeliveryError> list = new ArrayList<>(errors.size());
        for (int i = 0; i < errors.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode e = requireObject(errors.get(i), p);
            int code = 0;
            JsonNode codeNode = e.get("code");
            if (!isAbsent(codeNode)) {
                if (!codeNode.isIntegralNumber() || !codeNode.canConvertToInt()) {
                    throw new WebhookParseException(p + ".code", "must be a whole number");
                }
                code = codeNode.intValue();
            }
            String details = null;
            JsonNode data = e.get("error_data");
            if (!isAbsent(data)) {
                details = optionalText(requireObject(data, p + ".error_data"), "details", p + ".error_data.details");
            }
            list.add(new DeliveryError(code, optionalText(e, "title", p + ".title"),
                    optionalText(e, "message", p + ".message"), details, optionalText(e, "href", p + ".href")));
        }
        return list;
    }

    private static List<Contact> contacts(JsonNode contacts, String path) {
        if (isAbsent(contacts)) {
            return List.of();
        }
        requireArray(contacts, path);
        List<Contact> list = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode c = requireObject(contacts.get(i), p);
            String name = null;
            String username = null;
            JsonNode profile = c.get("profile");
            if (!isAbsent(profile)) {
                requireObject(profile, p + ".profile");
                name = optionalText(profile, "name", p + ".profile.name");
                username = optionalText(profile, "username", p + ".profile.username");
            }
            list.add(new Contact(optionalText(c, "wa_id", p + ".wa_id"), optionalText(c, "user_id", p + ".user_id"),
                    optionalText(c, "parent_user_id", p + ".parent_user_id"), name, username));
        }
        return list;
    }

    private record Contact(String waId, String userId, String parentUserId, String name, String username) {
    }

    private static String messageId(JsonNode node, String path) {
        String id = requiredText(node, "id", path + ".id");
        if (id.isBlank() || id.length() > InboundMessage.MAX_ID_LENGTH) {
            throw new WebhookParseException(path + ".id", "must be 1 to " + InboundMessage.MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    /** Meta sends epoch seconds as a string; a whole number is accepted too. */
    private static Instant timestamp(JsonNode node, String path) {
        String p = path + ".timestamp";
        JsonNode t = node.get("timestamp");
        if (isAbsent(t)) {
            throw new WebhookParseException(p, "is missing");
        }
        String digits;
        if (t.isTextual()) {
            digits = t.textValue();
        } else if (t.isIntegralNumber() && t.canConvertToLong()) {
            digits = Long.toString(t.longValue());
        } else {
            throw new WebhookParseException(p, "must be a string of epoch seconds");
        }
        if (digits.isEmpty() || digits.length() > MAX_TIMESTAMP_DIGITS) {
            throw new WebhookParseException(p, "must be a string of epoch seconds");
        }
        long seconds = 0;
        for (int i = 0; i < digits.length(); i++) {
            char ch = digits.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new WebhookParseException(p, "must be a string of epoch seconds");
            }
            seconds = seconds * 10 + (ch - '0');
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static JsonNode requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new WebhookParseException(path, "must be an object");
        }
        return node;
    }

    private static void requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new WebhookParseException(path, "must be an array");
        }
    }

    private static JsonNode requiredObject(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            throw new WebhookParseException(parentPath + "." + field, "is missing");
        }
        return requireObject(node, parentPath + "." + field);
    }

    private static String requiredNonBlank(JsonNode parent, String field, String path) {
        String text = requiredText(parent, field, path);
        if (text.isBlank()) {
            throw new WebhookParseException(path, "must not be blank");
        }
        return text;
    }

    private static String requiredText(JsonNode parent, String field, String path) {
        String text = optionalText(parent, field, path);
        if (text == null) {
            throw new WebhookParseException(path, "is missing");
        }
        return text;
    }

    private static String optionalText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new WebhookParseException(path, "must be a string");
        }
        return node.textValue();
    }

    private static boolean optionalBoolean(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new WebhookParseException(path, "must be true or false");
        }
        return node.booleanValue();
    }
}
