package za.co.proconnectsa.support.assignment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.internal.AssignmentStrategies;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Chooses which agent gets a ticket. The desk asks it inside the assignment's unit of work, with the candidates
 * already narrowed to the agents who are {@link Presence#AVAILABLE} and below their capacity, and their roster
 * entries locked; it gives the ticket to the agent returned, or leaves the ticket unassigned when none is.
 *
 * <p>The built-in strategies compose: two that choose ({@link #roundRobin()}, {@link #leastLoaded()}), and two that
 * narrow the candidates before another strategy chooses ({@link #onlyMatchingCategory()},
 * {@link #atMostPerAgent(int, Duration)}).
 *
 * <pre>{@code
 * // billing tickets only to agents who handle billing, at most 5 new tickets an agent an hour, least loaded first
 * AssignmentStrategy strategy = AssignmentStrategy.builder()
 *         .onlyMatchingCategory()
 *         .atMostPerAgent(5, Duration.ofHours(1))
 *         .leastLoaded()
 *         .build();
 * // the same, written with the default methods
 * AssignmentStrategy same = AssignmentStrategy.leastLoaded().atMostPerAgent(5, Duration.ofHours(1)).onlyMatchingCategory();
 * }</pre>
 *
 * <p>A strategy of the host's own is a lambda; it must return one of the candidates or empty, and it should not
 * call the desk or the store (it runs while the candidates are locked). A strategy that throws leaves the ticket
 * unassigned; the failure is logged.
 */
@FunctionalInterface
public interface AssignmentStrategy {

    /** The rotation {@link #roundRobin()} uses. */
    String DEFAULT_ROTATION = "round-robin";

    /**
     * Chooses the agent for a ticket.
     *
     * @param ticket     the unassigned ticket, NEW, OPEN, PENDING or ON_HOLD
     * @param candidates the agents who may take it now, each once, ordered by id ({@link String#compareTo}); may be
     *                   empty
     * @param context    the time, rotations and recent assignments
     * @return one of the candidates, or empty to leave the ticket unassigned
     */
    Optional<AgentWorkload> choose(Ticket ticket, List<AgentWorkload> candidates, AssignmentContext context);

    /**
     * Takes the candidates in turn, in id order, continuing after the agent chosen last; the position is kept in the
     * store ({@link AssignmentContext#lastChosen}), so every instance of an application continues one rotation. An
     * agent skipped because they were away, full or filtered out simply waits for the next round.
     *
     * @return round robin on the rotation {@value #DEFAULT_ROTATION}
     */
    static AssignmentStrategy roundRobin() {
        return roundRobin(DEFAULT_ROTATION);
    }

    /**
     * @param rotation the name of the rotation, for a desk that keeps several independent ones (e.g. one per team)
     * @return round robin on that rotation
     * @throws za.co.proconnectsa.support.InvalidInputException when the name is not an identifier of 1 to
     *                                                        {@value AssignmentContext#MAX_ROTATION_LENGTH} characters
     */
    static AssignmentStrategy roundRobin(String rotation) {
        return AssignmentStrategies.roundRobin(rotation);
    }

    /**
     * Chooses the candidate using the smallest share of their capacity (open tickets / capacity); on a tie the one
     * with fewer open tickets, then the first by id.
     *
     * @return least loaded
     */
    static AssignmentStrategy leastLoaded() {
        return AssignmentStrategies.leastLoaded();
    }

    /**
     * @return a builder that stacks filters and ends with the strategy that chooses
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Narrows the candidates to the agents who list the ticket's category ({@link Agent#categories()}), then lets
     * this strategy choose among them.
     *
     * @return the narrowed strategy
     */
    default AssignmentStrategy onlyMatchingCategory() {
        return AssignmentStrategies.onlyMatchingCategory(this);
    }

    /**
     * The fair-distribution limit: narrows the candidates to the agents who were assigned fewer than
     * {@code tickets} tickets in the {@code window} before now (a sliding window, counted from the tickets' audit
     * trails, assignments by hand included), then lets this strategy choose among them. Tickets left unassigned by
     * the limit wait in the backlog: run {@link AssignmentService#drainBacklog} on a schedule to give them out once
     * the window has moved on.
     *
     * @param tickets the most new tickets an agent gets per window, at least 1
     * @param window  the window, positive
     * @return the limited strategy
     * @throws za.co.proconnectsa.support.InvalidInputException for a bad argument
     */
    default AssignmentStrategy atMostPerAgent(int tickets, Duration window) {
        return AssignmentStrategies.atMostPerAgent(this, tickets, window);
    }

    /**
     * Builds a strategy from filters and a final choice, in reading order: each filter narrows the candidates left by
     * the one before, and the last step chooses. Not thread-safe; the strategy it builds is immutable.
     */
    final class Builder {
        private final List<java.util.function.UnaryOperator<AssignmentStrategy>> filters = new java.util.ArrayList<>();
        private AssignmentStrategy chooser = AssignmentStrategies.leastLoaded();

        private Builder() {
        }

        /**
         * Adds {@link AssignmentStrategy#onlyMatchingCategory()}.
         *
         * @return this builder
         */
        public Builder onlyMatchingCategory() {
            filters.add(AssignmentStrategy::onlyMatchingCategory);
            return this;
        }

        /**
         * Adds {@link AssignmentStrategy#atMostPerAgent(int, Duration)}.
         *
         * @param tickets the most new tickets an agent gets per window, at least 1
         * @param window  the window, positive
         * @return this builder
         * @throws za.co.proconnectsa.support.InvalidInputException for a bad argument
         */
        public Builder atMostPerAgent(int tickets, Duration window) {
            AssignmentStrategies.checkLimit(tickets, window);
            filters.add(next -> next.atMostPerAgent(tickets, window));
            return this;
        }

        /**
         * Ends with {@link AssignmentStrategy#roundRobin()} (the default is {@link AssignmentStrategy#leastLoaded()}).
         *
         * @return this builder
         */
        public Builder roundRobin() {
            return choosing(AssignmentStrategy.roundRobin());
        }

        /**
         * Ends with {@link AssignmentStrategy#leastLoaded()}, the default.
         *
         * @return this builder
         */
        public Builder leastLoaded() {
            return choosing(AssignmentStrategy.leastLoaded());
        }

        /**
         * Ends with a strategy of the host's own.
         *
         * @param strategy chooses among the candidates the filters leave
         * @return this builder
         */
        public Builder choosing(AssignmentStrategy strategy) {
            this.chooser = Checks.notNull(strategy, "strategy");
            return this;
        }

        /** @return the strategy: the filters in the order added, then the choice */
        public AssignmentStrategy build() {
            AssignmentStrategy built = chooser;
            for (int i = filters.size() - 1; i >= 0; i--) {
                built = filters.get(i).apply(built);
            }
            return built;
        }
    }
}
