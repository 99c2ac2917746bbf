package za.co.proconnectsa.support.examples.starterreadme;

// starter-complaints-imports:begin
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
// starter-complaints-imports:end

/** The starter README's first block: an application service that submits a ticket inside its own transaction. */
// starter-complaints:begin
@Service
class Complaints {
    private final SupportDesk desk;

    Complaints(SupportDesk desk) {
        this.desk = desk;
    }

    @Transactional                      // the ticket commits or rolls back with the rest of this method
    SubmissionReceipt complain(Actor provider, NewTicket ticket) {
        return desk.tickets().submit(provider, ticket);
    }
}
// starter-complaints:end
