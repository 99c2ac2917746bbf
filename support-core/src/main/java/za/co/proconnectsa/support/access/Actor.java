package za.co.proconnectsa.support.access;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * Someone acting on the desk, as the host's authentication established them. The library trusts
 * the host for who the person is and decides itself what they may do.
 *
 * <p>The id is an identifier and the name free text, as {@link za.co.proconnectsa.support.TextRules} defines them: an id is 1 to 200 printable
 * ASCII characters without spaces, compared exactly (case and all); a name is any Unicode text without control
 * characters (other than tab and line breaks) or lone surrogates.
 *
 * @param id          the host's stable id of the person, 1 to 200 printable ASCII characters without spaces
 * @param role        their role
 * @param displayName the name shown next to their messages, 1 to 200 characters of text
 */
public record Actor(String id, Role role, String displayName) {

    /**
     * @param id the host's stable id of the person, 1 to 200 printable ASCII characters without spaces
     * @param role their role
     * @param displayName the name shown next to their messages, 1 to 200 characters of text
     * @throws InvalidInputException when the id is not an identifier, or the name is blank, too long or holds a
     *                             character no store keeps
     */
    public Actor {
        Checks.notNull(role, "role");
        Text.identifier(id, "actor.id");
        Text.text(displayName, "actor.displayName", 200);
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
}
