package za.co.proconnectsa.support.whatsapp.inbox.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.DataRejectedException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * What the inbox writes on tickets: a customer's WhatsApp message as their reply, and an internal note for the
 * agents when WhatsApp could not carry something.
 */
public final class TicketWriter {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final SupportDesk desk;
    private final Actor automation;

    /**
     * @param desk       the desk whose tickets are written
     * @param automation the inbox as the author of its notes
     */
    public TicketWriter(SupportDesk desk, Actor automation) {
        this.desk = desk;
        this.automation = automation;
    }

    /**
     * @param contact who wrote
     * @param ticket  their ticket
     * @param text    what they wrote
     * @return the reply as stored
     */
    public Message customerReply(Contact contact, Ticket ticket, String text) {
        return desk.tickets().reply(contact.actor(), ticket.number().text(), Reply.publicReply(text));
    }

    /**
     * Adds an internal note. A refusal (the ticket closed meanwhile, say) is logged, not thrown, because the note only
     * explains something else; a store failure is thrown, since the unit of work it ran in cannot commit.
     */
    public void note(String ticketNumber, String text) {
        try {
            desk.tickets().reply(automation, ticketNumber, Reply.internalNote(text));
        } catch (StoreUnavailableException | DataRejectedException e) {
            throw e;
        } catch (SupportException e) {
            LOG.warn("Could not add an internal note to ticket {}", ticketNumber, e);
        }
    }
}
