package za.co.proconnectsa.support.portal.api;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.ticket.InvalidTransitionException;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;

/**
 * Every failure of the JSON API as an RFC 9457 problem detail ({@code application/problem+json}): field errors in
 * plain words, the same 404 for a missing ticket and someone else's, 409 for a version conflict, and never a stack
 * trace. Runs before the HTML pages' error handling, for the API's controller only.
 */
@RestControllerAdvice(assignableTypes = TicketApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    private static final Map<String, String> LABELS = Map.of(
            "subject", "The subject",
            "body", "The text",
            "category", "The category",
            "priority", "The priority",
            "status", "The status",
            "expectedVersion", "The expected version",
            "limit", "The page size",
            "cursor", "The cursor",
            "idempotencyKey", "The Idempotency-Key header");

    /**
     * One refused field.
     *
     * @param field   the field's name in the request
     * @param message what is wrong, as a sentence
     */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        List<FieldProblem> errors = e.fieldErrors().stream()
                .map(f -> new FieldProblem(f.field(), LABELS.getOrDefault(f.field(), "The value of " + f.field())
                        + " " + f.message() + "."))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Your request has problems",
                String.join(" ", errors.stream().map(FieldProblem::message).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({TicketNotFoundException.class, NoSuchEndpointException.class})
    ProblemDetail notFound(SupportException e) {
        if (e instanceof TicketNotFoundException missing) {
            // The same answer whether the ticket does not exist or belongs to someone else
            return problem(HttpStatus.NOT_FOUND, "Ticket not found",
                    "There is no ticket " + missing.ticketNumber() + " that you can see.");
        }
        return problem(HttpStatus.NOT_FOUND, "Not found", "The API has no such address. See /api/openapi.yaml.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", "Your account may not do this.");
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ProblemDetail conflict(ConcurrentUpdateException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Changed meanwhile",
                "Ticket " + e.ticketNumber() + " is at version " + e.actualVersion() + ", not "
                        + e.expectedVersion() + ": someone changed it. Read it again and decide anew.");
        problem.setProperty("currentVersion", e.actualVersion());
        return problem;
    }

    @ExceptionHandler(InvalidTransitionException.class)
    ProblemDetail transition(InvalidTransitionException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in this status",
                "Ticket " + e.ticketNumber() + " cannot go from " + e.from() + " to " + e.to() + ".");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail unavailable(StoreUnavailableException e) {
        LOG.warn("Support store unavailable: {}", e.getClass().getSimpleName());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again shortly",
                "The support desk cannot reach its database just now.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable body",
                "The body must be a JSON object with the fields this endpoint takes (see /api/openapi.yaml).");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class})
    ProblemDetail badParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad parameter",
                "A parameter of the address was missing or not of the expected kind (see /api/openapi.yaml).");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "JSON only", "Send the body as application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "JSON only", "The API answers in application/json.");
    }

    @ExceptionHandler(SupportException.class)
    ProblemDetail otherSupport(SupportException e) {
        return problem(HttpStatus.BAD_REQUEST, "Not possible", "The desk refused the request: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("Unexpected API failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The request could not be completed; please try again later.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
