package za.co.proconnectsa.support.spi;

import za.co.proconnectsa.support.SupportException;

/**
 * A store was asked to insert a record whose identity (a ticket id or number, a conversation, a message id) is
 * already stored. A caller bug, not a reason to retry: ids are random and numbers come from the store's sequence.
 * Nothing of the write was kept.
 */
public class AlreadyStoredException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** @param what what was already stored, e.g. {@code "ticket PCS-000042"} */
    public AlreadyStoredException(String what) {
        super(what + " is already stored");
    }

    /**
     * @param what  what was already stored
     * @param cause the store's own report of it
     */
    public AlreadyStoredException(String what, Throwable cause) {
        super(what + " is already stored", cause);
    }
}
