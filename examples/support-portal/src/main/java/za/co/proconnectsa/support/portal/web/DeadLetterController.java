package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/** Events and WhatsApp jobs that failed every attempt, for a person to look at and send back for another try. */
@Controller
public class DeadLetterController {

    private static final int LIMIT = 100;
    private static final List<String> JOB_KINDS = List.of(WebhookReceiver.INBOUND_KIND, WebhookReceiver.STATUS_KIND,
            WhatsAppInbox.SEND_KIND);

    private final SupportDesk desk;
    private final JdbcTicketStore store;

    DeadLetterController(SupportDesk desk, JdbcTicketStore store) {
        this.desk = desk;
        this.store = store;
    }

    @GetMapping("/admin/dead-letters")
    String deadLetters(Model model, Principal principal) {
        checkAllowed(CurrentActor.of(principal));
        model.addAttribute("events", store.deadLetters(0, LIMIT));
        model.addAttribute("eventCount", store.deadLetterCount());
        model.addAttribute("jobs", JOB_KINDS.stream().flatMap(kind -> store.deadJobs(kind, 0, LIMIT).stream()).toList());
        return "admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/events/{id}/retry")
    String retryEvent(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        checkAllowed(CurrentActor.of(principal));
        redirect.addFlashAttribute("notice", store.retryDeadLetter(id)
                ? "Event " + id + " will be delivered again." : "Event " + id + " is no longer a dead letter.");
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/jobs/{id}/retry")
    String retryJob(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        checkAllowed(CurrentActor.of(principal));
        redirect.addFlashAttribute("notice", store.retryDeadJob(id)
                ? "Job " + id + " will run again." : "Job " + id + " is no longer dead.");
        return "redirect:/admin/dead-letters";
    }

    private void checkAllowed(Actor actor) {
        desk.accessPolicy().check(actor, Permission.VIEW_QUEUE, null);
    }
}
