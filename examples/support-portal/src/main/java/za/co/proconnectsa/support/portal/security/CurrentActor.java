package za.co.proconnectsa.support.portal.security;

import java.security.Principal;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.access.Role;

/** Turns the signed-in user into the desk's {@link Actor}. */
public final class CurrentActor {

    private CurrentActor() {
    }

    /**
     * @param principal the signed-in user
     * @return the desk's actor for them
     * @throws AccessDeniedException when nobody known is signed in
     */
    public static Actor of(Principal principal) {
        if (principal == null) {
            throw new AccessDeniedException(Role.REQUESTER, Permission.VIEW_TICKET, "please sign in");
        }
        return DemoUsers.find(principal.getName())
                .map(DemoUser::actor)
                .orElseThrow(() -> new AccessDeniedException(Role.REQUESTER, Permission.VIEW_TICKET, "unknown user"));
    }
}
