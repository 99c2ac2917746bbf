package za.co.proconnectsa.support.whatsapp;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.PhoneMasking;

/**
 * A phone number (or the region it was to be read in) was refused. {@link #reason()} says why, so a
 * form can say more than "invalid". It is a {@link InvalidInputException} with one field error, on
 * {@code phone} (or {@code defaultRegion} for {@link Reason#UNKNOWN_REGION}).
 *
 * <p>The message and {@link #maskedNumber()} show the number only masked
 * ({@code +27 67 *** **24}), never in full, so the exception is safe to log.
 */
public final class InvalidPhoneNumberException extends InvalidInputException {

    private static final long serialVersionUID = 1L;
    private static final Pattern PRINTABLE_REGION = Pattern.compile("[A-Za-z0-9]{1,3}");

    /** Why a number was refused. */
    public enum Reason {
        /** Written in national form (no '+' or '00') and no default region was given to read it in. */
        NEEDS_REGION("is in national form; give a default region such as \"ZA\", "
                + "or write it with '+' and the country code"),
        /** Blank, no digits, letters, or otherwise not recognisable as a phone number. */
        NOT_A_NUMBER("is not a phone number"),
        /** The default region is not an ISO 3166 region code that libphonenumber knows. */
        UNKNOWN_REGION("cannot be read: the default region is not a known ISO 3166 region code"),
        /** The digits after '+' or '00' start with no country calling code in use. */
        UNKNOWN_COUNTRY_CODE("starts with no country calling code in use"),
        /** Too few digits for its country. */
        TOO_SHORT("has too few digits for its country"),
        /** Too many digits for its country (or more than any phone number has). */
        TOO_LONG("has too many digits for its country"),
        /** The right kind of length, but not a number in its country's numbering plan. */
        INVALID_FOR_REGION("is not a valid number in its country's numbering plan"),
        /** Has an extension ({@code ext. 5}, {@code #5}), which a WhatsApp chat cannot dial. */
        HAS_EXTENSION("has an extension, which a WhatsApp chat cannot dial");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** @return what the reason means, as the end of a sentence about the number */
        public String description() {
            return description;
        }
    }

    /** Why the number was refused. */
    private final Reason reason;
    /** The number, masked. */
    private final String maskedNumber;

    /**
     * Creates the exception. The number is masked here; pass it as it was given.
     *
     * @param reason        why the number was refused
     * @param number        the number as given, possibly null; only its masked form is kept
     * @param defaultRegion the default region as given, possibly null; shown only when it looks like a region code
     */
    public InvalidPhoneNumberException(Reason reason, String number, String defaultRegion) {
        super(List.of(fieldError(reason, number, defaultRegion)));
        this.reason = reason;
        this.maskedNumber = PhoneMasking.mask(number);
    }

    /** @return why the number was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the refused number, masked ({@code +27 67 *** **24}, or {@code ***} for short input) */
    public String maskedNumber() {
        return maskedNumber;
    }

    private static FieldError fieldError(Reason reason, String number, String defaultRegion) {
        Objects.requireNonNull(reason, "reason");
        String masked = PhoneMasking.mask(number);
        if (reason == Reason.UNKNOWN_REGION) {
            String region = defaultRegion != null && PRINTABLE_REGION.matcher(defaultRegion).matches()
                    ? "\"" + defaultRegion + "\"" : "given";
            return new FieldError("defaultRegion", "the region " + region + " is not a known ISO 3166 region code, "
                    + "so the number " + masked + " cannot be read (" + reason + ")");
        }
        return new FieldError("phone", "the number " + masked + " " + reason.description() + " (" + reason + ")");
    }
}
