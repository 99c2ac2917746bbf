package za.co.proconnectsa.support.whatsapp.cloud;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Problems;

/**
 * An interactive list message: a body, a button that opens the list, and up to
 * {@value #MAX_SECTIONS} sections with at most {@value #MAX_ROWS} rows in all. Immutable; build with
 * {@link #builder()}.
 *
 * <p>Meta's limits, checked by {@link Builder#build()}: body 1 to {@value #MAX_BODY} characters, button text
 * 1 to {@value #MAX_BUTTON}, header and footer (optional) at most {@value #MAX_HEADER} and
 * {@value #MAX_FOOTER}; every section titled when there is more than one; row ids unique.
 */
public final class ListMessage {

    /** The longest body. */
    public static final int MAX_BODY = 4096;
    /** The longest text of the button that opens the list. */
    public static final int MAX_BUTTON = 20;
    /** The longest header text. */
    public static final int MAX_HEADER = 60;
    /** The longest footer text. */
    public static final int MAX_FOOTER = 60;
    /** The most sections. */
    public static final int MAX_SECTIONS = 10;
    /** The most rows, over all sections. */
    public static final int MAX_ROWS = 10;

    private final String header;
    private final String body;
    private final String footer;
    private final String button;
    private final List<ListSection> sections;

    private ListMessage(Builder b) {
        this.header = b.header;
        this.body = b.body;
        this.footer = b.footer;
        this.button = b.button;
        this.sections = List.copyOf(b.sections);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the header text, if set */
    public Optional<String> header() {
        return Optional.ofNullable(header);
    }

    /** @return the body text */
    public String body() {
        return body;
    }

    /** @return the footer text, if set */
    public Optional<String> footer() {
        return Optional.ofNullable(footer);
    }

    /** @return the text of the button that opens the list */
    public String button() {
        return button;
    }

    /** @return the sections, in order */
    public List<ListSection> sections() {
        return sections;
    }

    @Override
    public String toString() {
        return "ListMessage{button=" + button + ", sections=" + sections.size() + ", rows="
                + sections.stream().mapToInt(s -> s.rows().size()).sum() + '}';
    }

    /** Builds a {@link ListMessage}. */
    public static final class Builder {
        private String header;
        private String body;
        private String footer;
        private String button;
        private final List<ListSection> sections = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param text the header, at most {@value ListMessage#MAX_HEADER} characters
         * @return this builder
         */
        public Builder header(String text) {
            this.header = text;
            return this;
        }

        /**
         * @param text the body, 1 to {@value ListMessage#MAX_BODY} characters
         * @return this builder
         */
        public Builder body(String text) {
            this.body = text;
            return this;
        }

        /**
         * @param text the footer, at most {@value ListMessage#MAX_FOOTER} characters
         * @return this builder
         */
        public Builder footer(String text) {
            this.footer = text;
            return this;
        }

        /**
         * @param text the label of the button that opens the list, 1 to {@value ListMessage#MAX_BUTTON}
         *             characters
         * @return this builder
         */
        public Builder button(String text) {
            this.button = text;
            return this;
        }

        /**
         * @param section a section, added after the others
         * @return this builder
         */
        public Builder section(ListSection section) {
            this.sections.add(section);
            return this;
        }

        /**
         * @return the message
         * @throws za.co.proconnectsa.support.InvalidInputException listing every refused field
         */
        public ListMessage build() {
            Problems p = new Problems();
            p.requireText("body", body, MAX_BODY);
            p.requireText("button", button, MAX_BUTTON);
            p.optionalText("header", header, MAX_HEADER);
            p.optionalText("footer", footer, MAX_FOOTER);
            if (p.check(!sections.isEmpty(), "sections", "must contain at least one section")
                    && p.check(sections.stream().allMatch(Objects::nonNull), "sections",
                            "must not contain null")) {
                p.check(sections.size() <= MAX_SECTIONS, "sections",
                        "must contain at most " + MAX_SECTIONS + " sections, was " + sections.size());
                int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
                p.check(rows <= MAX_ROWS, "sections", "must contain at most " + MAX_ROWS + " rows in all, was "
                        + rows);
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < sections.size(); i++) {
                    ListSection s = sections.get(i);
                    if (sections.size() > 1) {
                        p.check(s.title() != null, "sections[" + i + "].title",
                                "is required when the list has more than one section");
                    }
                    for (int j = 0; j < s.rows().size(); j++) {
                        p.check(ids.add(s.rows().get(j).id()), "sections[" + i + "].rows[" + j + "].id",
                                "must be unique within the message");
                    }
                }
            }
            p.throwIfAny();
            return new ListMessage(this);
        }
    }
}
