package za.co.proconnectsa.support.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.portal.security.CurrentActor;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The portal's JSON API: submit a ticket, list and read one's own, reply, and (for the support team) the queue and
 * status changes. Every call goes through the desk, which checks the caller against its access policy; errors are
 * RFC 9457 problem details ({@link ApiProblems}).
 */
@RestController
@RequestMapping("/api")
public class TicketApiController {

    /** The page size when none is asked for. */
    static final int DEFAULT_LIMIT = 25;

    private final SupportDesk desk;

    TicketApiController(SupportDesk desk) {
        this.desk = desk;
    }

    @PostMapping(path = "/tickets")
    ResponseEntity<ApiModels.Receipt> submit(@RequestBody ApiModels.NewTicketRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal principal) {
        Actor actor = CurrentActor.of(principal);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Category category = category(request.category(), errors);
        Priority priority = priority(request.priority(), errors);
        NewTicket ticket = NewTicket.builder()
                .subject(request.subject())
                .body(request.body())
                .category(category == null ? Category.GENERAL : category)
                .priority(priority == null ? Priority.NORMAL : priority)
                .origin(OriginChannel.API)
                .idempotencyKey(idempotencyKey)
                .build();
        if (!errors.isEmpty()) {
            // Every refused field in one answer: the desk's own constraints on the rest of the ticket too
            desk.tickets().problems(ticket).stream().filter(e -> !e.field().equals("category")).forEach(errors::add);
            throw new InvalidInputException(errors);
        }
        SubmissionReceipt receipt = desk.tickets().submit(actor, ticket);
        ApiModels.Receipt body = ApiModels.Receipt.of(receipt);
        URI location = URI.create("/api/tickets/" + body.number());
        return receipt.createdNewTicket()
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    @GetMapping("/tickets/mine")
    ApiModels.TicketPage mine(@RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "25") int limit,
            Principal principal) {
        Page<RequesterTicket> page = desk.tickets().myTickets(CurrentActor.of(principal),
                query(status, null, cursor, limit));
        return new ApiModels.TicketPage(page.items().stream().map(ApiModels.TicketView::of).toList(),
                page.nextCursor() == null ? null : page.nextCursor().token());
    }

    @GetMapping("/tickets/{number}")
    ApiModels.TicketWithMessages ticket(@PathVariable String number, Principal principal) {
        Actor actor = CurrentActor.of(principal);
        if (actor.role().isSupport()) {
            TicketDetails details = desk.tickets().get(actor, number);
            return new ApiModels.TicketWithMessages(ApiModels.TicketView.of(details.ticket()),
                    details.messages().stream().map(ApiModels.MessageView::of).toList());
        }
        RequesterTicketDetails details = desk.tickets().myTicket(actor, number);
        return new ApiModels.TicketWithMessages(ApiModels.TicketView.of(details.ticket()),
                details.messages().stream().map(ApiModels.MessageView::of).toList());
    }

    @PostMapping(path = "/tickets/{number}/replies")
    ResponseEntity<ApiModels.MessageView> reply(@PathVariable String number, @RequestBody ApiModels.ReplyRequest request,
            Principal principal) {
        Actor actor = CurrentActor.of(principal);
        Message message = desk.tickets().reply(actor, number,
                request.isInternal() ? Reply.internalNote(request.body()) : Reply.publicReply(request.body()));
        return ResponseEntity.created(URI.create("/api/tickets/" + number)).body(ApiModels.MessageView.of(message));
    }

    @PostMapping(path = "/tickets/{number}/status")
    ApiModels.TicketView changeStatus(@PathVariable String number, @RequestBody ApiModels.StatusChange request,
            Principal principal) {
        Actor actor = CurrentActor.of(principal);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        TicketStatus status = status(request.status(), errors);
        if (request.expectedVersion() == null) {
            errors.add(new InvalidInputException.FieldError("expectedVersion", "must be given"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Ticket ticket = desk.tickets().changeStatus(actor, number, status, request.expectedVersion());
        return ApiModels.TicketView.of(ticket);
    }

    @GetMapping("/queue")
    ApiModels.TicketPage queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "25") int limit,
            Principal principal) {
        Page<Ticket> page = desk.tickets().queue(CurrentActor.of(principal), query(status, q, cursor, limit));
        return new ApiModels.TicketPage(page.items().stream().map(ApiModels.TicketView::of).toList(),
                page.nextCursor() == null ? null : page.nextCursor().token());
    }

    /** The hand-written OpenAPI description, whatever the caller accepts. */
    @GetMapping("/openapi.yaml")
    ResponseEntity<String> openApi() throws IOException {
        try (InputStream in = new ClassPathResource("api/openapi.yaml").getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Anything else under /api: a problem, not the HTML 404 page. */
    @RequestMapping("/**")
    ResponseEntity<Void> unknown(HttpServletRequest request) {
        throw new NoSuchEndpointException(request.getMethod() + " " + request.getRequestURI());
    }

    private TicketQuery query(String status, String text, String cursor, int limit) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        TicketQuery.Builder builder = TicketQuery.builder().order(TicketQuery.Order.NEWEST_FIRST);
        if (status != null && !status.isBlank()) {
            TicketStatus parsed = status(status, errors);
            if (parsed != null) {
                builder.status(parsed);
            }
        }
        if (limit < 1 || limit > TicketQuery.MAX_LIMIT) {
            errors.add(new InvalidInputException.FieldError("limit", "must be between 1 and " + TicketQuery.MAX_LIMIT));
        } else {
            builder.limit(limit);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (text != null && !text.isBlank()) {
            builder.text(text);
        }
        TicketQuery query = builder.build();
        return cursor == null || cursor.isBlank() ? query : query.after(Cursor.parse(cursor));
    }

    private Category category(String code, List<InvalidInputException.FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new InvalidInputException.FieldError("category", "must be given"));
            return null;
        }
        Category category = Category.of(code);
        if (!desk.categories().contains(category)) {
            errors.add(new InvalidInputException.FieldError("category", "must be one of "
                    + desk.categories().stream().map(Category::code).sorted().toList()));
            return null;
        }
        return category;
    }

    private static Priority priority(String value, List<InvalidInputException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Priority.NORMAL;
        }
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError("priority", "must be one of LOW, NORMAL, HIGH, URGENT"));
            return null;
        }
    }

    private static TicketStatus status(String value, List<InvalidInputException.FieldError> errors) {
        try {
            return TicketStatus.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError("status",
                    "must be one of NEW, OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED"));
            return null;
        }
    }
}
