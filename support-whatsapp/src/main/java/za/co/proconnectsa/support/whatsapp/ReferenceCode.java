package za.co.proconnectsa.support.whatsapp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketNumber;

/**
 * A short code, such as a ticket number ({@code PCS-000042}) or a generated page code ({@code REF-7K3Q9}),
 * carried in a chat's prefilled text so the inbound message can be joined to what the chat was started from.
 *
 * <p>A code is a prefix of 1 to 10 letters or digits starting with a letter, a dash, and 1 to 20 letters or
 * digits; it is kept in upper case. {@link #embed(String, ReferenceCode)} appends it to a text as
 * {@code " [ref: PCS-000042]"}; {@link #find(String)} finds it again in the message the user actually sent.
 *
 * <p>What {@code find} recognises (letters in any case, spaces and tabs around the parts):
 * <ul>
 *   <li>the embedded marker {@code [ref: PCS-000042]}, also with text typed before or after it;</li>
 *   <li>the word {@code ref} or {@code reference} (as a whole word) followed by an optional {@code : # = . -}
 *       and the code, with or without brackets: {@code ref PCS-000042}, {@code Ref:pcs-000042},
 *       {@code reference #PCS-000042}, {@code [ref: PCS-000042} (closing bracket deleted);</li>
 *   <li>a code alone in square brackets: {@code [PCS-000042]}.</li>
 * </ul>
 * A code without the word {@code ref} and without brackets is never taken ({@code COVID-19}, {@code 067-951-8124},
 * "refund - 200" do not match), and the code itself must be whole: the dash is not optional and no spaces may
 * appear inside it. When a message holds several codes, an exact embedded marker wins over the looser forms,
 * and among equals the last one wins, because {@code embed} appends at the end.
 *
 * @param value the code, upper case, e.g. {@code PCS-000042}
 */
public record ReferenceCode(String value) {

    /** The characters of generated codes: digits and upper-case letters without 0, 1, I, L and O. */
    public static final String GENERATED_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** The prefix of generated codes. */
    public static final String GENERATED_PREFIX = "REF";
    /** The number of random characters in a generated code. */
    public static final int GENERATED_LENGTH = 5;

    private static final String CODE_TEXT = "[A-Za-z][A-Za-z0-9]{0,9}-[A-Za-z0-9]{1,20}";
    private static final Pattern CODE = Pattern.compile(CODE_TEXT);
    private static final String H = "[\\t\\p{Zs}]";
    private static final Pattern ANY_FORM = Pattern.compile(
            // exactly what embed writes, modulo case and spacing
            "(?:\\[" + H + "*(?i:ref)" + H + "*:" + H + "*(?<embedded>" + CODE_TEXT + ")(?![A-Za-z0-9])" + H + "*\\])"
            // the word ref or reference, then the code
            + "|(?:(?:\\[" + H + "*)?(?<![A-Za-z0-9])(?i:ref(?:erence)?)(?![A-Za-z0-9])" + H + "*[:#=.\\-]?" + H
            + "*(?:\\[" + H + "*)?(?<keyword>" + CODE_TEXT + ")(?![A-Za-z0-9])(?:" + H + "*\\])?)"
            // a code alone in brackets
            + "|(?:\\[" + H + "*(?<bracketed>" + CODE_TEXT + ")" + H + "*\\])");
    private static final Pattern LEADING_SPACE_AND_ANY_FORM = Pattern.compile(H + "*(?:" + ANY_FORM.pattern() + ")");
    private static final RandomGenerator SECURE = new SecureRandom();

    /**
     * @param value the code in any case, surrounding spaces ignored
     * @throws InvalidInputException when it is not a prefix, a dash and a body as described above
     */
    public ReferenceCode {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("reference", "must not be blank");
        }
        String stripped = value.strip();
        if (!CODE.matcher(stripped).matches()) {
            throw InvalidInputException.of("reference", "must be 1 to 10 letters or digits starting with a letter, "
                    + "a dash and 1 to 20 letters or digits, such as PCS-000042");
        }
        value = stripped.toUpperCase(Locale.ROOT);
    }

    /**
     * @param value the code in any case, e.g. {@code pcs-000042}
     * @return the code, upper case
     * @throws InvalidInputException when it is not a valid code
     */
    public static ReferenceCode of(String value) {
        return new ReferenceCode(value);
    }

    /**
     * @param ticketNumber a ticket number such as {@code PCS-000042}
     * @return the code for it
     * @throws InvalidInputException when it is null or its text is not a valid code
     */
    public static ReferenceCode of(TicketNumber ticketNumber) {
        if (ticketNumber == null) {
            throw InvalidInputException.of("reference", "must not be null");
        }
        return new ReferenceCode(ticketNumber.text());
    }

    /**
     * Generates a short code such as {@code REF-7K3Q9} with a secure random source. There are 31^5 (about
     * 28 million) codes; a host that keeps them should check a new one is not in use.
     *
     * @return a new code without ambiguous characters (no 0/O, 1/I/L)
     */
    public static ReferenceCode generate() {
        return generate(SECURE);
    }

    /**
     * Generates a short code with the given random source, for repeatable tests.
     *
     * @param random the random source
     * @return a new code, {@value #GENERATED_PREFIX}- and {@value #GENERATED_LENGTH} characters of
     *         {@link #GENERATED_ALPHABET}
     */
    public static ReferenceCode generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        StringBuilder code = new StringBuilder(GENERATED_PREFIX).append('-');
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            code.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return new ReferenceCode(code.toString());
    }

    /** @return the marker that {@link #embed(String, ReferenceCode)} writes, e.g. {@code [ref: PCS-000042]} */
    public String marker() {
        return "[ref: " + value + "]";
    }

    /**
     * Appends the code's marker to a text: {@code "Hi"} becomes {@code "Hi [ref: PCS-000042]"}. Trailing
     * whitespace of the text is dropped first; an empty or null text becomes the marker alone. A text that
     * already carries this code (in any form {@link #find} knows) is returned unchanged.
     *
     * @param text the text, possibly null or empty
     * @param code the code to embed
     * @return the text with the code
     * @throws InvalidInputException when the code is null
     */
    public static String embed(String text, ReferenceCode code) {
        if (code == null) {
            throw InvalidInputException.of("reference", "must not be null");
        }
        if (text != null && findAll(text).contains(code)) {
            return text;
        }
        String body = text == null ? "" : text.stripTrailing();
        return body.isEmpty() ? code.marker() : body + " " + code.marker();
    }

    /**
     * Finds the reference code in an inbound message; see the type's description for the forms recognised.
     *
     * @param inboundText the message as received, possibly null
     * @return the code, or empty when the message carries none
     */
    public static Optional<ReferenceCode> find(String inboundText) {
        if (inboundText == null || inboundText.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        boolean bestIsEmbedded = false;
        Matcher m = ANY_FORM.matcher(inboundText);
        while (m.find()) {
            String embedded = m.group("embedded");
            if (embedded != null) {
                best = embedded;
                bestIsEmbedded = true;
            } else if (!bestIsEmbedded) {
                best = m.group("keyword") != null ? m.group("keyword") : m.group("bracketed");
            }
        }
        return Optional.ofNullable(best).map(ReferenceCode::new);
    }

    /**
     * @param inboundText a message, possibly null
     * @return every distinct code in it, in order of first appearance
     */
    public static List<ReferenceCode> findAll(String inboundText) {
        if (inboundText == null || inboundText.isEmpty()) {
            return List.of();
        }
        Set<ReferenceCode> codes = new LinkedHashSet<>();
        Matcher m = ANY_FORM.matcher(inboundText);
        while (m.find()) {
            String code = m.group("embedded") != null ? m.group("embedded")
                    : m.group("keyword") != null ? m.group("keyword") : m.group("bracketed");
            codes.add(new ReferenceCode(code));
        }
        return List.copyOf(new ArrayList<>(codes));
    }

    /**
     * Removes every reference (in any form {@link #find} knows, with the spaces before it) from a message, so
     * the ticket shows what the user wrote: {@code "Hi [ref: PCS-000042]"} becomes {@code "Hi"}.
     *
     * @param inboundText a message, possibly null
     * @return the message without references, stripped; empty for null
     */
    public static String remove(String inboundText) {
        if (inboundText == null) {
            return "";
        }
        return LEADING_SPACE_AND_ANY_FORM.matcher(inboundText).replaceAll("").strip();
    }

    @Override
    public String toString() {
        return value;
    }
}
