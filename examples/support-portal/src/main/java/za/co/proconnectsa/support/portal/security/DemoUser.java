package za.co.proconnectsa.support.portal.security;

import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;

/**
 * A person who can sign in to the demo portal.
 *
 * @param username    the login name, also the desk's actor id
 * @param displayName the name shown beside replies
 * @param role        what the desk lets them do
 * @param email       where the portal e-mails their notifications, or {@code null} for support staff
 */
public record DemoUser(String username, String displayName, Role role, String email) {

    /** @return the desk's actor for this user */
    public Actor actor() {
        return new Actor(username, role, displayName);
    }
}
