package za.co.proconnectsa.support.internal;

/** Phone numbers in logs: enough to tell two apart, not enough to call one. */
public final class PhoneMasking {

    private PhoneMasking() {
    }

    /**
     * Keeps the first four digits and the last two:
     * {@code 27679518124} and {@code +27 67 951 8124} become {@code +27 67 *** **24}.
     *
     * @param number a phone number in any form, or null
     * @return the masked number; "***" when there are too few digits to show any safely
     */
    public static String mask(String number) {
        if (number == null) {
            return "***";
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return "***";
        }
        // a fixed shape, not the real country code: the point is to hide the number, not to format it
        return "+" + digits.substring(0, 2) + " " + digits.substring(2, 4) + " *** **" + digits.substring(digits.length() - 2);
    }

    /**
     * Masks an id when it looks like a phone number (a WhatsApp requester's id is one), and leaves other ids as
     * they are.
     *
     * @param id an identifier, or null
     * @return the id, masked with {@link #mask(String)} when it holds 8 digits or more and only phone characters
     */
    public static String maskIfPhone(String id) {
        if (id == null || !id.matches("\\+?[0-9 ()-]+") || id.replaceAll("[^0-9]", "").length() < 8) {
            return id;
        }
        return mask(id);
    }
}
