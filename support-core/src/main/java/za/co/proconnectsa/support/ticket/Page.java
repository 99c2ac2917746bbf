package za.co.proconnectsa.support.ticket;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paged list.
 *
 * @param items      the items, in the query's order
 * @param nextCursor where the next page starts, or {@code null} on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Cursor nextCursor) {

    /**
     * Copies the item list.
     *
     * @param items the items, in the query's order
     * @param nextCursor where the next page starts, or {@code null} on the last page
     */
    public Page {
        items = List.copyOf(items);
    }

    /** @return the cursor of the next page, empty on the last page */
    public Optional<Cursor> next() {
        return Optional.ofNullable(nextCursor);
    }

    /** @return whether there is a next page */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
