package za.co.proconnectsa.support.portal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import za.co.proconnectsa.support.ticket.NewTicket;

/** What the create-ticket form sends, with the messages a person reads when something is missing. */
public class TicketForm {

    @NotBlank(message = "Please add a subject: one line that says what the problem is.")
    @Size(max = 200, message = "Please keep the subject to 200 characters or fewer.")
    private String subject;

    @NotBlank(message = "Please describe the problem, so that we can help without having to ask you again.")
    @Size(max = NewTicket.MAX_BODY_LENGTH, message = "Please keep the description to 10,000 characters or fewer.")
    private String body;

    @NotBlank(message = "Please choose what the problem is about.")
    private String category;

    @NotBlank
    private String idempotencyKey;

    /** @return the one-line summary */
    public String getSubject() {
        return subject;
    }

    /** @param subject the one-line summary */
    public void setSubject(String subject) {
        this.subject = subject;
    }

    /** @return the description */
    public String getBody() {
        return body;
    }

    /** @param body the description */
    public void setBody(String body) {
        this.body = body;
    }

    /** @return the category's code */
    public String getCategory() {
        return category;
    }

    /** @param category the category's code */
    public void setCategory(String category) {
        this.category = category;
    }

    /** @return the key that makes a form sent twice file one ticket */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** @param idempotencyKey the key that makes a form sent twice file one ticket */
    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
