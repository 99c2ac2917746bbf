package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.ticket.Category;

/** Runs the desk's routing on the ticket form's text while the provider types, and says which channel suits it. */
@RestController
public class RoutingHintController {

    /** The longest text the hint reads; the form itself allows more. */
    static final int MAX_TEXT = 2_000;

    private final SupportDesk desk;

    RoutingHintController(SupportDesk desk) {
        this.desk = desk;
    }

    /**
     * The hint for the form's text so far.
     *
     * @param channel   WHATSAPP or TICKET
     * @param hint      the sentence to show
     * @param reason    why, in the routing policy's words
     * @param chatLink  the WhatsApp link when WhatsApp suits it, otherwise null
     * @param category  the topic the routing suggests
     */
    public record RoutingHint(String channel, String hint, String reason, String chatLink, String category) {
    }

    @GetMapping("/tickets/routing-hint")
    RoutingHint hint(@RequestParam(name = "subject", defaultValue = "") String subject,
            @RequestParam(name = "body", defaultValue = "") String body,
            @RequestParam(name = "category", defaultValue = "") String category, Principal principal) {
        Actor actor = CurrentActor.of(principal);
        String text = clip((subject + "\n" + body).strip());
        if (text.isEmpty()) {
            return new RoutingHint("NONE", "", "", null, null);
        }
        SupportRequest.Builder request = SupportRequest.builder().requester(actor.id(), actor.role()).text(text);
        if (!category.isEmpty() && desk.categories().stream().anyMatch(c -> c.code().equals(category))) {
            request.category(Category.of(category));
        }
        RoutingDecision decision = desk.route(request.build());
        List<String> reasons = decision.reasons();
        String reason = reasons.isEmpty() ? "" : reasons.get(0);
        if (decision.channel() == Channel.WHATSAPP) {
            return new RoutingHint("WHATSAPP", "This sounds like a quick question: WhatsApp is fastest.", reason,
                    decision.whatsAppLink().map(Object::toString).orElse(null), decision.suggestedCategory().code());
        }
        return new RoutingHint("TICKET", "A ticket is the right place for this: we will track it until it is solved.",
                reason, null, decision.suggestedCategory().code());
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
