package za.co.proconnectsa.support.whatsapp;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.internal.PercentEncoding;
import za.co.proconnectsa.support.whatsapp.internal.PhoneNumbers;

/**
 * A WhatsApp chat link: a phone (optional), a prefilled text (optional), a reference code (optional) and a
 * {@link LinkStyle}. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * WhatsAppLink link = WhatsAppLink.builder()
 *         .phone("067 951 8124")
 *         .defaultRegion("ZA")
 *         .text("Hi, I need help with my invoice")
 *         .build();
 * link.uri();          // https://wa.me/27679518124?text=Hi%2C%20I%20need%20help%20with%20my%20invoice
 * link.phoneDigits();  // Optional[27679518124]
 * }</pre>
 *
 * <p>The forms of the link:
 * <ul>
 *   <li>{@link LinkStyle#WA_ME}: {@code https://wa.me/<digits>?text=...}, without a phone
 *       {@code https://wa.me/?text=...} (WhatsApp then lets the user pick a contact);</li>
 *   <li>{@link LinkStyle#API_SEND}: {@code https://api.whatsapp.com/send?phone=<digits>&text=...};</li>
 *   <li>{@link LinkStyle#APP_SCHEME}: {@code whatsapp://send?phone=<digits>&text=...}.</li>
 * </ul>
 * Without a phone, {@code phone=} is left out; with an empty text, {@code text=} is left out
 * ({@code https://wa.me/27679518124}, {@code https://api.whatsapp.com/send}).
 *
 * <p>The text is percent-encoded as UTF-8 (RFC 3986): only {@code A-Z a-z 0-9 - . _ ~} stay as they are, a
 * space is {@code %20} (never '+'), and {@code + & # % = ?}, line breaks, accents and emoji are encoded byte by
 * byte ({@code é} is {@code %C3%A9}, 😀 is {@code %F0%9F%98%80}). The text is sent exactly as given: it is not
 * trimmed or normalised. It may have at most {@value #MAX_TEXT_LENGTH} characters (Unicode code points,
 * counting the reference marker) and the whole link at most {@value #MAX_URI_LENGTH} characters; longer texts,
 * and texts with a lone surrogate (not valid Unicode), are refused with a {@link InvalidInputException} on
 * {@code text}.
 *
 * <p>{@link #toString()} masks the phone and leaves the text out, so a link can be logged; {@link #uri()}
 * itself holds the full number and must not be.
 */
public final class WhatsAppLink {

    /** The most characters (code points) the prefilled text may have, reference marker included. */
    public static final int MAX_TEXT_LENGTH = 2000;
    /** The most characters the whole link may have once encoded. */
    public static final int MAX_URI_LENGTH = 8192;

    private final WhatsAppNumber phone;
    private final String text;
    private final String textBeforeReference;
    private final ReferenceCode reference;
    private final LinkStyle style;
    private final URI uri;

    private WhatsAppLink(WhatsAppNumber phone, String text, String textBeforeReference, ReferenceCode reference,
            LinkStyle style, URI uri) {
        this.phone = phone;
        this.text = text;
        this.textBeforeReference = textBeforeReference;
        this.reference = reference;
        this.style = style;
        this.uri = uri;
    }

    /** @return a builder for a {@link LinkStyle#WA_ME} link without phone, text or reference */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder with this link's phone, text (without the reference marker that {@link #text()} adds),
     *         reference and style
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.number = phone;
        b.text = textBeforeReference;
        b.reference = reference;
        b.style = style;
        return b;
    }

    /** @return the link, e.g. {@code https://wa.me/27679518124?text=Hi%2C%20I%20need%20help} */
    public URI uri() {
        return uri;
    }

    /** @return the phone's E.164 digits without '+', e.g. {@code 27679518124}; empty when the link has no phone */
    public Optional<String> phoneDigits() {
        return phone().map(WhatsAppNumber::digits);
    }

    /** @return the phone, if the link has one */
    public Optional<WhatsAppNumber> phone() {
        return Optional.ofNullable(phone);
    }

    /** @return the prefilled text exactly as the link carries it, reference marker included; empty for none */
    public String text() {
        return text;
    }

    /** @return the reference code embedded in the text, if one was set */
    public Optional<ReferenceCode> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the link's style */
    public LinkStyle style() {
        return style;
    }

    /**
     * @return a QR code of {@link #uri()}
     * @throws InvalidInputException when the link is too long for a QR code
     */
    public WhatsAppQrCode qrCode() {
        return WhatsAppQrCode.of(uri);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WhatsAppLink)) {
            return false;
        }
        WhatsAppLink other = (WhatsAppLink) o;
        return uri.equals(other.uri) && Objects.equals(reference, other.reference);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    /** @return the style, the masked phone, the text's length and the reference; never the full number or text */
    @Override
    public String toString() {
        return "WhatsAppLink[style=" + style + ", phone=" + (phone == null ? "none" : phone.masked())
                + ", text=" + text.codePointCount(0, text.length()) + " chars"
                + (reference == null ? "" : ", reference=" + reference) + "]";
    }

    /** Builds a {@link WhatsAppLink}; the phone is read and everything checked in {@link #build()}. */
    public static final class Builder {
        private String rawPhone;
        private WhatsAppNumber number;
        private String defaultRegion;
        private String text = "";
        private ReferenceCode reference;
        private LinkStyle style = LinkStyle.WA_ME;

        private Builder() {
        }

        /**
         * @param value the phone as a person wrote it ({@code 067 951 8124}, {@code +27 67 951 8124}); null for a
         *              link without phone, which opens WhatsApp's contact picker. Read in {@link #build()}.
         * @return this builder
         */
        public Builder phone(String value) {
            this.rawPhone = value;
            this.number = null;
            return this;
        }

        /**
         * Sets a number already read, in place of {@link #phone(String)}; no default region is needed.
         *
         * @param value a number already read; null for a link without phone
         * @return this builder
         */
        public Builder number(WhatsAppNumber value) {
            this.number = value;
            this.rawPhone = null;
            return this;
        }

        /**
         * @param region the ISO 3166 region code ({@code "ZA"}, case-insensitive) to read a national phone in;
         *               null for none (then the phone must be international)
         * @return this builder
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = region;
            return this;
        }

        /**
         * @param value the prefilled text, sent exactly as given; null or empty for none
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value == null ? "" : value;
            return this;
        }

        /**
         * @param code a reference code to append to the text as {@code [ref: PCS-000042]}
         *             (see {@link ReferenceCode#embed(String, ReferenceCode)}); null for none
         * @return this builder
         */
        public Builder reference(ReferenceCode code) {
            this.reference = code;
            return this;
        }

        /**
         * @param value the link's form; {@link LinkStyle#WA_ME} by default
         * @return this builder
         * @throws InvalidInputException when it is null
         */
        public Builder style(LinkStyle value) {
            this.style = Checks.notNull(value, "style");
            return this;
        }

        /**
         * @return the link
         * @throws InvalidPhoneNumberException when the phone or default region is refused
         * @throws InvalidInputException         when the text is too long or not valid Unicode
         */
        public WhatsAppLink build() {
            if (defaultRegion != null && !PhoneNumbers.isKnownRegion(defaultRegion)) {
                throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.UNKNOWN_REGION, rawPhone,
                        defaultRegion);
            }
            WhatsAppNumber phone = number != null ? number
                    : rawPhone != null ? WhatsAppNumber.parse(rawPhone, defaultRegion) : null;
            String fullText = reference == null ? text : ReferenceCode.embed(text, reference);
            int length = fullText.codePointCount(0, fullText.length());
            if (length > MAX_TEXT_LENGTH) {
                throw InvalidInputException.of("text", "must be at most " + MAX_TEXT_LENGTH + " characters"
                        + (reference == null ? "" : " with the reference marker") + ", has " + length);
            }
            String encoded = PercentEncoding.encode(fullText, "text");
            String link = link(style, phone, encoded);
            if (link.length() > MAX_URI_LENGTH) {
                throw InvalidInputException.of("text", "makes a link of " + link.length() + " characters, more than "
                        + MAX_URI_LENGTH + "; shorten the text (accents and emoji take up to 12 characters each)");
            }
            return new WhatsAppLink(phone, fullText, text, reference, style, URI.create(link));
        }

        private static String link(LinkStyle style, WhatsAppNumber phone, String encodedText) {
            String digits = phone == null ? null : phone.digits();
            String textParam = encodedText.isEmpty() ? null : "text=" + encodedText;
            switch (style) {
                case WA_ME:
                    return "https://wa.me/" + (digits == null ? "" : digits)
                            + (textParam == null ? "" : "?" + textParam);
                case API_SEND:
                    return "https://api.whatsapp.com/send" + query(digits, textParam);
                case APP_SCHEME:
                default:
                    return "whatsapp://send" + query(digits, textParam);
            }
        }

        private static String query(String digits, String textParam) {
            StringBuilder q = new StringBuilder();
            if (digits != null) {
                q.append("?phone=").append(digits);
            }
            if (textParam != null) {
                q.append(q.length() == 0 ? '?' : '&').append(textParam);
            }
            return q.toString();
        }
    }
}
