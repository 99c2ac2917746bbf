package za.co.proconnectsa.support.whatsapp.cloud.internal;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.PhoneMasking;

/**
 * Who a message goes to: a WhatsApp id (the phone number in international form, digits only), sent as {@code to}, or a
 * business-scoped user id ({@code US.13491208655302741918}, a parent {@code US.ENT.…}), sent as {@code recipient}, as
 * Meta's business-scoped user ids page documents for users known only by their username.
 */
public final class Recipients {

    /** A business-scoped user id: ISO 3166 alpha-2 country, a dot, optionally ENT and a dot, 1 to 128 alphanumerics. */
    private static final java.util.regex.Pattern BSUID = java.util.regex.Pattern.compile(
            "[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");

    private Recipients() {
    }

    /**
     * @param value a contact id
     * @return whether it is a business-scoped user id (sent as {@code recipient}) rather than a phone number
     */
    public static boolean isUserId(String value) {
        return value != null && BSUID.matcher(value).matches();
    }

    /**
     * Accepts a phone number as {@link #waId} does, or a business-scoped user id as it is.
     *
     * @param field the field's name, for the error
     * @param to    the recipient as given
     * @return the digits of the number, or the user id
     * @throws InvalidInputException when it is neither; the message shows it masked
     */
    public static String phoneOrUserId(String field, String to) {
        if (to != null && isUserId(to.strip())) {
            return to.strip();
        }
        return waId(field, to);
    }

    /**
     * Accepts {@code 27679518124}, {@code +27679518124} or {@code +27 67 951-8124} and returns the digits.
     *
     * @param field the field's name, for the error
     * @param to    the recipient as given
     * @return the digits, 7 to 15 of them, not starting with 0
     * @throws InvalidInputException when it is not such a number; the message shows the number masked
     */
    public static String waId(String field, String to) {
        if (to == null || to.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank");
        }
        String s = to.strip();
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        StringBuilder digits = new StringBuilder();
        boolean ok = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                ok = false;
            }
        }
        if (!ok || digits.length() < 7 || digits.length() > 15 || digits.charAt(0) == '0') {
            throw InvalidInputException.of(field, "must be a phone number in international form (country code"
                    + " first, 7 to 15 digits), was " + PhoneMasking.mask(to));
        }
        return digits.toString();
    }
}
