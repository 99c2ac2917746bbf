package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.portal.security.CurrentActor;

/** The sign-in page, and where each user lands after signing in. */
@Controller
public class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/home")
    String home(Principal principal) {
        Role role = CurrentActor.of(principal).role();
        return role == Role.REQUESTER ? "redirect:/tickets" : "redirect:/admin";
    }
}
