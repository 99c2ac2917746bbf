package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.AssignmentContext;
import za.co.proconnectsa.support.assignment.AssignmentStrategy;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/** The built-in {@link AssignmentStrategy}s; hosts reach them through the interface's factories. */
public final class AssignmentStrategies {

    private static final Comparator<AgentWorkload> LEAST_LOADED = Comparator
            .comparingDouble(AgentWorkload::utilisation)
            .thenComparingInt(AgentWorkload::openTickets)
            .thenComparing(AgentWorkload::agentId);

    private AssignmentStrategies() {
    }

    /**
     * @param rotation the rotation's name
     * @return round robin on it
     */
    public static AssignmentStrategy roundRobin(String rotation) {
        String name = rotationName(rotation);
        return new AssignmentStrategy() {
            @Override
            public Optional<AgentWorkload> choose(za.co.proconnectsa.support.ticket.Ticket ticket,
                    List<AgentWorkload> candidates, AssignmentContext context) {
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                // candidates come ordered by id: the next after the last chosen, or the first when it was the last
                Optional<String> last = context.lastChosen(name);
                return Optional.of(candidates.stream()
                        .filter(c -> last.isEmpty() || c.agentId().compareTo(last.get()) > 0)
                        .findFirst()
                        .orElse(candidates.get(0)));
            }

            @Override
            public String toString() {
                return "roundRobin(" + name + ")";
            }
        };
    }

    /** @return least loaded */
    public static AssignmentStrategy leastLoaded() {
        return new AssignmentStrategy() {
            @Override
            public Optional<AgentWorkload> choose(za.co.proconnectsa.support.ticket.Ticket ticket,
                    List<AgentWorkload> candidates, AssignmentContext context) {
                return candidates.stream().min(LEAST_LOADED);
            }

            @Override
            public String toString() {
                return "leastLoaded";
            }
        };
    }

    /**
     * @param next chooses among the agents who handle the ticket's category
     * @return the filtered strategy
     */
    public static AssignmentStrategy onlyMatchingCategory(AssignmentStrategy next) {
        Checks.notNull(next, "next");
        return new AssignmentStrategy() {
            @Override
            public Optional<AgentWorkload> choose(za.co.proconnectsa.support.ticket.Ticket ticket,
                    List<AgentWorkload> candidates, AssignmentContext context) {
                return next.choose(ticket, candidates.stream().filter(c -> c.agent().handles(ticket.category())).toList(),
                        context);
            }

            @Override
            public String toString() {
                return "onlyMatchingCategory then " + next;
            }
        };
    }

    /**
     * @param next    chooses among the agents under the limit
     * @param tickets the most assignments an agent gets per window
     * @param window  the sliding window
     * @return the limited strategy
     */
    public static AssignmentStrategy atMostPerAgent(AssignmentStrategy next, int tickets, Duration window) {
        Checks.notNull(next, "next");
        checkLimit(tickets, window);
        return new AssignmentStrategy() {
            @Override
            public Optional<AgentWorkload> choose(za.co.proconnectsa.support.ticket.Ticket ticket,
                    List<AgentWorkload> candidates, AssignmentContext context) {
                var since = context.now().minus(window);
                return next.choose(ticket, candidates.stream()
                        .filter(c -> context.assignedSince(c.agentId(), since) < tickets).toList(), context);
            }

            @Override
            public String toString() {
                return "atMostPerAgent(" + tickets + " per " + window + ") then " + next;
            }
        };
    }

    /**
     * @param tickets the most assignments an agent gets per window, at least 1
     * @param window  the window, positive
     * @throws InvalidInputException for a bad argument
     */
    public static void checkLimit(int tickets, Duration window) {
        if (tickets < 1) {
            throw InvalidInputException.of("tickets", "must be at least 1, was " + tickets);
        }
        Checks.positive(window, "window");
    }

    /**
     * @param rotation a rotation's name
     * @return the name, checked
     * @throws InvalidInputException when it is not an identifier of at most 40 characters
     */
    public static String rotationName(String rotation) {
        Text.identifier(rotation, "rotation");
        if (rotation.length() > AssignmentContext.MAX_ROTATION_LENGTH) {
            throw InvalidInputException.of("rotation", "must be at most " + AssignmentContext.MAX_ROTATION_LENGTH
                    + " characters, was " + rotation.length());
        }
        return rotation;
    }
}
