package za.co.proconnectsa.support.access;

import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.util.Checks;

/**
 * Someone acting on the desk, as the host's authentication established them. The library trusts
 * the host for who the person is and decides itself what they may do.
 *
 * @param id          the host's stable id of the person, 1 to 200 characters
 * @param role        their role
 * @param displayName the name shown next to their messages, 1 to 200 characters
 */
public record Actor(String id, Role role, String displayName) {

    /**
     * @throws ValidationException when the id or name is blank or too long
     */
    public Actor {
        Checks.notNull(role, "role");
        check("actor.id", id);
        check("actor.displayName", displayName);
    }

    /**
     * @param id          the host's id of the person
     * @param displayName their name
     * @return a requester
     */
    public static Actor requester(String id, String displayName) {
        return new Actor(id, Role.REQUESTER, displayName);
    }

    /**
     * @param id          the host's id of the agent
     * @param displayName their name
     * @return an agent
     */
    public static Actor agent(String id, String displayName) {
        return new Actor(id, Role.AGENT, displayName);
    }

    /**
     * @param id          the host's id of the admin
     * @param displayName their name
     * @return an admin
     */
    public static Actor admin(String id, String displayName) {
        return new Actor(id, Role.ADMIN, displayName);
    }

    private static void check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, "must not be blank");
        }
        if (value.length() > 200) {
            throw ValidationException.of(field, "must be at most 200 characters");
        }
    }
}
