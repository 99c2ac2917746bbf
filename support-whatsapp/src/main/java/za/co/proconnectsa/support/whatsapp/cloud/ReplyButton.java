package za.co.proconnectsa.support.whatsapp.cloud;

import za.co.proconnectsa.support.whatsapp.cloud.internal.Problems;

/**
 * One reply button of an interactive buttons message. When the customer taps it, the webhook reports
 * its {@code id}.
 *
 * <p>Meta's limits: the title is 1 to {@value #MAX_TITLE} characters, the id 1 to {@value #MAX_ID} characters
 * without leading or trailing spaces. Titles and ids must be unique within a message (checked by
 * {@link WhatsAppCloudClient#sendButtons}).
 *
 * @param id    what the webhook reports when the button is tapped
 * @param title the label the customer sees
 */
public record ReplyButton(String id, String title) {

    /** The longest button title. */
    public static final int MAX_TITLE = 20;
    /** The longest button id. */
    public static final int MAX_ID = 256;

    /**
     * Creates a button.
     *
     * @param id    the id, 1 to {@value #MAX_ID} characters, no leading or trailing spaces
     * @param title the label, 1 to {@value #MAX_TITLE} characters
     * @throws za.co.proconnectsa.support.InvalidInputException listing every refused field
     */
    public ReplyButton {
        Problems p = new Problems();
        if (p.requireText("id", id, MAX_ID)) {
            p.check(id.strip().equals(id), "id", "must not start or end with spaces");
        }
        p.requireText("title", title, MAX_TITLE);
        p.throwIfAny();
    }

    /**
     * @param id    the id
     * @param title the label
     * @return the button
     */
    public static ReplyButton of(String id, String title) {
        return new ReplyButton(id, title);
    }
}
