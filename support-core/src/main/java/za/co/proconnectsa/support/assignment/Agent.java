package za.co.proconnectsa.support.assignment;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * A support agent on the roster, as automatic assignment sees them.
 *
 * <pre>{@code
 * Agent sipho = Agent.builder("agent-7", "Sipho Dlamini")
 *         .capacity(5)                                  // at most 5 open tickets given automatically
 *         .categories(Category.BILLING, Category.ACCOUNT)
 *         .build();                                     // AVAILABLE unless presence(...) says otherwise
 * }</pre>
 *
 * @param id          the host's id of the agent, the id tickets are assigned to: an identifier as {@link za.co.proconnectsa.support.TextRules}
 *                    defines it (1 to 200 printable ASCII characters without spaces, compared exactly)
 * @param displayName the agent's name, 1 to 200 characters of text
 * @param presence    whether they take new tickets now
 * @param capacity    the most open tickets (neither RESOLVED nor CLOSED) automatic assignment lets them hold, 0 to
 *                    {@value #MAX_CAPACITY}; 0 takes them out of automatic assignment. Tickets assigned by hand or
 *                    reopened by a requester count towards it but are never refused because of it
 * @param categories  the categories they handle, at most {@value #MAX_CATEGORIES}; a strategy that matches
 *                    categories ({@link AssignmentStrategy#onlyMatchingCategory()}) gives them only tickets of
 *                    these, and an agent with none gets no ticket from it. Other strategies ignore them
 */
public record Agent(String id, String displayName, Presence presence, int capacity, Set<Category> categories) {

    /** The largest capacity. */
    public static final int MAX_CAPACITY = 1000;

    /** The most categories one agent may list. */
    public static final int MAX_CATEGORIES = 50;

    /**
     * Checks every component and copies the categories.
     *
     * @param id the host's id of the agent, the id tickets are assigned to: an identifier as {@link za.co.proconnectsa.support.TextRules} defines it (1 to 200 printable ASCII characters without spaces, compared exactly)
     * @param displayName the agent's name, 1 to 200 characters of text
     * @param presence whether they take new tickets now
     * @param capacity the most open tickets (neither RESOLVED nor CLOSED) automatic assignment lets them hold, 0 to {@value #MAX_CAPACITY}; 0 takes them out of automatic assignment. Tickets assigned by hand or reopened by a requester count towards it but are never refused because of it
     * @param categories the categories they handle, at most {@value #MAX_CATEGORIES}; a strategy that matches categories ({@link AssignmentStrategy#onlyMatchingCategory()}) gives them only tickets of these, and an agent with none gets no ticket from it. Other strategies ignore them
     * @throws InvalidInputException when a component is missing or out of range
     */
    public Agent {
        Text.identifier(id, "agent.id");
        Text.text(displayName, "agent.displayName", 200);
        Checks.notNull(presence, "agent.presence");
        Checks.between(capacity, 0, MAX_CAPACITY, "agent.capacity");
        categories = Set.copyOf(Checks.notNull(categories, "agent.categories"));
        if (categories.size() > MAX_CATEGORIES) {
            throw InvalidInputException.of("agent.categories", "must be at most " + MAX_CATEGORIES + ", was "
                    + categories.size());
        }
    }

    /**
     * @param id          the host's id of the agent
     * @param displayName the agent's name
     * @return a builder for an AVAILABLE agent with capacity {@value Builder#DEFAULT_CAPACITY} and no categories
     */
    public static Builder builder(String id, String displayName) {
        return new Builder(id, displayName);
    }

    /**
     * @param category a ticket's category
     * @return whether the agent lists it
     */
    public boolean handles(Category category) {
        return categories.contains(category);
    }

    /**
     * @param newPresence the new presence
     * @return a copy with the presence changed
     */
    public Agent withPresence(Presence newPresence) {
        return new Agent(id, displayName, newPresence, capacity, categories);
    }

    /**
     * @param newCapacity the new capacity
     * @return a copy with the capacity changed
     */
    public Agent withCapacity(int newCapacity) {
        return new Agent(id, displayName, presence, newCapacity, categories);
    }

    /** Configures an {@link Agent}. Not thread-safe. */
    public static final class Builder {

        /** The capacity of an agent built without one. */
        public static final int DEFAULT_CAPACITY = 10;

        private final String id;
        private final String displayName;
        private Presence presence = Presence.AVAILABLE;
        private int capacity = DEFAULT_CAPACITY;
        private final Set<Category> categories = new LinkedHashSet<>();

        private Builder(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }

        /**
         * @param value whether they take new tickets now ({@link Presence#AVAILABLE} by default)
         * @return this builder
         */
        public Builder presence(Presence value) {
            this.presence = Checks.notNull(value, "presence");
            return this;
        }

        /**
         * @param value the most open tickets automatic assignment lets them hold, 0 to {@value Agent#MAX_CAPACITY}
         * @return this builder
         */
        public Builder capacity(int value) {
            this.capacity = Checks.between(value, 0, MAX_CAPACITY, "capacity");
            return this;
        }

        /**
         * Adds categories the agent handles.
         *
         * @param values categories
         * @return this builder
         */
        public Builder categories(Category... values) {
            Arrays.stream(Checks.notNull(values, "categories")).forEach(c -> categories.add(Checks.notNull(c, "category")));
            return this;
        }

        /**
         * @return the agent
         * @throws InvalidInputException when the id or name is refused
         */
        public Agent build() {
            return new Agent(id, displayName, presence, capacity, categories);
        }
    }
}
