package za.co.proconnectsa.support.routing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;

/**
 * A support number written in international form ({@code +27 67 951 8124}) and its
 * {@code https://wa.me/} links. It only strips spaces and dashes; for national numbers
 * ({@code 067 951 8124}), reference codes and QR codes use {@code support-whatsapp}.
 */
public final class WhatsAppContact implements WhatsAppLinkFactory {

    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9 ()-]{6,20}");

    private final String display;
    private final String digits;

    private WhatsAppContact(String display, String digits) {
        this.display = display;
        this.digits = digits;
    }

    /**
     * @param internationalNumber a number starting with '+' and the country code, spaces and dashes allowed
     * @return the contact
     * @throws InvalidInputException when the number is not in international form or has not 8 to 15 digits
     */
    public static WhatsAppContact of(String internationalNumber) {
        String text = internationalNumber == null ? "" : internationalNumber.strip().replaceAll("\\s+", " ");
        if (!INTERNATIONAL.matcher(text).matches()) {
            throw InvalidInputException.of("whatsAppNumber",
                    "must be in international form such as +27 67 951 8124, was \"" + internationalNumber + "\"");
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < 8 || digits.length() > 15) {
            throw InvalidInputException.of("whatsAppNumber", "must have 8 to 15 digits, has " + digits.length());
        }
        return new WhatsAppContact(text, digits);
    }

    @Override
    public String displayNumber() {
        return display;
    }

    /** @return the number's digits without '+', as wa.me wants them */
    public String digits() {
        return digits;
    }

    @Override
    public URI chatLink(String prefilledText) {
        String base = "https://wa.me/" + digits;
        if (prefilledText == null || prefilledText.isEmpty()) {
            return URI.create(base);
        }
        return URI.create(base + "?text=" + percentEncode(prefilledText));
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes; a space is %20, never '+'. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "WhatsAppContact[" + display + "]";
    }
}
