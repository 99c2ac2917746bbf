package za.co.proconnectsa.support.conversation;

import za.co.proconnectsa.support.internal.PhoneMasking;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * Which conversations to list, newest first, and which page. Filters combine with AND; an empty status set
 * means every status.
 *
 * @param statuses      only these statuses (empty: all)
 * @param contact       only this contact's conversations, or {@code null}
 * @param text          only conversations with a message containing this text (case-insensitive substring), or
 *                      {@code null}
 * @param limit         the page size, 1 to 200
 * @param afterSequence the cursor: only conversations numbered below this, or {@code null} for the first page
 */
public record ConversationQuery(Set<ConversationStatus> statuses, String contact, String text, int limit,
        Long afterSequence) {

    /** The page size when none is set. */
    public static final int DEFAULT_LIMIT = 50;

    /**
     * Checks and copies the components.
     *
     * @param statuses only these statuses (empty: all)
     * @param contact only this contact's conversations, or {@code null}
     * @param text only conversations with a message containing this text (case-insensitive substring), or {@code null}
     * @param limit the page size, 1 to 200
     * @param afterSequence the cursor: only conversations numbered below this, or {@code null} for the first page
     */
    public ConversationQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (contact != null && Text.identifier(contact, "contact").length() > 100) {
            throw InvalidInputException.of("contact", "must be 1 to 100 characters");
        }
        if (text != null) {
            Text.text(text, "text", 200);
        }
        if (limit < 1 || limit > 200) {
            throw InvalidInputException.of("limit", "must be between 1 and 200, was " + limit);
        }
    }

    /** @return a builder: every conversation, {@value #DEFAULT_LIMIT} a page */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the contact filter, if any */
    public Optional<String> contactFilter() {
        return Optional.ofNullable(contact);
    }

    /** @return the text filter, if any */
    public Optional<String> textFilter() {
        return Optional.ofNullable(text);
    }

    /** @return the cursor's sequence, if any */
    public OptionalLong after() {
        return afterSequence == null ? OptionalLong.empty() : OptionalLong.of(afterSequence);
    }

    /**
     * @param cursor a page's {@link za.co.proconnectsa.support.ticket.Page#nextCursor()}
     * @return the same query for the page after the cursor
     */
    public ConversationQuery after(Cursor cursor) {
        return new ConversationQuery(statuses, contact, text, limit, Checks.notNull(cursor, "cursor").sequence());
    }

    /** Builds a {@link ConversationQuery}. */
    public static final class Builder {
        private final Set<ConversationStatus> statuses = EnumSet.noneOf(ConversationStatus.class);
        private String contact;
        private String text;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /**
         * @param values only these statuses
         * @return this builder
         */
        public Builder status(ConversationStatus... values) {
            for (ConversationStatus s : values) {
                statuses.add(Checks.notNull(s, "status"));
            }
            return this;
        }

        /** @return this builder, for OPEN and ESCALATED conversations */
        public Builder active() {
            return status(ConversationStatus.OPEN, ConversationStatus.ESCALATED);
        }

        /**
         * @param value only this contact's conversations
         * @return this builder
         */
        public Builder contact(String value) {
            this.contact = value;
            return this;
        }

        /**
         * @param value only conversations with a message containing this text
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /**
         * @param value the page size, 1 to 200
         * @return this builder
         */
        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        /** @return the query */
        public ConversationQuery build() {
            return new ConversationQuery(statuses, contact, text, limit, null);
        }
    }

    /** The filters, with the contact masked. */
    @Override
    public String toString() {
        return "ConversationQuery[statuses=" + statuses + ", contact=" + PhoneMasking.maskIfPhone(contact)
                + ", text=" + (text == null ? "none" : text.length() + " characters") + ", limit=" + limit
                + ", afterSequence=" + afterSequence + "]";
    }
}
