package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * Where tickets live. The library ships an in-memory store and a JDBC store; a host may write its own
 * and prove it with {@code TicketStoreContract} from {@code support-testing}.
 *
 * <p>Rules every store keeps:
 * <ul>
 *   <li>Each write method is one atomic unit: the ticket, its new messages and audit events, and the
 *       idempotency key are all stored or none is. Several writes are one unit inside
 *       {@link #inTransaction}.</li>
 *   <li>Nothing that was stored is ever hidden: every ticket is found by id, by number and by a query
 *       that matches it.</li>
 *   <li>Instants round-trip to the microsecond.</li>
 *   <li>Text round-trips exactly ({@link String#equals}): the library hands a store only ids and texts that follow
 *       {@link za.co.proconnectsa.support.TextRules}, and ids that differ in case are different ids. A value the
 *       database refuses as data is thrown as {@link za.co.proconnectsa.support.DataRejectedException}.</li>
 *   <li>A failure of the underlying system is thrown as
 *       {@link za.co.proconnectsa.support.StoreUnavailableException}; no other unchecked exception
 *       than the ones documented here leaves a store.</li>
 *   <li>Every method is safe to call from many threads at once.</li>
 * </ul>
 *
 * <p>A store may also implement {@link EventOutbox} (then each insert and update also writes its event, in the
 * same unit), {@link ConversationStore} (for the WhatsApp inbox) and {@link ProcessedMessageLog} (for webhook
 * deduplication); the in-memory and JDBC stores implement all of them.
 */
public interface TicketStore extends UnitOfWork {

    /**
     * Takes the next ticket-number sequence value. Values are positive, never repeat (even across
     * store instances sharing one database) and may have gaps. Taken inside the unit of work that inserts the ticket,
     * numbers become visible in increasing order: the unit holds the number until it commits, so a reader paging the
     * queue by number never passes a ticket that commits later.
     *
     * @return the value
     */
    long nextSequence();

    /**
     * Lists tickets whose last change has a position after {@code after}, in position order, each once, as stored
     * now. Every insert and update gives its ticket a new position; positions follow commit order, so a change that
     * commits later never gets a position below one already read.
     *
     * @param after a change cursor ({@link ChangeCursor#start()} for every ticket)
     * @param limit at most this many, 1 to 1000
     * @return the tickets and the cursor to continue from
     */
    TicketChanges changesSince(ChangeCursor after, int limit);

    /** @return the cursor after the latest committed change: polling from it returns only later changes */
    ChangeCursor latestChange();

    /**
     * Inserts a new ticket with its audit events. With an idempotency key, inserts only if the key is
     * new; otherwise stores nothing and returns the ticket already stored under the key.
     *
     * @param ticket a ticket at version 1
     * @param events its audit events
     * @param key    an idempotency key, or {@code null}
     * @return what happened
     * @throws AlreadyStoredException when a ticket with this id or number is already stored (a caller bug: ids are
     *                                random and numbers come from {@link #nextSequence()})
     */
    InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key);

    /**
     * Records an idempotency key for a ticket that is already stored (a keyed submission linked to an existing
     * ticket as its duplicate), so that a retry of that submission finds the same ticket, even after it is resolved.
     * Inside a unit of work a taken key leaves the unit usable.
     *
     * @param key    the key
     * @param ticket the stored ticket it stands for
     * @return empty when the key was recorded; the ticket already stored under it when it was taken (then nothing
     *         was written)
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException when no such ticket is stored
     */
    Optional<Ticket> recordIdempotencyKey(IdempotencyKey key, TicketId ticket);

    /**
     * Writes a changed ticket with its new messages and audit events, if the stored version still
     * equals {@code ticket.version()}. The ticket's attachments are fixed at insert (they are the files
     * submitted with it); stores need not write them again.
     *
     * @param ticket      the changed ticket, carrying the version it was read at
     * @param newMessages messages to append
     * @param events      audit events to append
     * @return the stored ticket, at version {@code ticket.version() + 1}
     * @throws za.co.proconnectsa.support.ConcurrentUpdateException when the stored version differs
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException when no such ticket is stored
     */
    Ticket update(Ticket ticket, List<Message> newMessages, List<AuditEvent> events);

    /**
     * @param id a ticket id
     * @return the ticket, if stored
     */
    Optional<Ticket> findById(TicketId id);

    /**
     * Several tickets by id, for a page that shows them together. The default reads them one by one with
     * {@link #findById}; a store that can read them in one query should.
     *
     * @param ids ticket ids, at most 1000; an id given twice counts once
     * @return the stored tickets among them, in the order of {@code ids}; ids of no stored ticket are left out
     */
    default List<Ticket> findByIds(Collection<TicketId> ids) {
        List<Ticket> found = new ArrayList<>();
        for (TicketId id : new LinkedHashSet<>(ids)) {
            findById(id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * @param number a ticket number's text, e.g. {@code PCS-000042}
     * @return the ticket, if stored
     */
    Optional<Ticket> findByNumber(String number);

    /**
     * @param key an idempotency key
     * @return the ticket inserted under it, if any
     */
    Optional<Ticket> findByIdempotencyKey(IdempotencyKey key);

    /**
     * @param id a ticket id
     * @return its messages, oldest first (in insertion order for equal instants)
     */
    List<Message> messages(TicketId id);

    /**
     * @param id a ticket id
     * @return its audit events, oldest first (in insertion order for equal instants)
     */
    List<AuditEvent> auditTrail(TicketId id);

    /**
     * Lists tickets matching the query, ordered by number sequence in the query's order, starting
     * after the query's cursor, at most {@code query.limit()} of them; the page's next cursor is set
     * when more may follow.
     *
     * @param query filters, order, page size, cursor
     * @return one page
     */
    Page<Ticket> query(TicketQuery query);

    /**
     * Finds the most recent active (not resolved or closed) ticket of a requester with this
     * fingerprint created at or after {@code since}.
     *
     * @param requesterId the requester
     * @param fingerprint {@link Ticket#fingerprint()}
     * @param since       the start of the duplicate window
     * @return the ticket, if any
     */
    Optional<Ticket> findActiveDuplicate(String requesterId, String fingerprint, Instant since);
}
