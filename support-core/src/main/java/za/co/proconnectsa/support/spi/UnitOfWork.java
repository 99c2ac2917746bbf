package za.co.proconnectsa.support.spi;

import java.util.function.Supplier;

/**
 * One transaction around several store calls: everything the work writes through this store on the calling thread
 * (tickets, messages, audit events, conversations, outbox entries, processed marks) commits together or not at all.
 * The in-memory and JDBC stores implement it; a host's store proves it with {@code UnitOfWorkContract} from
 * {@code support-testing}.
 *
 * <pre>{@code
 * SubmissionReceipt receipt = store.inTransaction(() -> {
 *     Ticket ticket = ...;                       // reads see the unit's own writes
 *     store.update(ticket, List.of(reply), audit);
 *     store.firstSeen(messageId, now);           // the "done" mark commits with the work it marks
 *     return receipt;
 * });
 * }</pre>
 *
 * <p>Rules every store keeps:
 * <ul>
 *   <li>A unit started while another runs on the same thread joins it: only the outermost one commits.</li>
 *   <li>When the work throws, nothing it wrote is kept and the exception reaches the caller unchanged; a unit
 *       cannot go on after a store call in it failed, so let the exception leave the work.</li>
 *   <li>Other threads never see a unit's writes before it commits.</li>
 *   <li>A failure to commit is thrown as {@link za.co.proconnectsa.support.StoreUnavailableException}: the unit may
 *       or may not have committed, so work run in units is written to be repeated (idempotency keys, message
 *       ids, versions).</li>
 * </ul>
 */
public interface UnitOfWork {

    /**
     * Runs work in one transaction, or in the one already running on this thread.
     *
     * @param work the work; its store calls on this thread join the transaction
     * @param <T>  its result type
     * @return the work's result, after the commit
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the transaction cannot begin or commit
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs work that returns nothing in one transaction, like {@link #inTransaction(Supplier)}.
     *
     * @param work the work
     */
    default void useTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs an action once the current unit of work has committed, or at once when none runs on this thread. It
     * never runs when the unit rolls back. For in-process notifications only: anything that must survive a crash
     * goes into the outbox inside the unit instead.
     *
     * @param action the action; a failure in it is the action's own and does not undo the commit
     */
    void afterCommit(Runnable action);
}
