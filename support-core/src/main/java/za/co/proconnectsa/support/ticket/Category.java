package za.co.proconnectsa.support.ticket;

import java.util.Locale;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * What a ticket is about. An open set: the four built-in categories plus any the host registers on
 * its {@link za.co.proconnectsa.support.SupportDesk.Builder#category(Category) desk}. A submission
 * with a category the desk does not know is refused.
 *
 * @param code upper-case letters, digits and underscores, starting with a letter, at most 40
 */
public record Category(String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** Invoices, payments, refunds. */
    public static final Category BILLING = new Category("BILLING");
    /** Errors, bugs, something not working. */
    public static final Category TECHNICAL = new Category("TECHNICAL");
    /** Login, profile, permissions. */
    public static final Category ACCOUNT = new Category("ACCOUNT");
    /** Anything else. */
    public static final Category GENERAL = new Category("GENERAL");

    /**
     * @param code the category code
     * @throws InvalidInputException when the code is not of the allowed form
     */
    public Category {
        if (code == null || !CODE.matcher(code).matches()) {
            throw InvalidInputException.of("category",
                    "must be upper-case letters, digits or '_' starting with a letter (at most 40), was " + code);
        }
    }

    /**
     * Makes a category from a code in any case, e.g. {@code "billing"}.
     *
     * @param code the code
     * @return the category
     * @throws InvalidInputException when the code is not of the allowed form
     */
    public static Category of(String code) {
        return new Category(code == null ? null : code.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}
