package za.co.proconnectsa.support.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.internal.Text;

/**
 * What a report covers: the tickets created, and the WhatsApp conversations started, at or after {@code from} and
 * before {@code to}, narrowed by the filters.
 *
 * <p>WhatsApp conversations have no category, priority or agent: they count only while none of those filters is
 * set, and only when {@code channels} is empty or holds {@link OriginChannel#WHATSAPP}.
 *
 * @param from          the period's first instant (inclusive)
 * @param to            the period's end (exclusive), after {@code from} and at most {@value #MAX_DAYS} days later
 * @param zone          the zone that days and hours of the week are counted in, or {@code null} for the desk's
 *                      business-hours zone
 * @param channels      origin channels to keep; empty for all
 * @param categories    categories to keep; empty for all
 * @param priorities    priorities to keep; empty for all
 * @param agentId       the assignee to keep (an identifier, {@link za.co.proconnectsa.support.TextRules}), or {@code null} for everyone
 * @param businessTime  whether to compute response and resolution times in business time as well as wall time
 *                      (from the raw timestamps, on the desk's business hours as they are now)
 * @param topTerms      how many words and phrases of each length to list as common issues, 0 to 100
 */
public record AnalyticsQuery(Instant from, Instant to, ZoneId zone, Set<OriginChannel> channels,
        Set<Category> categories, Set<Priority> priorities, String agentId, boolean businessTime, int topTerms) {

    /** The longest period a report covers, in days. */
    public static final int MAX_DAYS = 3660;

    /** How many common words and phrases of each length a report lists unless told otherwise. */
    public static final int DEFAULT_TOP_TERMS = 10;

    /**
     * Checks the components and copies the sets.
     *
     * @param from the period's first instant (inclusive)
     * @param to the period's end (exclusive), after {@code from} and at most {@value #MAX_DAYS} days later
     * @param zone the zone that days and hours of the week are counted in, or {@code null} for the desk's business-hours zone
     * @param channels origin channels to keep; empty for all
     * @param categories categories to keep; empty for all
     * @param priorities priorities to keep; empty for all
     * @param agentId the assignee to keep (an identifier, {@link za.co.proconnectsa.support.TextRules}), or {@code null} for everyone
     * @param businessTime whether to compute response and resolution times in business time as well as wall time (from the raw timestamps, on the desk's business hours as they are now)
     * @param topTerms how many words and phrases of each length to list as common issues, 0 to 100
     * @throws InvalidInputException naming every refused component
     */
    public AnalyticsQuery {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new InvalidInputException.FieldError("from", "must not be null"));
        }
        if (to == null) {
            errors.add(new InvalidInputException.FieldError("to", "must not be null"));
        }
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                errors.add(new InvalidInputException.FieldError("to", "must be after from"));
            } else if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
                errors.add(new InvalidInputException.FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
            }
        }
        if (agentId != null && !Text.isIdentifier(agentId)) {
            errors.add(new InvalidInputException.FieldError("agentId", Text.identifierProblem(agentId).orElse("invalid")));
        }
        if (topTerms < 0 || topTerms > 100) {
            errors.add(new InvalidInputException.FieldError("topTerms", "must be 0 to 100, was " + topTerms));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        priorities = priorities == null || priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(priorities));
    }

    /**
     * @param from the period's first instant (inclusive)
     * @param to   the period's end (exclusive)
     * @return everything in the period, days counted in the desk's zone, wall time only
     */
    public static AnalyticsQuery of(Instant from, Instant to) {
        return builder(from, to).build();
    }

    /**
     * @param from the period's first instant (inclusive)
     * @param to   the period's end (exclusive)
     * @return a builder for that period, without filters
     */
    public static Builder builder(Instant from, Instant to) {
        return new Builder(from, to);
    }

    /** @return whether WhatsApp conversations count under these filters (see the type's description) */
    public boolean includesConversations() {
        return categories.isEmpty() && priorities.isEmpty() && agentId == null
                && (channels.isEmpty() || channels.contains(OriginChannel.WHATSAPP));
    }

    /** @return the same query with business time asked for */
    public AnalyticsQuery withBusinessTime() {
        return new AnalyticsQuery(from, to, zone, channels, categories, priorities, agentId, true, topTerms);
    }

    /** Builds an {@link AnalyticsQuery}. Not thread-safe. */
    public static final class Builder {
        private final Instant from;
        private final Instant to;
        private ZoneId zone;
        private final Set<OriginChannel> channels = new LinkedHashSet<>();
        private final Set<Category> categories = new LinkedHashSet<>();
        private final Set<Priority> priorities = new LinkedHashSet<>();
        private String agentId;
        private boolean businessTime;
        private int topTerms = DEFAULT_TOP_TERMS;

        private Builder(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        /**
         * @param value the zone days and hours of the week are counted in (the desk's by default)
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /**
         * @param values origin channels to keep (added to those already given)
         * @return this builder
         */
        public Builder channels(OriginChannel... values) {
            this.channels.addAll(List.of(values));
            return this;
        }

        /**
         * @param values categories to keep (added to those already given)
         * @return this builder
         */
        public Builder categories(Category... values) {
            this.categories.addAll(List.of(values));
            return this;
        }

        /**
         * @param values priorities to keep (added to those already given)
         * @return this builder
         */
        public Builder priorities(Priority... values) {
            this.priorities.addAll(List.of(values));
            return this;
        }

        /**
         * @param value the only assignee to keep
         * @return this builder
         */
        public Builder agent(String value) {
            this.agentId = value;
            return this;
        }

        /**
         * @param value whether to compute business-time durations too (off by default)
         * @return this builder
         */
        public Builder businessTime(boolean value) {
            this.businessTime = value;
            return this;
        }

        /**
         * @param value how many common words and phrases of each length to list, 0 to 100 (0 skips them)
         * @return this builder
         */
        public Builder topTerms(int value) {
            this.topTerms = value;
            return this;
        }

        /**
         * @return the query
         * @throws InvalidInputException naming every refused component
         */
        public AnalyticsQuery build() {
            return new AnalyticsQuery(from, to, zone, channels, categories, priorities, agentId, businessTime,
                    topTerms);
        }
    }
}
