package za.co.proconnectsa.support.whatsapp.cloud.internal;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.PhoneMasking;

/** The {@code to} of a message: a WhatsApp id, i.e. the phone number in international form, digits only. */
public final class Recipients {

    private Recipients() {
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
