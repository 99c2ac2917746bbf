package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The support team's dashboard: the queue with filters, search and keyset paging, SLA badges, a live feed of
 * changes, and each ticket with assignment, public replies, internal notes and status changes.
 */
@Controller
public class AdminController {

    private static final int PAGE_SIZE = 25;
    private static final int CHANGES_LIMIT = 50;

    private final SupportDesk desk;
    private final Formats formats;

    AdminController(SupportDesk desk, Formats formats) {
        this.desk = desk;
        this.formats = formats;
    }

    /**
     * One row of the queue, as the page and the live feed show it.
     *
     * @param number    the ticket number
     * @param subject   the subject, shown as text
     * @param requester the requester's id
     * @param category  the topic
     * @param priority  the priority
     * @param status    the status
     * @param assignee  the assigned agent's id, or empty
     * @param updated   when it last changed, as people read it
     * @param sla       the SLA badge's text
     * @param slaCss    the SLA badge's style
     */
    public record QueueRow(String number, String subject, String requester, String category, String priority,
            String status, String assignee, String updated, String sla, String slaCss) {
    }

    /**
     * What the dashboard's script receives when it asks for changes.
     *
     * @param cursor  where to continue next time
     * @param more    whether more changes are waiting
     * @param tickets the tickets changed since the previous cursor, as rows
     */
    public record ChangeFeed(String cursor, boolean more, List<QueueRow> tickets) {
    }

    @GetMapping("/admin")
    String queue(@RequestParam Map<String, String> params, Model model, Principal principal) {
        Actor agent = CurrentActor.of(principal);
        TicketQuery.Builder query = TicketQuery.builder().limit(PAGE_SIZE);
        String status = params.getOrDefault("status", "");
        if (status.equals("active")) {
            query.active();
        } else if (!status.isEmpty()) {
            query.status(parse(TicketStatus.class, "status", status));
        }
        String category = params.getOrDefault("category", "");
        if (!category.isEmpty()) {
            query.category(Category.of(category));
        }
        String priority = params.getOrDefault("priority", "");
        if (!priority.isEmpty()) {
            query.priority(parse(Priority.class, "priority", priority));
        }
        String assignee = params.getOrDefault("assignee", "");
        if (assignee.equals("none")) {
            query.unassigned();
        } else if (!assignee.isEmpty()) {
            query.assignee(assignee);
        }
        String text = params.getOrDefault("q", "").strip();
        if (!text.isEmpty()) {
            query.text(text);
        }
        boolean newest = !"oldest".equals(params.get("order"));
        query.order(newest ? TicketQuery.Order.NEWEST_FIRST : TicketQuery.Order.OLDEST_FIRST);
        TicketQuery built = query.build();
        String after = params.getOrDefault("after", "");
        if (!after.isEmpty()) {
            built = built.after(Cursor.parse(after));
        }
        ChangeCursor latest = desk.tickets().latestChange(agent);   // read first: nothing between is missed
        Page<Ticket> page = desk.tickets().queue(agent, built);
        model.addAttribute("rows", rows(agent, page.items()));
        model.addAttribute("next", page.next().map(Cursor::token).orElse(null));
        model.addAttribute("nextParams", withoutAfter(params));
        model.addAttribute("filters", params);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", desk.categories().stream().map(Category::code).sorted().toList());
        model.addAttribute("agents", desk.assignment().agents(agent));
        model.addAttribute("autoAssign", desk.assignment().assignsOnSubmit());
        model.addAttribute("changeCursor", latest.token());
        boolean filtered = params.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals("order") && !e.getValue().isBlank());
        model.addAttribute("liveInsert", !filtered && newest);   // new tickets belong at the top of this view
        return "admin/queue";
    }

    /** @return the tickets changed after the cursor, for the dashboard's script */
    @GetMapping("/admin/changes")
    @ResponseBody
    ChangeFeed changes(@RequestParam("cursor") String cursor, Principal principal) {
        Actor agent = CurrentActor.of(principal);
        TicketChanges changes = desk.tickets().changesSince(agent, ChangeCursor.parse(cursor), CHANGES_LIMIT);
        return new ChangeFeed(changes.cursor().token(), changes.more(), rows(agent, changes.tickets()));
    }

    @GetMapping("/admin/tickets/{number}")
    String ticket(@PathVariable String number, Model model, Principal principal) {
        Actor agent = CurrentActor.of(principal);
        TicketDetails details = desk.tickets().get(agent, number);
        model.addAttribute("details", details);
        model.addAttribute("ticket", details.ticket());
        SlaStatus sla = desk.sla().status(agent, number);
        model.addAttribute("sla", sla);
        model.addAttribute("slaBadge", SlaBadge.of(sla, formats));
        model.addAttribute("agents", desk.assignment().agents(agent));
        // the select shows the current status first and selected, then the statuses it may move to
        model.addAttribute("transitions", details.ticket().status().allowedTransitions().stream()
                .filter(s -> s != details.ticket().status()).sorted().toList());
        return "admin/ticket";
    }

    @PostMapping("/admin/tickets/{number}/assign")
    String assign(@PathVariable String number, @RequestParam(name = "agentId", defaultValue = "") String agentId,
            Principal principal, RedirectAttributes redirect) {
        Actor agent = CurrentActor.of(principal);
        if (agentId.equals("auto")) {
            var result = desk.assignment().assignNew(agent, number);
            redirect.addFlashAttribute("notice", "Automatic assignment: " + formats.words(result.outcome().name())
                    + result.assignee().map(a -> " (" + a + ")").orElse("") + ".");
        } else if (agentId.isEmpty()) {
            desk.tickets().unassign(agent, number);
            redirect.addFlashAttribute("notice", "Nobody is assigned now.");
        } else {
            desk.tickets().assign(agent, number, agentId);
            redirect.addFlashAttribute("notice", "Assigned to " + agentId + ".");
        }
        return "redirect:/admin/tickets/" + number;
    }

    @PostMapping("/admin/tickets/{number}/reply")
    String reply(@PathVariable String number, @RequestParam(name = "body", defaultValue = "") String body,
            @RequestParam(name = "visibility", defaultValue = "PUBLIC") String visibility, Principal principal,
            RedirectAttributes redirect) {
        Actor agent = CurrentActor.of(principal);
        if (body.isBlank()) {
            redirect.addFlashAttribute("replyError", "Please write the reply or note before sending it.");
            return "redirect:/admin/tickets/" + number;
        }
        boolean internal = "INTERNAL".equals(visibility);
        desk.tickets().reply(agent, number, internal ? Reply.internalNote(body) : Reply.publicReply(body));
        redirect.addFlashAttribute("notice", internal ? "Internal note added (the requester does not see it)."
                : "Reply sent to the requester.");
        return "redirect:/admin/tickets/" + number;
    }

    @PostMapping("/admin/tickets/{number}/status")
    String status(@PathVariable String number, @RequestParam("status") String status,
            @RequestParam(name = "version", defaultValue = "-1") long version, Principal principal,
            RedirectAttributes redirect) {
        Actor agent = CurrentActor.of(principal);
        TicketStatus target = parse(TicketStatus.class, "status", status);
        if (target == desk.tickets().get(agent, number).ticket().status()) {
            redirect.addFlashAttribute("notice", "The status stays " + formats.words(target.name()) + ".");
            return "redirect:/admin/tickets/" + number;
        }
        if (version >= 0) {
            desk.tickets().changeStatus(agent, number, target, version);   // refused if someone changed it meanwhile
        } else {
            desk.tickets().changeStatus(agent, number, target);
        }
        redirect.addFlashAttribute("notice", "Status changed to " + formats.words(target.name()) + ".");
        return "redirect:/admin/tickets/" + number;
    }

    /** The rows of a page of tickets, with the SLA badges of all of them read at once. */
    private List<QueueRow> rows(Actor agent, List<Ticket> tickets) {
        Map<TicketId, SlaStatus> sla = desk.sla().statuses(agent, tickets.stream().map(Ticket::id).toList());
        List<QueueRow> rows = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            SlaStatus status = sla.get(t.id());
            // a ticket gone between the two reads keeps its row without a badge
            rows.add(row(t, status == null ? new SlaBadge("", "") : SlaBadge.of(status, formats)));
        }
        return rows;
    }

    private QueueRow row(Ticket t, SlaBadge badge) {
        return new QueueRow(t.number().text(), t.subject(), t.requesterId(), formats.words(t.category().code()),
                formats.words(t.priority().name()), formats.words(t.status().name()), t.assignee().orElse(""),
                formats.shortTime(t.updatedAt()), badge.label(), badge.css());
    }

    private static Map<String, String> withoutAfter(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.remove("after");
        return copy;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "is not one of the listed choices");
        }
    }
}
