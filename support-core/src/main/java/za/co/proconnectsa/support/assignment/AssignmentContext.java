package za.co.proconnectsa.support.assignment;

import java.time.Instant;
import java.util.Optional;

/**
 * What an {@link AssignmentStrategy} may read besides the ticket and the candidates while it chooses. Every value
 * comes from the store inside the assignment's unit of work, while the candidates' roster entries are locked, so a
 * decision made on them still holds when the assignment commits.
 */
public interface AssignmentContext {

    /** @return the desk clock's time of this decision */
    Instant now();

    /**
     * The agent a rotation chose last, read from the store and held until the assignment commits: whatever agent the
     * strategy then chooses becomes the rotation's new position, in the same unit of work. Several instances of an
     * application therefore share one rotation, and take turns in one order.
     *
     * @param rotation the rotation's name: an identifier of 1 to {@value #MAX_ROTATION_LENGTH} characters, e.g.
     *                 {@code "round-robin"}; strategies with different names rotate independently
     * @return the agent it chose last, if it ever chose one
     * @throws za.co.proconnectsa.support.InvalidInputException when the name is not such an identifier
     */
    Optional<String> lastChosen(String rotation);

    /**
     * Counts the tickets assigned to an agent at or after a time: every assignment to them, by hand or automatic, as
     * the tickets' audit trails record it (a ticket assigned to them twice counts twice).
     *
     * @param agentId an agent's id
     * @param since   the start of the window
     * @return how many
     */
    int assignedSince(String agentId, Instant since);

    /** The longest rotation name. */
    int MAX_ROTATION_LENGTH = 40;
}
