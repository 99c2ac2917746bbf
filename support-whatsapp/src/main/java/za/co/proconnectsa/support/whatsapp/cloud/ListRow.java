package za.co.proconnectsa.support.whatsapp.cloud;

import java.util.Optional;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Problems;

/**
 * One option of an interactive list message. When the customer picks it, the webhook reports its
 * {@code id}.
 *
 * <p>Meta's limits: id 1 to {@value #MAX_ID} characters, title 1 to {@value #MAX_TITLE}, description (optional)
 * 1 to {@value #MAX_DESCRIPTION}. Row ids must be unique within a message (checked by {@link ListMessage}).
 *
 * @param id          what the webhook reports when the row is picked
 * @param title       the row's label
 * @param description a line under the label, or null for none
 */
public record ListRow(String id, String title, String description) {

    /** The longest row id. */
    public static final int MAX_ID = 200;
    /** The longest row title. */
    public static final int MAX_TITLE = 24;
    /** The longest row description. */
    public static final int MAX_DESCRIPTION = 72;

    /**
     * Creates a row.
     *
     * @param id          the id, 1 to {@value #MAX_ID} characters
     * @param title       the label, 1 to {@value #MAX_TITLE} characters
     * @param description null, or 1 to {@value #MAX_DESCRIPTION} characters
     * @throws za.co.proconnectsa.support.InvalidInputException listing every refused field
     */
    public ListRow {
        Problems p = new Problems();
        p.requireText("id", id, MAX_ID);
        p.requireText("title", title, MAX_TITLE);
        p.optionalText("description", description, MAX_DESCRIPTION);
        p.throwIfAny();
    }

    /**
     * @param id    the id
     * @param title the label
     * @return a row without a description
     */
    public static ListRow of(String id, String title) {
        return new ListRow(id, title, null);
    }

    /**
     * @param id          the id
     * @param title       the label
     * @param description the line under the label
     * @return a row with a description
     */
    public static ListRow of(String id, String title, String description) {
        return new ListRow(id, title, description);
    }

    /** @return the description, if the row has one */
    public Optional<String> descriptionText() {
        return Optional.ofNullable(description);
    }
}
