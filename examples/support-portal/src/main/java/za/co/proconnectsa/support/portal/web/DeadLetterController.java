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
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
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
    private final EventOutbox outbox;
    private final WorkQueue jobs;

    DeadLetterController(SupportDesk desk, TicketStore store) {
        this.desk = desk;
        if (!(store instanceof EventOutbox events) || !(store instanceof WorkQueue queue)) {
            throw new SupportException("The dead-letter page needs a store with an outbox and a job queue, such as "
                    + "the JDBC store");
        }
        this.outbox = events;
        this.jobs = queue;
    }

    @GetMapping("/admin/dead-letters")
    String deadLetters(Model model, Principal principal) {
        checkAllowed(CurrentActor.of(principal));
        model.addAttribute("events", outbox.deadLetters(0, LIMIT));
        model.addAttribute("eventCount", outbox.deadLetterCount());
        model.addAttribute("jobs", JOB_KINDS.stream().flatMap(kind -> jobs.deadJobs(kind, 0, LIMIT).stream()).toList());
        return "admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/events/{id}/retry")
    String retryEvent(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        checkAllowed(CurrentActor.of(principal));
        return retried(redirect, outbox.retryDeadLetter(id), "Event " + id + " will be delivered again.");
    }

    @PostMapping("/admin/dead-letters/jobs/{id}/retry")
    String retryJob(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        checkAllowed(CurrentActor.of(principal));
        return retried(redirect, jobs.retryDeadJob(id), "Job " + id + " will run again.");
    }

    private static String retried(RedirectAttributes redirect, boolean retried, String done) {
        redirect.addFlashAttribute("notice", retried ? done : "Nothing to retry: it was no longer dead.");
        return "redirect:/admin/dead-letters";
    }

    private void checkAllowed(Actor actor) {
        desk.accessPolicy().check(actor, Permission.VIEW_QUEUE, null);
    }
}
