package za.co.proconnectsa.support.whatsapp.cloud;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Problems;

/**
 * An approved message template to send, with the values of its parameters. The only kind of message
 * allowed outside the 24-hour customer-service window. Immutable; build with
 * {@link #builder(String, String)}.
 *
 * <pre>{@code
 * TemplateMessage update = TemplateMessage.builder("ticket_update", "en_US")
 *         .bodyText("T-1042")              // {{1}}
 *         .bodyText("Waiting for you")     // {{2}}
 *         .quickReplyPayload(0, "reopen-T-1042")
 *         .build();
 * }</pre>
 *
 * <p>Checked here, by Meta's rules: the name is lowercase letters, digits and underscores, at most
 * {@value #MAX_NAME} characters; the language code looks like {@code en} or {@code en_US}; a parameter is
 * not blank and has no new-line or tab and no more than four consecutive spaces (Meta refuses those); a
 * body parameter is at most {@value #MAX_BODY_PARAMETER} characters (a template body's limit) and a header
 * text parameter at most {@value #MAX_HEADER_PARAMETER} (a header's limit); button indexes are 0 to 9, one
 * parameter each. Whether the count of parameters matches the approved template only Meta knows: a
 * mismatch comes back as error 132000.
 */
public final class TemplateMessage {

    /** The longest template name. */
    public static final int MAX_NAME = 512;
    /** The longest body parameter (a template body has at most 1024 characters). */
    public static final int MAX_BODY_PARAMETER = 1024;
    /** The longest header text parameter (a template header has at most 60 characters). */
    public static final int MAX_HEADER_PARAMETER = 60;
    /** The longest button parameter (a quick-reply payload or a URL suffix). */
    public static final int MAX_BUTTON_PARAMETER = 2000;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,4})?");

    /** The kind of a header parameter. */
    public enum HeaderKind {
        /** A text parameter of a text header. */
        TEXT,
        /** The public https link of an image header. */
        IMAGE
    }

    /** The kind of a button parameter. */
    public enum ButtonKind {
        /** The payload a quick-reply button returns in the webhook ({@code sub_type quick_reply}). */
        QUICK_REPLY,
        /** The suffix appended to a dynamic URL button's URL ({@code sub_type url}). */
        URL
    }

    /**
     * The parameter of the template's header.
     *
     * @param kind  text or image
     * @param value the text, or the image link
     */
    public record HeaderParameter(HeaderKind kind, String value) {
        /**
         * @param kind  text or image, not null
         * @param value the value, not null
         */
        public HeaderParameter {
            Checks.notNull(kind, "kind");
            Checks.notNull(value, "value");
        }
    }

    /**
     * The parameter of one of the template's buttons.
     *
     * @param index the button's position in the template, 0 to 9
     * @param kind  quick reply or URL
     * @param value the payload or the URL suffix
     */
    public record ButtonParameter(int index, ButtonKind kind, String value) {
        /**
         * @param index the position, 0 to 9
         * @param kind  the kind, not null
         * @param value the value, not null
         */
        public ButtonParameter {
            Checks.notNull(kind, "kind");
            Checks.notNull(value, "value");
            if (index < 0 || index > 9) {
                throw InvalidInputException.of("index",
                        "must be between 0 and 9, was " + index);
            }
        }
    }

    private final String name;
    private final String languageCode;
    private final List<String> bodyParameters;
    private final HeaderParameter header;
    private final List<ButtonParameter> buttons;
    private final TemplateCategory category;

    private TemplateMessage(Builder b) {
        this.category = b.category;
        this.name = b.name;
        this.languageCode = b.languageCode;
        this.bodyParameters = List.copyOf(b.bodyParameters);
        this.header = b.header;
        this.buttons = List.copyOf(b.buttons);
    }

    /**
     * @param name         the approved template's name, e.g. {@code ticket_update}
     * @param languageCode the language (and locale) it was approved in, e.g. {@code en} or {@code en_US}
     * @return a builder for a template message without parameters
     */
    public static Builder builder(String name, String languageCode) {
        return new Builder(name, languageCode);
    }

    /** @return the template's name */
    public String name() {
        return name;
    }

    /** @return the template's language code */
    public String languageCode() {
        return languageCode;
    }

    /** @return the body's text parameters, in order ({@code {{1}}}, {@code {{2}}}, ...) */
    public List<String> bodyParameters() {
        return bodyParameters;
    }

    /** @return the header's parameter, if the template's header has one */
    public Optional<HeaderParameter> headerParameter() {
        return Optional.ofNullable(header);
    }

    /**
     * @return the template's category as the sender knows it; {@link TemplateCategory#MARKETING} templates go to the
     *         Marketing Messages API, the others (and a template of unknown category) to the messages endpoint
     */
    public Optional<TemplateCategory> category() {
        return Optional.ofNullable(category);
    }

    /** @return the buttons' parameters, in the order added */
    public List<ButtonParameter> buttonParameters() {
        return buttons;
    }

    @Override
    public String toString() {
        // parameter values may be personal data: only their count
        return "TemplateMessage{name=" + name + ", language=" + languageCode
                + (category == null ? "" : ", category=" + category) + ", bodyParameters="
                + bodyParameters.size() + ", header=" + (header == null ? "none" : header.kind())
                + ", buttons=" + buttons.size() + '}';
    }

    /** Builds a {@link TemplateMessage}. */
    public static final class Builder {
        private final String name;
        private final String languageCode;
        private final List<String> bodyParameters = new ArrayList<>();
        private HeaderParameter header;
        private final List<ButtonParameter> buttons = new ArrayList<>();
        private final Problems problems = new Problems();
        private TemplateCategory category;

        private Builder(String name, String languageCode) {
            this.name = name;
            this.languageCode = languageCode;
        }

        /**
         * @param value the template's category (as approved, or as Meta last changed it); a
         *              {@link TemplateCategory#MARKETING} template is sent through the Marketing Messages API
         * @return this builder
         */
        public Builder category(TemplateCategory value) {
            this.category = value;
            return this;
        }

        /**
         * Adds the next body parameter.
         *
         * @param values the texts of the next body parameters, in order
         * @return this builder
         */
        public Builder bodyText(String... values) {
            if (values == null) {
                problems.add("bodyParameters", "must not be null");
                return this;
            }
            for (String v : values) {
                bodyParameters.add(v);
            }
            return this;
        }

        /**
         * @param value the text parameter of a text header, at most {@value TemplateMessage#MAX_HEADER_PARAMETER}
         *              characters
         * @return this builder
         */
        public Builder headerText(String value) {
            this.header = new HeaderParameter(HeaderKind.TEXT, value == null ? "" : value);
            return this;
        }

        /**
         * @param link the public https link of an image header
         * @return this builder
         */
        public Builder headerImage(URI link) {
            if (link == null || !"https".equalsIgnoreCase(link.getScheme()) || link.getHost() == null) {
                problems.add("header", "must be an absolute https link");
                return this;
            }
            this.header = new HeaderParameter(HeaderKind.IMAGE, link.toString());
            return this;
        }

        /**
         * @param index   the quick-reply button's position in the template, 0 to 9
         * @param payload what the webhook reports when the customer taps it
         * @return this builder
         */
        public Builder quickReplyPayload(int index, String payload) {
            return button(index, ButtonKind.QUICK_REPLY, payload);
        }

        /**
         * @param index  the dynamic URL button's position in the template, 0 to 9
         * @param suffix the text appended to the button's approved URL
         * @return this builder
         */
        public Builder urlButtonSuffix(int index, String suffix) {
            return button(index, ButtonKind.URL, suffix);
        }

        private Builder button(int index, ButtonKind kind, String value) {
            if (index < 0 || index > 9) {
                problems.add("buttons[" + index + "]", "index must be between 0 and 9");
                return this;
            }
            buttons.add(new ButtonParameter(index, kind, value == null ? "" : value));
            return this;
        }

        /**
         * @return the template message
         * @throws za.co.proconnectsa.support.InvalidInputException listing every refused field
         */
        public TemplateMessage build() {
            Problems p = problems;
            if (p.requireText("name", name, MAX_NAME)) {
                p.check(NAME.matcher(name).matches(), "name",
                        "must be lowercase letters, digits and underscores");
            }
            if (p.requireText("languageCode", languageCode, 10)) {
                p.check(LANGUAGE.matcher(languageCode).matches(), "languageCode",
                        "must look like en or en_US");
            }
            for (int i = 0; i < bodyParameters.size(); i++) {
                parameter(p, "bodyParameters[" + i + "]", bodyParameters.get(i), MAX_BODY_PARAMETER);
            }
            if (header != null && header.kind() == HeaderKind.TEXT) {
                parameter(p, "header", header.value(), MAX_HEADER_PARAMETER);
            }
            Set<Integer> indexes = new HashSet<>();
            for (ButtonParameter b : buttons) {
                String field = "buttons[" + b.index() + "]";
                p.check(indexes.add(b.index()), field, "has more than one parameter");
                if (p.requireText(field, b.value(), MAX_BUTTON_PARAMETER) && b.kind() == ButtonKind.URL) {
                    p.check(b.value().chars().noneMatch(Character::isWhitespace), field,
                            "a URL suffix must not contain spaces");
                }
            }
            p.throwIfAny();
            return new TemplateMessage(this);
        }

        private static void parameter(Problems p, String field, String value, int max) {
            if (p.requireText(field, value, max)) {
                p.check(value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\t') < 0, field,
                        "must not contain new-line or tab characters");
                p.check(!value.contains("     "), field, "must not contain more than 4 consecutive spaces");
            }
        }
    }
}
