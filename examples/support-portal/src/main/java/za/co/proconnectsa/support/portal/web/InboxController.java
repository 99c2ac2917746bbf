package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import org.springframework.core.env.Environment;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.whatsapp.inbox.ConversationDetails;
import za.co.proconnectsa.support.whatsapp.inbox.ConversationReplyResult;
import za.co.proconnectsa.support.whatsapp.inbox.EscalationResult;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/** The agents' WhatsApp inbox: conversations, a transcript with its 24-hour window, replies and escalation. */
@Controller
public class InboxController {

    private final WhatsAppInbox inbox;
    private final SupportDesk desk;
    private final Environment environment;

    InboxController(WhatsAppInbox inbox, SupportDesk desk, Environment environment) {
        this.inbox = inbox;
        this.desk = desk;
        this.environment = environment;
    }

    @GetMapping("/admin/inbox")
    String conversations(@RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(name = "after", defaultValue = "") String after, Model model, Principal principal) {
        ConversationQuery.Builder builder = ConversationQuery.builder().limit(25);
        if (!text.isBlank()) {
            builder.text(text.strip());
        }
        ConversationQuery query = builder.build();
        if (!after.isEmpty()) {
            query = query.after(Cursor.parse(after));
        }
        Page<Conversation> page = inbox.conversations(CurrentActor.of(principal), query);
        model.addAttribute("conversations", page.items());
        model.addAttribute("next", page.next().map(Cursor::token).orElse(null));
        model.addAttribute("q", text);
        model.addAttribute("sending", sending());
        return "admin/inbox";
    }

    @GetMapping("/admin/inbox/{number}")
    String conversation(@PathVariable String number, Model model, Principal principal) {
        ConversationDetails details = inbox.conversation(CurrentActor.of(principal), number);
        model.addAttribute("details", details);
        model.addAttribute("conversation", details.conversation());
        model.addAttribute("categories", desk.categories().stream().map(Category::code).sorted().toList());
        model.addAttribute("sending", sending());
        return "admin/conversation";
    }

    @PostMapping("/admin/inbox/{number}/reply")
    String reply(@PathVariable String number, @RequestParam(name = "body", defaultValue = "") String body,
            Principal principal, RedirectAttributes redirect) {
        if (body.isBlank()) {
            redirect.addFlashAttribute("replyError", "Please write the reply before sending it.");
            return "redirect:/admin/inbox/" + number;
        }
        ConversationReplyResult result = inbox.reply(CurrentActor.of(principal), number, body);
        redirect.addFlashAttribute("notice", switch (result.delivery()) {
            case QUEUED, TEMPLATE_QUEUED -> "Reply queued for WhatsApp.";
            case WINDOW_CLOSED -> "Not sent: the 24-hour window is closed; WhatsApp only allows an approved template now.";
            case FAILED, NOT_ON_WHATSAPP -> "Not sent: " + result.delivery().name().toLowerCase().replace('_', ' ') + ".";
        });
        return "redirect:/admin/inbox/" + number;
    }

    @PostMapping("/admin/inbox/{number}/escalate")
    String escalate(@PathVariable String number, @RequestParam("category") String category, Principal principal,
            RedirectAttributes redirect) {
        Actor agent = CurrentActor.of(principal);
        EscalationResult result = inbox.escalate(agent, number, Category.of(category));
        redirect.addFlashAttribute("notice", "Escalated to ticket " + result.receipt().ticketNumber().text() + ".");
        return "redirect:/admin/inbox/" + number;
    }

    /** @return whether queued replies are delivered: an account is configured and the sender runs */
    private boolean sending() {
        return !environment.getProperty("support.whatsapp.cloud.access-token", "").isBlank()
                && environment.getProperty("support.whatsapp.workers.enabled", Boolean.class, true);
    }
}
