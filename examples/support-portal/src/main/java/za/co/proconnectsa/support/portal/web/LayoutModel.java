package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.DemoUser;
import za.co.proconnectsa.support.portal.security.DemoUsers;

/** Puts the signed-in user, if any, in every page's model for the navigation bar. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("currentUser")
    Actor currentUser(Principal principal) {
        return principal == null ? null : DemoUsers.find(principal.getName()).map(DemoUser::actor).orElse(null);
    }
}
