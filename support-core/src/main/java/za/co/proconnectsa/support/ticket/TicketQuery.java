package za.co.proconnectsa.support.ticket;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * Filters, order and page size for a list of tickets (the agent queue, "my tickets"). Empty filters
 * match everything. Immutable; build with {@link #builder()} and page with {@link #after(Cursor)}.
 *
 * <p>Paging is by keyset on the ticket number's sequence: a page never repeats a ticket of an earlier
 * page and never skips a ticket that existed when paging started, however many tickets arrive meanwhile.
 */
public final class TicketQuery {

    /** The order of the list. */
    public enum Order {
        /** First come, first served: the queue's default. */
        OLDEST_FIRST,
        /** The most recent submissions first. */
        NEWEST_FIRST
    }

    /** The largest page size. */
    public static final int MAX_LIMIT = 200;
    /** The page size when none is set. */
    public static final int DEFAULT_LIMIT = 50;

    private final Set<TicketStatus> statuses;
    private final Set<Category> categories;
    private final Set<Priority> priorities;
    private final Set<OriginChannel> origins;
    private final String assigneeId;
    private final boolean unassignedOnly;
    private final String requesterId;
    private final String text;
    private final Order order;
    private final int limit;
    private final Cursor after;

    private TicketQuery(Builder b, Cursor after) {
        this.statuses = Set.copyOf(b.statuses);
        this.categories = Set.copyOf(b.categories);
        this.priorities = Set.copyOf(b.priorities);
        this.origins = Set.copyOf(b.origins);
        this.assigneeId = b.assigneeId;
        this.unassignedOnly = b.unassignedOnly;
        this.requesterId = b.requesterId;
        this.text = b.text;
        this.order = b.order;
        this.limit = b.limit;
        this.after = after;
    }

    /** @return a builder matching every ticket, oldest first, {@value #DEFAULT_LIMIT} a page */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a query matching every ticket, oldest first */
    public static TicketQuery all() {
        return builder().build();
    }

    /**
     * @param cursor where the page starts, from the previous {@link Page}
     * @return the same query for the page after the cursor
     */
    public TicketQuery after(Cursor cursor) {
        Builder b = toBuilder();
        return new TicketQuery(b, cursor);
    }

    /** @return a builder with this query's filters (without the cursor) */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.statuses.addAll(statuses);
        b.categories.addAll(categories);
        b.priorities.addAll(priorities);
        b.origins.addAll(origins);
        b.assigneeId = assigneeId;
        b.unassignedOnly = unassignedOnly;
        b.requesterId = requesterId;
        b.text = text;
        b.order = order;
        b.limit = limit;
        return b;
    }

    /** @return statuses to include; empty means all */
    public Set<TicketStatus> statuses() {
        return statuses;
    }

    /** @return categories to include; empty means all */
    public Set<Category> categories() {
        return categories;
    }

    /** @return priorities to include; empty means all */
    public Set<Priority> priorities() {
        return priorities;
    }

    /** @return origin channels to include; empty means all */
    public Set<OriginChannel> origins() {
        return origins;
    }

    /** @return only tickets assigned to this agent, if set */
    public Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    /** @return whether only unassigned tickets are included */
    public boolean unassignedOnly() {
        return unassignedOnly;
    }

    /** @return only tickets of this requester, if set */
    public Optional<String> requesterId() {
        return Optional.ofNullable(requesterId);
    }

    /**
     * The text to search for in subject and body. Every store matches a whole word case-insensitively;
     * stores document what more they match (the in-memory store matches any substring).
     *
     * @return the search text, if set
     */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** @return the order */
    public Order order() {
        return order;
    }

    /** @return the page size */
    public int limit() {
        return limit;
    }

    /** @return the cursor the page starts after, if any */
    public Optional<Cursor> cursor() {
        return Optional.ofNullable(after);
    }

    /** @return the sequence value the page starts after, if any */
    public OptionalLong afterSequence() {
        return after == null ? OptionalLong.empty() : OptionalLong.of(after.sequence());
    }

    @Override
    public String toString() {
        return "TicketQuery{statuses=" + statuses + ", categories=" + categories + ", priorities=" + priorities
                + ", origins=" + origins + ", assigneeId=" + assigneeId + ", unassignedOnly=" + unassignedOnly
                + ", requesterId=" + requesterId + ", text=" + text + ", order=" + order + ", limit=" + limit
                + ", after=" + after + '}';
    }

    /** Builds a {@link TicketQuery}. */
    public static final class Builder {
        private final Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        private final Set<Category> categories = new LinkedHashSet<>();
        private final Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        private final Set<OriginChannel> origins = EnumSet.noneOf(OriginChannel.class);
        private String assigneeId;
        private boolean unassignedOnly;
        private String requesterId;
        private String text;
        private Order order = Order.OLDEST_FIRST;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /**
         * @param values statuses to include
         * @return this builder
         */
        public Builder status(TicketStatus... values) {
            statuses.addAll(Set.of(values));
            return this;
        }

        /** @return this builder, including only NEW, OPEN, PENDING and ON_HOLD tickets */
        public Builder active() {
            for (TicketStatus s : TicketStatus.values()) {
                if (s.isActive()) {
                    statuses.add(s);
                }
            }
            return this;
        }

        /**
         * @param values categories to include
         * @return this builder
         */
        public Builder category(Category... values) {
            categories.addAll(Set.of(values));
            return this;
        }

        /**
         * @param values priorities to include
         * @return this builder
         */
        public Builder priority(Priority... values) {
            priorities.addAll(Set.of(values));
            return this;
        }

        /**
         * @param values origin channels to include
         * @return this builder
         */
        public Builder origin(OriginChannel... values) {
            origins.addAll(Set.of(values));
            return this;
        }

        /**
         * @param agentId only tickets assigned to this agent, an identifier ({@link za.co.proconnectsa.support.TextRules})
         * @return this builder
         * @throws InvalidInputException when the id is not an identifier
         */
        public Builder assignee(String agentId) {
            this.assigneeId = Text.identifier(agentId, "assignee");
            return this;
        }

        /** @return this builder, including only tickets nobody is assigned to */
        public Builder unassigned() {
            this.unassignedOnly = true;
            return this;
        }

        /**
         * @param id only tickets of this requester, an identifier ({@link za.co.proconnectsa.support.TextRules}): matched exactly, case and all
         * @return this builder
         * @throws InvalidInputException when the id is not an identifier
         */
        public Builder requester(String id) {
            this.requesterId = Text.identifier(id, "requester");
            return this;
        }

        /**
         * @param search text to find in subject or body, at most 200 characters of free text ({@link za.co.proconnectsa.support.TextRules});
         *               leading and trailing white space is ignored
         * @return this builder
         * @throws InvalidInputException when it is blank, too long or holds a character no store keeps
         */
        public Builder text(String search) {
            this.text = Text.text(requireText("text", search).strip(), "text", 200);
            return this;
        }

        /**
         * @param value the order
         * @return this builder
         */
        public Builder order(Order value) {
            this.order = Checks.notNull(value, "order");
            return this;
        }

        /**
         * @param value the page size, 1 to {@value TicketQuery#MAX_LIMIT}
         * @return this builder
         */
        public Builder limit(int value) {
            if (value < 1 || value > MAX_LIMIT) {
                throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT + ", was " + value);
            }
            this.limit = value;
            return this;
        }

        /** @return the query */
        public TicketQuery build() {
            if (unassignedOnly && assigneeId != null) {
                throw InvalidInputException.of("assignee", "cannot be combined with unassigned()");
            }
            return new TicketQuery(this, null);
        }

        private static String requireText(String field, String value) {
            if (value == null || value.isBlank()) {
                throw InvalidInputException.of(field, "must not be blank");
            }
            return value;
        }
    }
}
