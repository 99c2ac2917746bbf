package za.co.proconnectsa.support.whatsapp.cloud;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Problems;

/**
 * A group of rows in an interactive list message. Meta's limits: the title is at most
 * {@value #MAX_TITLE} characters and required when the message has more than one section (checked by
 * {@link ListMessage}); a message has at most {@value ListMessage#MAX_ROWS} rows in all.
 *
 * @param title the section's heading, or null for none
 * @param rows  the rows, 1 to {@value ListMessage#MAX_ROWS}
 */
public record ListSection(String title, List<ListRow> rows) {

    /** The longest section title. */
    public static final int MAX_TITLE = 24;

    /**
     * Creates a section.
     *
     * @param title null, or 1 to {@value #MAX_TITLE} characters
     * @param rows  1 to {@value ListMessage#MAX_ROWS} rows, none null
     * @throws za.co.proconnectsa.support.InvalidInputException listing every refused field
     */
    public ListSection {
        Problems p = new Problems();
        p.optionalText("title", title, MAX_TITLE);
        if (p.check(rows != null && !rows.isEmpty(), "rows", "must contain at least one row")) {
            p.check(rows.stream().allMatch(Objects::nonNull), "rows", "must not contain null");
            p.check(rows.size() <= ListMessage.MAX_ROWS, "rows",
                    "must contain at most " + ListMessage.MAX_ROWS + " rows, was " + rows.size());
        }
        p.throwIfAny();
        rows = List.copyOf(rows);
    }

    /**
     * @param title the heading
     * @param rows  the rows
     * @return a titled section
     */
    public static ListSection titled(String title, ListRow... rows) {
        return new ListSection(title, rows == null ? null : Arrays.asList(rows));
    }

    /**
     * @param rows the rows
     * @return a section without a heading (allowed only when it is the message's only section)
     */
    public static ListSection untitled(ListRow... rows) {
        return new ListSection(null, rows == null ? null : Arrays.asList(rows));
    }

    /** @return the heading, if the section has one */
    public Optional<String> titleText() {
        return Optional.ofNullable(title);
    }
}
