package za.co.proconnectsa.support.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.assignment.AgentNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.ticket.InvalidTransitionException;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;

/**
 * Every failure as a page a person can act on, with the right status and never a stack trace: a missing ticket and
 * someone else's ticket both give the same 404 page.
 */
@ControllerAdvice
class PortalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler({TicketNotFoundException.class, ConversationNotFoundException.class,
            AgentNotFoundException.class, NoResourceFoundException.class})
    String notFound(Exception e, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", e.fieldErrors().stream().map(PlainWords::of).toList());
        return "error/400";
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", List.of("The link or form was missing something or had a value we did not "
                + "understand. Please go back and try again."));
        return "error/400";
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String wrongMethod(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        model.addAttribute("problems", List.of("This address cannot be used that way. Please use the page's buttons."));
        return "error/400";
    }

    @ExceptionHandler(InvalidTransitionException.class)
    String conflict(InvalidTransitionException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("detail", "That change is not possible for this ticket in its current status.");
        return "error/409";
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    String changedMeanwhile(ConcurrentUpdateException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("detail", "Someone else changed this ticket at the same moment. Please reload it and try "
                + "again.");
        return "error/409";
    }

    @ExceptionHandler(StoreUnavailableException.class)
    String unavailable(StoreUnavailableException e, HttpServletResponse response) {
        LOG.warn("Support store unavailable: {}", e.getClass().getSimpleName());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        return "error/503";
    }

    @ExceptionHandler(SupportException.class)
    String otherSupportError(SupportException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", List.of("We could not do that: " + e.getMessage()));
        return "error/400";
    }
}
