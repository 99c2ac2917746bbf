package za.co.proconnectsa.support.whatsapp.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import za.co.proconnectsa.support.whatsapp.InvalidPhoneNumberException;
import za.co.proconnectsa.support.whatsapp.InvalidPhoneNumberException.Reason;

/**
 * Reads a phone number as people write it, with libphonenumber, and refuses what a WhatsApp chat cannot use.
 * The rules (documented on {@code WhatsAppNumber}) in order:
 * <ol>
 *   <li>a default region, if given, must be a region libphonenumber knows ({@code UNKNOWN_REGION});</li>
 *   <li>only digits, spaces and {@code + ( ) - .} (and dash look-alikes) may appear; an extension
 *       ({@code ext. 5}, {@code #5}) is {@code HAS_EXTENSION}, anything else {@code NOT_A_NUMBER};</li>
 *   <li>a leading {@code 00} is always the international prefix, as if it were '+';</li>
 *   <li>without '+' or {@code 00}, a default region is needed ({@code NEEDS_REGION});</li>
 *   <li>libphonenumber parses it (trunk zero and {@code (0)} dropped) and it must be a valid number.</li>
 * </ol>
 */
public final class PhoneNumbers {

    /** More characters than any phone number, however formatted, needs. */
    public static final int MAX_INPUT_LENGTH = 64;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String PUNCTUATION = "+\uFF0B()-\u2010\u2011\u2012\u2013\u2014\u2212.";

    private PhoneNumbers() {
    }

    /**
     * @param number        the number as written
     * @param defaultRegion the ISO 3166 region to read national numbers in, case-insensitive, or null
     * @return the parsed, valid number without extension
     * @throws InvalidPhoneNumberException when it is refused, with the reason
     */
    public static PhoneNumber parse(String number, String defaultRegion) {
        String region = normaliseRegion(number, defaultRegion);
        if (number == null || number.isBlank()) {
            throw new InvalidPhoneNumberException(Reason.NOT_A_NUMBER, number, defaultRegion);
        }
        String text = number.strip();
        boolean plain = true;
        boolean anyDigit = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                anyDigit = true;
            } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && PUNCTUATION.indexOf(cp) < 0) {
                plain = false;
            }
        }
        if (!anyDigit) {
            throw new InvalidPhoneNumberException(Reason.NOT_A_NUMBER, number, defaultRegion);
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new InvalidPhoneNumberException(plain ? Reason.TOO_LONG : Reason.NOT_A_NUMBER, number, defaultRegion);
        }
        String input = replaceDoubleZero(text);
        boolean international = startsWithPlus(input);
        if (!plain) {
            Reason reason = hasExtension(input, region) ? Reason.HAS_EXTENSION : Reason.NOT_A_NUMBER;
            throw new InvalidPhoneNumberException(reason, number, defaultRegion);
        }
        if (!international && region == null) {
            throw new InvalidPhoneNumberException(Reason.NEEDS_REGION, number, defaultRegion);
        }
        PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(reasonFor(e.getErrorType(), international, region), number,
                    defaultRegion);
        } catch (RuntimeException e) {
            throw new InvalidPhoneNumberException(Reason.NOT_A_NUMBER, number, defaultRegion);
        }
        if (parsed.hasExtension() && !parsed.getExtension().isEmpty()) {
            throw new InvalidPhoneNumberException(Reason.HAS_EXTENSION, number, defaultRegion);
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException(reasonFor(UTIL.isPossibleNumberWithReason(parsed)), number,
                    defaultRegion);
        }
        return parsed;
    }

    /**
     * @param number a parsed number
     * @return the number in E.164 without '+', e.g. {@code 27679518124}
     */
    public static String digits(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1);
    }

    /**
     * @param number a parsed number
     * @return the number in international format, e.g. {@code +27 67 951 8124}
     */
    public static String international(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    /**
     * @param number a parsed number
     * @return the number in its country's national format, e.g. {@code 067 951 8124}
     */
    public static String national(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    }

    /**
     * @param number a parsed number
     * @return the ISO 3166 region of the number, or {@code 001} for a non-geographic number
     */
    public static String region(PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(number);
        return region == null ? "ZZ" : region;
    }

    /**
     * @param defaultRegion a region code as given, or null
     * @return whether libphonenumber knows it (case-insensitive); null is not a region
     */
    public static boolean isKnownRegion(String defaultRegion) {
        return defaultRegion != null
                && UTIL.getSupportedRegions().contains(defaultRegion.strip().toUpperCase(Locale.ROOT));
    }

    private static String normaliseRegion(String number, String defaultRegion) {
        if (defaultRegion == null) {
            return null;
        }
        if (!isKnownRegion(defaultRegion)) {
            throw new InvalidPhoneNumberException(Reason.UNKNOWN_REGION, number, defaultRegion);
        }
        return defaultRegion.strip().toUpperCase(Locale.ROOT);
    }

    /** "00 27 67..." and "(00) 27..." become "+27 67...": 00 is the international prefix in most of the world. */
    private static String replaceDoubleZero(String text) {
        int i = 0;
        while (i < text.length() && !Character.isDigit(text.charAt(i)) && !isPlus(text.charAt(i))) {
            i++;
        }
        if (i + 1 < text.length() && Character.digit(text.charAt(i), 10) == 0
                && Character.digit(text.charAt(i + 1), 10) == 0) {
            return "+" + text.substring(i + 2);
        }
        return text;
    }

    private static boolean startsWithPlus(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPlus(c)) {
                return true;
            }
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isPlus(char c) {
        return c == '+' || c == '\uFF0B';
    }

    private static boolean hasExtension(String input, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(input, region == null ? "ZZ" : region);
            return parsed.hasExtension() && !parsed.getExtension().isEmpty()
                    && UTIL.isValidNumber(parsed);
        } catch (NumberParseException | RuntimeException e) {
            return false;
        }
    }

    private static Reason reasonFor(NumberParseException.ErrorType type, boolean international, String region) {
        switch (type) {
            case INVALID_COUNTRY_CODE:
                return international || region != null ? Reason.UNKNOWN_COUNTRY_CODE : Reason.NEEDS_REGION;
            case TOO_SHORT_AFTER_IDD:
            case TOO_SHORT_NSN:
                return Reason.TOO_SHORT;
            case TOO_LONG:
                return Reason.TOO_LONG;
            case NOT_A_NUMBER:
            default:
                return Reason.NOT_A_NUMBER;
        }
    }

    private static Reason reasonFor(PhoneNumberUtil.ValidationResult possible) {
        switch (possible) {
            case TOO_SHORT:
                return Reason.TOO_SHORT;
            case TOO_LONG:
                return Reason.TOO_LONG;
            case INVALID_COUNTRY_CODE:
                return Reason.UNKNOWN_COUNTRY_CODE;
            case INVALID_LENGTH:
            case IS_POSSIBLE:
            case IS_POSSIBLE_LOCAL_ONLY:
            default:
                return Reason.INVALID_FOR_REGION;
        }
    }
}
