package za.co.proconnectsa.support.ticket;

import java.util.Locale;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * How a sequence value becomes a ticket number: a prefix, a dash and a zero-padded number
 * ({@code PCS-000042}). Numbers wider than the padding simply grow ({@code PCS-1000000}).
 *
 * @param prefix letters and digits, 1 to 10 characters, starting with a letter
 * @param width  the zero-padded width, 1 to 12
 */
public record TicketNumberFormat(String prefix, int width) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

    /** The default format, {@code PCS-000042}. */
    public static final TicketNumberFormat DEFAULT = new TicketNumberFormat("PCS", 6);

    /**
     * @param prefix the prefix
     * @param width  the zero-padded width
     * @throws InvalidInputException when the prefix or width is out of range
     */
    public TicketNumberFormat {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw InvalidInputException.of("prefix",
                    "must be 1 to 10 upper-case letters or digits starting with a letter, was " + prefix);
        }
        if (width < 1 || width > 12) {
            throw InvalidInputException.of("width", "must be between 1 and 12, was " + width);
        }
    }

    /**
     * Formats a sequence value.
     *
     * @param sequence a positive sequence value from the store
     * @return the ticket number, with ASCII digits whatever the JVM's locale
     */
    public TicketNumber format(long sequence) {
        return new TicketNumber(sequence, prefix + "-" + String.format(Locale.ROOT, "%0" + width + "d", sequence));
    }
}
