package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing: whatever the body, the parser returns events or throws {@link WebhookParseException}, and the verifier
 * returns false without throwing. 11,000 generated bodies across the four properties (3,000 + 3,000 + 3,000 + 2,000).
 */
class WebhookFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<byte[]> FIXTURES = Fixtures.ALL.stream().map(Fixtures::bytes).toList();
    private static final WebhookSignatureVerifier VERIFIER = WebhookSignatureVerifier.create("fuzz-secret");

    /** Words that steer generated JSON into the parser's deeper branches. */
    private static final List<String> KEYS = List.of("object", "entry", "id", "changes", "field", "value",
            "messaging_product", "metadata", "phone_number_id", "contacts", "profile", "name", "username", "wa_id",
            "user_id", "parent_user_id", "messages", "from", "from_user_id", "timestamp", "type", "text", "body",
            "image", "video", "audio", "document", "sticker", "mime_type", "sha256", "caption", "filename",
            "interactive", "button_reply", "list_reply", "title", "description", "button", "payload", "context",
            "forwarded", "frequently_forwarded", "referral", "source_url", "ctwa_clid", "statuses", "status",
            "recipient_id", "recipient_user_id", "errors", "code", "error_data", "details", "href", "x");
    private static final List<String> WORDS = List.of("whatsapp_business_account", "messages", "account_update",
            "text", "image", "video", "audio", "document", "sticker", "interactive", "button_reply", "list_reply",
            "button", "location", "sent", "delivered", "read", "failed", "played", "1750000000", "-1", "",
            "27679518124", "US.13491208655302741918", "wamid.X", "image/jpeg", "12345678901234", "0");

    private static void parsesOrRejects(byte[] body) {
        List<WebhookEvent> events;
        try {
            events = WhatsAppWebhook.parse(body);
        } catch (WebhookParseException expected) {
            assertThat(expected.getMessage()).startsWith("Unreadable WhatsApp webhook body");
            Statistics.collect("rejected");
            return;
        }
        assertThat(events).doesNotContainNull();
        Statistics.collect(events.stream().anyMatch(e -> !(e instanceof UnsupportedEvent))
                ? "parsed, with messages or statuses" : "parsed, nothing supported");
    }

    // ---------------------------------------------------------------- arbitrary bytes

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 \\/truefalsnu\u00e4")
                .ofMaxLength(400).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(raw, jsonish);
    }

    @Property(tries = 3000)
    void arbitraryBytesParseOrAreRejected(@ForAll("anyBytes") byte[] body) {
        parsesOrRejects(body);
    }

    // ---------------------------------------------------------------- mutated fixtures

    @Provide
    Arbitrary<byte[]> mutatedFixtures() {
        Arbitrary<byte[]> byteLevel = Combinators.combine(Arbitraries.of(FIXTURES), Arbitraries.longs(),
                Arbitraries.integers().between(1, 8)).as(WebhookFuzzTest::mutateBytes);
        Arbitrary<byte[]> treeLevel = Combinators.combine(Arbitraries.of(FIXTURES), Arbitraries.longs(),
                jsonValues()).as(WebhookFuzzTest::mutateTree);
        return Arbitraries.oneOf(byteLevel, treeLevel);
    }

    private static byte[] mutateBytes(byte[] fixture, long seed, int mutations) {
        Random random = new Random(seed);
        byte[] body = Arrays.copyOf(fixture, fixture.length);
        byte[] interesting = "{}[]\":,\\0123456789-.eE ntf".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < mutations && body.length > 0; i++) {
            int at = random.nextInt(body.length);
            switch (random.nextInt(5)) {
                case 0 -> body[at] = (byte) random.nextInt(256);
                case 1 -> body[at] = interesting[random.nextInt(interesting.length)];
                case 2 -> body = Arrays.copyOf(body, at);
                case 3 -> {
                    int end = Math.min(body.length, at + 1 + random.nextInt(16));
                    byte[] shorter = new byte[body.length - (end - at)];
                    System.arraycopy(body, 0, shorter, 0, at);
                    System.arraycopy(body, end, shorter, at, body.length - end);
                    body = shorter;
                }
                default -> {
                    byte[] longer = new byte[body.length + 1];
                    System.arraycopy(body, 0, longer, 0, at);
                    longer[at] = interesting[random.nextInt(interesting.length)];
                    System.arraycopy(body, at, longer, at + 1, body.length - at);
                    body = longer;
                }
            }
        }
        return body;
    }

    /** Replaces, removes or adds one node of a fixture's tree: the body stays JSON but its parts change kind. */
    private static byte[] mutateTree(byte[] fixture, long seed, JsonNode replacement) {
        Random random = new Random(seed);
        JsonNode root;
        try {
            root = MAPPER.readTree(fixture);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int choice = random.nextInt(3);
            if (names.isEmpty() || choice == 0) {
                object.set(KEYS.get(random.nextInt(KEYS.size())), replacement);
            } else if (choice == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), replacement);
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(replacement);
            } else {
                array.set(random.nextInt(array.size()), replacement);
            }
        }
        return write(root);
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    @Property(tries = 3000)
    void mutatedFixturesParseOrAreRejected(@ForAll("mutatedFixtures") byte[] body) {
        parsesOrRejects(body);
    }

    // ---------------------------------------------------------------- random JSON trees

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(NODES::textNode),
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3)
                        .map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.recursive(() -> leaves, this::containers, 0, 5);
    }

    private Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().alpha().ofMaxLength(6));
        Arbitrary<JsonNode> objects = Combinators.combine(keys, inner).as(Tuple::of).list().ofMaxSize(5).map(pairs -> {
            ObjectNode object = NODES.objectNode();
            pairs.forEach(p -> object.set(p.get1(), p.get2()));
            return object;
        });
        return Arbitraries.oneOf(arrays, objects);
    }

    /** Random trees, half of them inside the webhook envelope so that the message and status readers see them. */
    @Provide
    Arbitrary<byte[]> randomTrees() {
        Arbitrary<byte[]> free = jsonValues().map(WebhookFuzzTest::write);
        Arbitrary<byte[]> enveloped = Combinators.combine(jsonValues(), jsonValues(), jsonValues())
                .as((messages, statuses, contacts) -> {
                    ObjectNode value = NODES.objectNode();
                    value.set("messages", wrapInArray(messages));
                    value.set("statuses", wrapInArray(statuses));
                    value.set("contacts", wrapInArray(contacts));
                    ObjectNode change = NODES.objectNode().put("field", "messages");
                    change.set("value", value);
                    ObjectNode entry = NODES.objectNode();
                    entry.putArray("changes").add(change);
                    ObjectNode root = NODES.objectNode().put("object", "whatsapp_business_account");
                    root.putArray("entry").add(entry);
                    return write(root);
                });
        Arbitrary<byte[]> plausible = Combinators.combine(plausibleMessage().list().ofMinSize(1).ofMaxSize(2),
                plausibleStatus().list().ofMaxSize(1), mostly(Arbitraries.strings().ofMaxLength(20)))
                .as((messages, statuses, profileName) -> {
                    ObjectNode value = NODES.objectNode();
                    messages.forEach(value.putArray("messages")::add);
                    statuses.forEach(value.putArray("statuses")::add);
                    JsonNode from = messages.get(0).get("from");
                    if (from != null) {
                        ObjectNode contact = value.putArray("contacts").addObject();
                        contact.set("wa_id", from);
                        contact.putObject("profile").set("name", profileName);
                    }
                    ObjectNode change = NODES.objectNode().put("field", "messages");
                    change.set("value", value);
                    ObjectNode entry = NODES.objectNode();
                    entry.putArray("changes").add(change);
                    ObjectNode root = NODES.objectNode().put("object", "whatsapp_business_account");
                    root.putArray("entry").add(entry);
                    return write(root);
                });
        return Arbitraries.oneOf(free, enveloped, plausible);
    }

    /** Mostly strings from the webhook vocabulary, sometimes any JSON value. */
    private Arbitrary<JsonNode> textish() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(WORDS).map(NODES::textNode)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(12).map(NODES::textNode)),
                Tuple.of(1, jsonValues()));
    }

    /** Usually a well-formed value, sometimes any word or JSON value. */
    private Arbitrary<JsonNode> mostly(Arbitrary<String> wellFormed) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, wellFormed.map(NODES::textNode)),
                Tuple.of(1, textish()));
    }

    private Arbitrary<JsonNode> ids() {
        return mostly(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40).map(x -> "wamid." + x));
    }

    private Arbitrary<JsonNode> timestamps() {
        return mostly(Arbitraries.longs().between(0, 9_999_999_999L).map(String::valueOf));
    }

    /** Message objects of the documented shape whose parts are sometimes of the wrong kind or missing. */
    private Arbitrary<JsonNode> plausibleMessage() {
        Arbitrary<String> types = Arbitraries.of("text", "image", "video", "audio", "document", "sticker",
                "interactive", "button", "location", "reaction");
        Arbitrary<String> replyTypes = Arbitraries.of("button_reply", "list_reply", "nfm_reply");
        Arbitrary<Integer> drop = Arbitraries.integers().between(0, 30);
        Arbitrary<JsonNode> phones = mostly(Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(15));
        Arbitrary<JsonNode> words = mostly(Arbitraries.strings().ofMaxLength(30));
        return Combinators.combine(types, replyTypes, ids(), phones, timestamps(), words, words, drop)
                .as((type, replyType, id, from, timestamp, a, b, dropped) -> {
                    ObjectNode m = NODES.objectNode().put("type", type);
                    m.set("id", id);
                    m.set("from", from);
                    m.set("timestamp", timestamp);
                    ObjectNode content = m.putObject(type);
                    switch (type) {
                        case "text" -> content.set("body", a);
                        case "interactive" -> {
                            content.put("type", replyType);
                            ObjectNode reply = content.putObject(replyType);
                            reply.set("id", a);
                            reply.set("title", b);
                        }
                        case "button" -> {
                            content.set("payload", a);
                            content.set("text", b);
                        }
                        default -> {
                            content.set("id", a);
                            content.set("mime_type", b);
                            content.set("caption", b);
                        }
                    }
                    ObjectNode context = m.putObject("context");
                    context.set("id", a);
                    context.put("forwarded", dropped % 2 == 0);
                    List<String> names = new ArrayList<>();
                    m.fieldNames().forEachRemaining(names::add);
                    if (dropped < names.size()) {
                        m.remove(names.get(dropped));
                    }
                    return m;
                });
    }

    /** Status objects of the documented shape whose parts are sometimes of the wrong kind or missing. */
    private Arbitrary<JsonNode> plausibleStatus() {
        Arbitrary<JsonNode> statuses = mostly(Arbitraries.of("sent", "delivered", "read", "failed", "played"));
        return Combinators.combine(ids(), statuses, timestamps(), jsonValues()).as((id, status, timestamp, errors) -> {
            ObjectNode s = NODES.objectNode();
            s.set("id", id);
            s.set("status", status);
            s.set("timestamp", timestamp);
            if (errors.isArray() || errors.isObject()) {
                s.set("errors", wrapInArray(errors));
            }
            return s;
        });
    }

    private static JsonNode wrapInArray(JsonNode node) {
        return node.isArray() ? node : NODES.arrayNode().add(node);
    }

    @Property(tries = 3000)
    void randomJsonTreesParseOrAreRejected(@ForAll("randomTrees") byte[] body) {
        parsesOrRejects(body);
    }

    // ---------------------------------------------------------------- the verifier

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> hex64 = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(64);
        return Arbitraries.oneOf(
                hex64.map(h -> "sha256=" + h),
                Arbitraries.strings().withChars("0123456789abcdefgxyz=sha256 ").ofMaxLength(80),
                Arbitraries.strings().ofMaxLength(100),
                hex64).injectNull(0.02);
    }

    @Property(tries = 2000)
    void verifierNeverThrowsAndRefusesRandomHeaders(@ForAll("anyBytes") byte[] body, @ForAll("headers") String header) {
        assertThat(VERIFIER.isValid(body, header)).isFalse();
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
