package za.co.proconnectsa.support.portal.web;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.whatsapp.ReferenceCode;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;

/** A provider's own tickets: create one, list them, read one, reply, mark solved, close and reopen. */
@Controller
public class TicketController {

    private static final int PAGE_SIZE = 20;

    private final SupportDesk desk;
    private final WhatsAppLinks links;
    private final Formats formats;

    TicketController(SupportDesk desk, WhatsAppLinks links, Formats formats) {
        this.desk = desk;
        this.links = links;
        this.formats = formats;
    }

    @GetMapping("/tickets/new")
    String newTicket(Model model) {
        TicketForm form = new TicketForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return showForm(model);
    }

    @PostMapping("/tickets")
    String submit(@Valid @ModelAttribute("form") TicketForm form, BindingResult errors, Model model,
            Principal principal, RedirectAttributes redirect) {
        if (!errors.hasErrors() && form.getCategory() != null && !categoryCodes().contains(form.getCategory())) {
            errors.rejectValue("category", "unknown", "Please choose one of the listed topics.");
        }
        if (errors.hasErrors()) {
            return showForm(model);
        }
        SubmissionReceipt receipt;
        try {
            receipt = desk.tickets().submit(CurrentActor.of(principal), NewTicket.builder()
                    .subject(form.getSubject())
                    .body(form.getBody())
                    .category(Category.of(form.getCategory()))
                    .idempotencyKey(form.getIdempotencyKey())
                    .build());
        } catch (InvalidInputException e) {
            for (InvalidInputException.FieldError error : e.fieldErrors()) {
                String field = List.of("subject", "body", "category").contains(error.field()) ? error.field() : null;
                String text = PlainWords.of(error);
                if (field == null) {
                    errors.reject("invalid", text);
                } else {
                    errors.rejectValue(field, "invalid", text);
                }
            }
            return showForm(model);
        }
        redirect.addFlashAttribute("confirmation", receipt.confirmationText());
        redirect.addFlashAttribute("expectedFirstResponse",
                receipt.expectedFirstResponse().map(formats::time).orElse(""));
        redirect.addFlashAttribute("duplicate", !receipt.createdNewTicket());
        return "redirect:/tickets/" + receipt.ticketNumber().text() + "/submitted";
    }

    @GetMapping("/tickets/{number}/submitted")
    String submitted(@PathVariable String number, Model model, Principal principal) {
        if (!model.containsAttribute("confirmation")) {
            return "redirect:/tickets/" + number;   // a reload: the ticket's own page says the rest
        }
        RequesterTicketDetails details = desk.tickets().myTicket(CurrentActor.of(principal), number);
        model.addAttribute("ticket", details.ticket());
        return "tickets/submitted";
    }

    @GetMapping("/tickets")
    String myTickets(@RequestParam(name = "after", required = false) String after, Model model,
            Principal principal) {
        TicketQuery query = TicketQuery.builder().limit(PAGE_SIZE).build();
        if (after != null && !after.isEmpty()) {
            query = query.after(Cursor.parse(after));
        }
        Page<RequesterTicket> page = desk.tickets().myTickets(CurrentActor.of(principal), query);
        model.addAttribute("tickets", page.items());
        model.addAttribute("next", page.next().map(Cursor::token).orElse(null));
        return "tickets/list";
    }

    @GetMapping("/tickets/{number}")
    String ticket(@PathVariable String number, Model model, Principal principal) {
        RequesterTicketDetails details = desk.tickets().myTicket(CurrentActor.of(principal), number);
        model.addAttribute("details", details);
        model.addAttribute("ticket", details.ticket());
        model.addAttribute("chatLink", links.chatLink("Hi, about my ticket " + details.ticket().number().text() + ":",
                ReferenceCode.of(details.ticket().number())).toString());
        return "tickets/detail";
    }

    @PostMapping("/tickets/{number}/reply")
    String reply(@PathVariable String number, @RequestParam(name = "body", defaultValue = "") String body,
            Principal principal, RedirectAttributes redirect) {
        Actor actor = CurrentActor.of(principal);
        if (body.isBlank()) {
            redirect.addFlashAttribute("replyError", "Please write your reply before sending it.");
            return "redirect:/tickets/" + number;
        }
        desk.tickets().reply(actor, number, Reply.publicReply(body));
        redirect.addFlashAttribute("notice", "Your reply was added to " + number + ".");
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/resolve")
    String resolve(@PathVariable String number, Principal principal, RedirectAttributes redirect) {
        desk.tickets().resolveMyTicket(CurrentActor.of(principal), number);
        redirect.addFlashAttribute("notice", "Marked as solved. Reply any time to reopen it.");
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/close")
    String close(@PathVariable String number, Principal principal, RedirectAttributes redirect) {
        desk.tickets().closeMyTicket(CurrentActor.of(principal), number);
        redirect.addFlashAttribute("notice", "The ticket is closed.");
        return "redirect:/tickets/" + number;
    }

    private String showForm(Model model) {
        model.addAttribute("categories", categoryCodes());
        return "tickets/new";
    }

    private List<String> categoryCodes() {
        return desk.categories().stream().map(Category::code).sorted().toList();
    }
}
