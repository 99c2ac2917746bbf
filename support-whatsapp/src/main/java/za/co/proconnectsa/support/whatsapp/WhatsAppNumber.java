package za.co.proconnectsa.support.whatsapp;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.whatsapp.internal.PhoneNumbers;

/**
 * A valid phone number, normalised with libphonenumber, as a WhatsApp chat wants it. Immutable; two numbers
 * are equal when their E.164 digits are.
 *
 * <p>How a number is read:
 * <ul>
 *   <li>Digits, spaces and {@code + ( ) - .} are allowed; letters (vanity numbers, "call me on ...") and any
 *       other character are refused as {@code NOT_A_NUMBER}; an extension ({@code ext. 5}, {@code #5}) as
 *       {@code HAS_EXTENSION}.</li>
 *   <li>{@code +27 67 951 8124}, {@code +27 (0)67 951 8124} and {@code +27 067 951 8124} are international:
 *       the trunk zero, with or without brackets, is dropped.</li>
 *   <li>A leading {@code 00} ({@code 0027 67 951 8124}) is always taken as the international prefix, with or
 *       without a default region. Other international prefixes ({@code 011} from the US) are understood only
 *       with the default region they belong to.</li>
 *   <li>Anything else is national ({@code 067 951 8124}) and needs a default region ({@code NEEDS_REGION}
 *       otherwise).</li>
 *   <li>Digits that start with the default region's own country code but have no '+'
 *       ({@code 27679518124} with region {@code ZA}, as wa.me writes them) are accepted when what follows is a
 *       valid national number: libphonenumber's rule, documented here because it is surprising. A foreign
 *       number's digits without '+' ({@code 447400123456} with region {@code ZA}) are refused: write the '+'.
 *       Without a default region, bare digits are refused as {@code NEEDS_REGION}.</li>
 *   <li>The result must be a valid number of its country ({@code TOO_SHORT}, {@code TOO_LONG},
 *       {@code INVALID_FOR_REGION} or {@code UNKNOWN_COUNTRY_CODE} otherwise). Any valid number is accepted,
 *       mobile or fixed line: WhatsApp Business runs on fixed-line numbers too.</li>
 * </ul>
 *
 * <p>{@link #toString()} masks the number, so a {@code WhatsAppNumber} can be logged.
 */
public final class WhatsAppNumber {

    private final String digits;
    private final String international;
    private final String national;
    private final String region;
    private final int countryCode;

    private WhatsAppNumber(PhoneNumber number) {
        this.digits = PhoneNumbers.digits(number);
        this.international = PhoneNumbers.international(number);
        this.national = PhoneNumbers.national(number);
        this.region = PhoneNumbers.region(number);
        this.countryCode = number.getCountryCode();
    }

    /**
     * Reads a number written in international form ({@code +27 67 951 8124} or {@code 0027 67 951 8124}).
     *
     * @param internationalNumber the number
     * @return the number
     * @throws InvalidPhoneNumberException when it is refused; {@code NEEDS_REGION} when it is national
     */
    public static WhatsAppNumber parse(String internationalNumber) {
        return parse(internationalNumber, null);
    }

    /**
     * Reads a number in any form, national ones in the default region.
     *
     * @param number        the number as a person wrote it
     * @param defaultRegion the ISO 3166 region code ({@code "ZA"}, case-insensitive) to read national numbers in,
     *                      or null to accept only international ones
     * @return the number
     * @throws InvalidPhoneNumberException when it is refused, with {@link InvalidPhoneNumberException#reason()}
     */
    public static WhatsAppNumber parse(String number, String defaultRegion) {
        return new WhatsAppNumber(PhoneNumbers.parse(number, defaultRegion));
    }

    /**
     * Tells whether a number would be accepted, without an exception.
     *
     * @param number        the number as written
     * @param defaultRegion the default region, or null
     * @return whether {@link #parse(String, String)} accepts it
     */
    public static boolean isValid(String number, String defaultRegion) {
        try {
            parse(number, defaultRegion);
            return true;
        } catch (InvalidPhoneNumberException e) {
            return false;
        }
    }

    /** @return the E.164 digits without '+', as links want them, e.g. {@code 27679518124} */
    public String digits() {
        return digits;
    }

    /** @return the E.164 form, e.g. {@code +27679518124} */
    public String e164() {
        return "+" + digits;
    }

    /** @return the international format people read, e.g. {@code +27 67 951 8124} */
    public String international() {
        return international;
    }

    /** @return the national format of the number's own country, e.g. {@code 067 951 8124} */
    public String national() {
        return national;
    }

    /** @return the country calling code, e.g. {@code 27} */
    public int countryCode() {
        return countryCode;
    }

    /**
     * @return the ISO 3166 region of the number, e.g. {@code ZA}; {@code 001} for a non-geographic number
     *         such as {@code +800}
     */
    public String regionCode() {
        return region;
    }

    /** @return the number masked for logs, e.g. {@code +27 67 *** **24} */
    public String masked() {
        return PhoneMasking.mask(digits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WhatsAppNumber && ((WhatsAppNumber) o).digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** @return the masked number, never the full one */
    @Override
    public String toString() {
        return "WhatsAppNumber[" + masked() + "]";
    }
}
