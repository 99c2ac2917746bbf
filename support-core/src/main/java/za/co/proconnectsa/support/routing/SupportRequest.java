package za.co.proconnectsa.support.routing;

import za.co.proconnectsa.support.internal.PhoneMasking;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.internal.Checks;

/**
 * What someone asked for, before it is a ticket or a chat: the input of routing. Every field but the
 * texts is optional; anonymous visitors have no requester. Texts are never null (empty when absent).
 *
 * @param requesterId    the host's id of the person, or {@code null} for an anonymous visitor
 * @param requesterRole  their role, or {@code null} when unknown
 * @param requesterTier  the host's tier or plan of the person (e.g. "gold"), or {@code null}
 * @param subject        a one-line summary, possibly empty
 * @param text           the free text, possibly empty
 * @param categoryHint   the category the person picked, or {@code null}
 * @param hasAttachments whether files are attached
 * @param origin         the channel the request came in on
 * @param locale         the person's locale
 * @param metadata       host data for host predicates (page, product, plan ...)
 */
public record SupportRequest(
        String requesterId,
        Role requesterRole,
        String requesterTier,
        String subject,
        String text,
        Category categoryHint,
        boolean hasAttachments,
        OriginChannel origin,
        Locale locale,
        Map<String, String> metadata) {

    /**
     * Replaces absent texts with empty ones and copies the metadata.
     *
     * @param requesterId the host's id of the person, or {@code null} for an anonymous visitor
     * @param requesterRole their role, or {@code null} when unknown
     * @param requesterTier the host's tier or plan of the person (e.g. "gold"), or {@code null}
     * @param subject a one-line summary, possibly empty
     * @param text the free text, possibly empty
     * @param categoryHint the category the person picked, or {@code null}
     * @param hasAttachments whether files are attached
     * @param origin the channel the request came in on
     * @param locale the person's locale
     * @param metadata host data for host predicates (page, product, plan ...)
     */
    public SupportRequest {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        origin = origin == null ? OriginChannel.WEB : origin;
        locale = locale == null ? Locale.ENGLISH : locale;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * @param text what the person typed
     * @return an anonymous web request with just this text
     */
    public static SupportRequest of(String text) {
        return builder().text(text).build();
    }

    /** @return a builder for an anonymous web request */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the category hint, if the person picked one */
    public Optional<Category> category() {
        return Optional.ofNullable(categoryHint);
    }

    /** Builds a {@link SupportRequest}. */
    public static final class Builder {
        private String requesterId;
        private Role requesterRole;
        private String requesterTier;
        private String subject;
        private String text;
        private Category categoryHint;
        private boolean hasAttachments;
        private OriginChannel origin = OriginChannel.WEB;
        private Locale locale = Locale.ENGLISH;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param id   the host's id of the person
         * @param role their role
         * @return this builder
         */
        public Builder requester(String id, Role role) {
            this.requesterId = id;
            this.requesterRole = role;
            return this;
        }

        /**
         * @param tier the host's tier or plan of the person
         * @return this builder
         */
        public Builder tier(String tier) {
            this.requesterTier = tier;
            return this;
        }

        /**
         * @param value a one-line summary
         * @return this builder
         */
        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        /**
         * @param value the free text
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /**
         * @param value the category the person picked
         * @return this builder
         */
        public Builder category(Category value) {
            this.categoryHint = value;
            return this;
        }

        /**
         * @param value whether files are attached
         * @return this builder
         */
        public Builder attachments(boolean value) {
            this.hasAttachments = value;
            return this;
        }

        /**
         * @param value the channel it came in on
         * @return this builder
         */
        public Builder origin(OriginChannel value) {
            this.origin = Checks.notNull(value, "origin");
            return this;
        }

        /**
         * @param value the person's locale
         * @return this builder
         */
        public Builder locale(Locale value) {
            this.locale = Checks.notNull(value, "locale");
            return this;
        }

        /**
         * @param key   a metadata key
         * @param value its value
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            this.metadata.put(Checks.notNull(key, "key"), Checks.notNull(value, "value"));
            return this;
        }

        /** @return the request */
        public SupportRequest build() {
            return new SupportRequest(requesterId, requesterRole, requesterTier, subject, text, categoryHint,
                    hasAttachments, origin, locale, metadata);
        }
    }

    /** The signals routing uses; the requester masked when a phone number, the texts by length only. */
    @Override
    public String toString() {
        return "SupportRequest[requester=" + PhoneMasking.maskIfPhone(requesterId) + ", role=" + requesterRole
                + ", origin=" + origin + ", categoryHint=" + categoryHint + ", attachments=" + hasAttachments
                + ", subjectLength=" + (subject == null ? 0 : subject.length())
                + ", textLength=" + (text == null ? 0 : text.length()) + "]";
    }
}
