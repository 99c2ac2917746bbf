package za.co.proconnectsa.support.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Priority;

/** Reads a {@link RoutingPolicy} from JSON, reporting every problem with its JSON path. */
final class PolicyJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> POLICY_FIELDS = Set.of("rules", "otherwise");
    private static final Set<String> RULE_FIELDS = Set.of("name", "when", "channel", "category", "priority", "reason");
    private static final Set<String> DEFAULT_FIELDS = Set.of("channel", "category", "priority", "reason");
    private static final Set<String> CONDITIONS = Set.of("always", "category", "keywords", "regex", "minLength",
            "maxLength", "minWords", "attachments", "requesterRole", "requesterTier", "businessHours", "predicate",
            "allOf", "anyOf", "not");

    private final Map<String, Predicate<RoutingContext>> predicates;
    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    private PolicyJson(Map<String, Predicate<RoutingContext>> predicates) {
        this.predicates = predicates;
    }

    static RoutingPolicy read(String json, Map<String, Predicate<RoutingContext>> predicates) {
        if (json == null || json.isBlank()) {
            throw InvalidInputException.of("policy", "the JSON document is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw InvalidInputException.of("policy", "is not valid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": " + e.getOriginalMessage());
        }
        return new PolicyJson(Map.copyOf(predicates)).policy(root);
    }

    private RoutingPolicy policy(JsonNode root) {
        if (!root.isObject()) {
            throw InvalidInputException.of("policy", "must be a JSON object with \"rules\" and \"otherwise\"");
        }
        knownFields(root, "policy", POLICY_FIELDS);
        RoutingPolicy.Builder builder = RoutingPolicy.builder();
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray() || rules.isEmpty()) {
            error("rules", "a routing policy needs a non-empty \"rules\" array");
        } else {
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rule(rules.get(i), "rules[" + i + "]");
                if (rule != null) {
                    builder.rule(rule);
                }
            }
        }
        JsonNode otherwise = root.get("otherwise");
        if (otherwise == null || !otherwise.isObject()) {
            error("otherwise", "a routing policy needs a default rule: \"otherwise\": {\"channel\": ..., \"reason\": ...}");
        } else {
            knownFields(otherwise, "otherwise", DEFAULT_FIELDS);
            Channel channel = channel(otherwise.get("channel"), "otherwise.channel");
            Category category = category(otherwise.get("category"), "otherwise.category");
            Priority priority = priority(otherwise.get("priority"), "otherwise.priority");
            String reason = text(otherwise.get("reason"), "otherwise.reason");
            if (channel != null && reason != null) {
                builder.otherwise(channel, category, priority, reason);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return attempt("policy", builder::build);
    }

    private Rule rule(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be an object");
            return null;
        }
        knownFields(node, path, RULE_FIELDS);
        String name = text(node.get("name"), path + ".name");
        Condition when = node.has("when") ? condition(node.get("when"), path + ".when") : missing(path + ".when");
        Channel channel = channel(node.get("channel"), path + ".channel");
        Category category = category(node.get("category"), path + ".category");
        Priority priority = priority(node.get("priority"), path + ".priority");
        String reason = text(node.get("reason"), path + ".reason");
        if (name == null || when == null || channel == null || reason == null) {
            return null;
        }
        return attempt(path, () -> new Rule(name, when, channel, category, priority, reason));
    }

    private Condition condition(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.size() != 1) {
            error(path, "must be an object with exactly one of " + CONDITIONS.stream().sorted().toList());
            return null;
        }
        String kind = node.fieldNames().next();
        JsonNode v = node.get(kind);
        String at = path + "." + kind;
        return switch (kind) {
            case "always" -> v.isBoolean() && v.booleanValue() ? Condition.always() : invalid(at, "must be true");
            case "category" -> {
                List<String> codes = strings(v, at);
                yield codes == null ? null : attempt(at, () -> Condition.category(
                        codes.stream().map(Category::of).toArray(Category[]::new)));
            }
            case "keywords" -> {
                List<String> words = strings(v, at);
                yield words == null ? null : attempt(at, () -> Condition.keywords(words.toArray(String[]::new)));
            }
            case "regex" -> v.isTextual() ? attempt(at, () -> Condition.matches(v.textValue())) : invalid(at, "must be a string");
            case "minLength" -> number(v, at) == null ? null : Condition.minLength(v.intValue());
            case "maxLength" -> number(v, at) == null ? null : Condition.maxLength(v.intValue());
            case "minWords" -> number(v, at) == null ? null : Condition.minWords(v.intValue());
            case "attachments" -> v.isBoolean()
                    ? (v.booleanValue() ? Condition.hasAttachments() : Condition.not(Condition.hasAttachments()))
                    : invalid(at, "must be true or false");
            case "requesterRole" -> {
                List<String> roles = strings(v, at);
                yield roles == null ? null : attempt(at, () -> Condition.requesterRole(
                        roles.stream().map(r -> enumValue(Role.class, r)).toArray(Role[]::new)));
            }
            case "requesterTier" -> {
                List<String> tiers = strings(v, at);
                yield tiers == null ? null : attempt(at, () -> Condition.requesterTier(tiers.toArray(String[]::new)));
            }
            case "businessHours" -> "open".equals(v.asText(null)) ? Condition.open()
                    : "closed".equals(v.asText(null)) ? Condition.closed() : invalid(at, "must be \"open\" or \"closed\"");
            case "predicate" -> {
                Predicate<RoutingContext> p = v.isTextual() ? predicates.get(v.textValue()) : null;
                yield p == null ? invalid(at, "\"" + v.asText() + "\" names no host predicate; known: "
                        + predicates.keySet().stream().sorted().toList())
                        : Condition.predicate(v.textValue(), p);
            }
            case "allOf", "anyOf" -> {
                List<Condition> parts = conditions(v, at);
                yield parts == null ? null : kind.equals("allOf") ? Condition.allOf(parts.toArray(Condition[]::new))
                        : Condition.anyOf(parts.toArray(Condition[]::new));
            }
            case "not" -> {
                Condition inner = condition(v, at);
                yield inner == null ? null : Condition.not(inner);
            }
            default -> invalid(path, "unknown condition \"" + kind + "\"; known: " + CONDITIONS.stream().sorted().toList());
        };
    }

    private List<Condition> conditions(JsonNode v, String path) {
        if (!v.isArray() || v.isEmpty()) {
            error(path, "must be a non-empty array of conditions");
            return null;
        }
        List<Condition> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            Condition c = condition(v.get(i), path + "[" + i + "]");
            ok &= c != null;
            out.add(c);
        }
        return ok ? out : null;
    }

    private void knownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                error(path + "." + field, "is not a known field; known: " + known.stream().sorted().toList());
            }
        }
    }

    private Channel channel(JsonNode v, String path) {
        if (v == null || !v.isTextual()) {
            error(path, "must be one of " + Arrays.toString(Channel.values()));
            return null;
        }
        return attempt(path, () -> enumValue(Channel.class, v.textValue()));
    }

    private Category category(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? attempt(path, () -> Category.of(v.textValue())) : invalid(path, "must be a string");
    }

    private Priority priority(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? attempt(path, () -> enumValue(Priority.class, v.textValue())) : invalid(path, "must be a string");
    }

    private String text(JsonNode v, String path) {
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            error(path, "must be a non-blank string");
            return null;
        }
        return v.textValue();
    }

    private Integer number(JsonNode v, String path) {
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.intValue() < 0) {
            error(path, "must be a whole number of at least 0");
            return null;
        }
        return v.intValue();
    }

    private List<String> strings(JsonNode v, String path) {
        if (!v.isArray() || v.isEmpty()) {
            error(path, "must be a non-empty array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                error(path, "must contain only strings");
                return null;
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw InvalidInputException.of(type.getSimpleName(), "\"" + name + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
    }

    private <T> T attempt(String path, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInputException e) {
            for (InvalidInputException.FieldError fe : e.fieldErrors()) {
                error(path, fe.message());
            }
            if ("policy".equals(path)) {
                throw new InvalidInputException(errors);
            }
            return null;
        }
    }

    private Condition missing(String path) {
        error(path, "is required");
        return null;
    }

    private <T> T invalid(String path, String message) {
        error(path, message);
        return null;
    }

    private void error(String path, String message) {
        errors.add(new InvalidInputException.FieldError(path, message));
    }
}
