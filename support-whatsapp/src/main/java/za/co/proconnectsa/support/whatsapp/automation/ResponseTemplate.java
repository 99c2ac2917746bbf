package za.co.proconnectsa.support.whatsapp.automation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * A quick response with named placeholders, such as
 * {@code "Hi {name}, your ticket {ticket} is being handled."}. Placeholders are letters, digits, '-' and '_'
 * in braces, starting with a letter; {@code {{} and {@code }}} write literal braces. The text is checked when
 * the template is made (unbalanced braces, bad names) and every placeholder must get a value when it is
 * rendered, so a customer never receives "Hi {name}".
 *
 * <pre>{@code
 * ResponseTemplate t = ResponseTemplate.of("ticket-opened", "Thanks {name}, your ticket is {ticket}.");
 * t.placeholders();                                            // [name, ticket]
 * t.render(Map.of("name", "Thandi", "ticket", "PCS-000042")); // "Thanks Thandi, your ticket is PCS-000042."
 * t.render(Map.of("name", "Thandi"));                         // InvalidInputException: missing {ticket}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ResponseTemplate {

    /** The longest template text, in characters: a WhatsApp text message's limit. */
    public static final int MAX_TEXT = 4096;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,49}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private final String name;
    private final String text;
    /** Literal text and placeholder names, alternating: even indexes are literals. */
    private final List<String> parts;
    private final Set<String> placeholders;
    private final List<String> orderedPlaceholders;

    private ResponseTemplate(String name, String text, List<String> parts) {
        this.name = name;
        this.text = text;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        this.placeholders = Set.copyOf(names);
        this.orderedPlaceholders = List.copyOf(names);
    }

    /**
     * @param name the template's name: 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter
     * @param text the text, 1 to {@value #MAX_TEXT} characters of free text
     *             ({@link za.co.proconnectsa.support.TextRules}: no control characters other than tab and line
     *             breaks, no lone surrogates), with {@code {placeholders}}
     * @return the template
     * @throws InvalidInputException listing every problem of the name and the text
     */
    public static ResponseTemplate of(String name, String text) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (name == null || !TEMPLATE_NAME.matcher(name).matches()) {
            errors.add(new InvalidInputException.FieldError("name", "must be 1 to 64 lower-case letters, digits, '.', '_' "
                    + "or '-' starting with a letter, was " + (name == null ? "null" : "\"" + name + "\"")));
        }
        List<String> parts = new ArrayList<>();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            errors.add(new InvalidInputException.FieldError("text", "must be 1 to " + MAX_TEXT + " characters"));
        } else if (!Text.isText(text)) {
            errors.add(new InvalidInputException.FieldError("text", Text.characterProblem(text).orElseThrow()));
        } else {
            parse(text, parts, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ResponseTemplate(name, text, parts);
    }

    private static void parse(String text, List<String> parts, List<InvalidInputException.FieldError> errors) {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = text.indexOf('}', i + 1);
                if (end < 0) {
                    errors.add(new InvalidInputException.FieldError("text", "has a '{' at position " + i
                            + " that is never closed (write {{ for a literal brace)"));
                    return;
                }
                String placeholder = text.substring(i + 1, end);
                if (!NAME.matcher(placeholder).matches()) {
                    errors.add(new InvalidInputException.FieldError("text", "has a bad placeholder {" + placeholder
                            + "} at position " + i + ": names are letters, digits, '-' or '_' starting with a letter"));
                }
                parts.add(literal.toString());
                parts.add(placeholder);
                literal.setLength(0);
                i = end + 1;
            } else if (c == '}') {
                errors.add(new InvalidInputException.FieldError("text", "has a '}' at position " + i
                        + " without an opening brace (write }} for a literal brace)"));
                return;
            } else {
                literal.append(c);
                i++;
            }
        }
        parts.add(literal.toString());
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the text as written, with its placeholders */
    public String text() {
        return text;
    }

    /** @return the placeholder names, each once */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * Fills in the placeholders. Values are inserted as they are (WhatsApp text is not markup); values for names
     * the template does not use are ignored.
     *
     * @param values a value for every placeholder; {@code toString()} of each is used
     * @return the text
     * @throws InvalidInputException naming every placeholder without a value (missing, null or blank), in order, or
     *                             when a value brings a character no store keeps
     *                             ({@link za.co.proconnectsa.support.TextRules})
     */
    public String render(Map<String, ?> values) {
        if (values == null) {
            throw InvalidInputException.of("values", "must not be null");
        }
        List<String> missing = new ArrayList<>();
        for (String p : orderedPlaceholders) {
            Object v = values.get(p);
            if (v == null || v.toString().isBlank()) {
                missing.add("{" + p + "}");
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("values", "template \"" + name + "\" needs a value for " + String.join(", ", missing));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : values.get(parts.get(i)).toString());
        }
        if (out.length() > MAX_TEXT) {
            throw InvalidInputException.of("values", "template \"" + name + "\" renders to " + out.length()
                    + " characters, more than the " + MAX_TEXT + " a WhatsApp message holds");
        }
        Text.optionalText(out.toString(), "values", MAX_TEXT);
        return out.toString();
    }

    @Override
    public String toString() {
        return "ResponseTemplate[" + name + ", placeholders=" + orderedPlaceholders + "]";
    }
}
