package za.co.proconnectsa.support.whatsapp;

import java.net.URI;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;

/**
 * The support number's chat links and QR codes: the implementation of {@link WhatsAppLinkFactory} to pass to
 * {@code SupportDesk.builder().whatsApp(...)}. It reads international numbers ({@code +27 67 951 8124}) and
 * national ones with a region ({@code 067 951 8124} in {@code ZA}), and adds reference codes and QR codes.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * WhatsAppLinks links = WhatsAppLinks.of("067 951 8124", "ZA");
 * links.displayNumber();                       // "+27 67 951 8124"
 * links.chatLink("Hi");                        // https://wa.me/27679518124?text=Hi
 * links.chatLink("Hi", ReferenceCode.of(ticket.number()));   // ...?text=Hi%20%5Bref%3A%20PCS-000042%5D
 * byte[] png = links.qrCode("Hi").png(512);
 * }</pre>
 */
public final class WhatsAppLinks implements WhatsAppLinkFactory {

    private final WhatsAppNumber number;
    private final LinkStyle style;

    private WhatsAppLinks(WhatsAppNumber number, LinkStyle style) {
        this.number = number;
        this.style = style;
    }

    /**
     * @param number        the support number as written, e.g. {@code 067 951 8124}
     * @param defaultRegion the ISO 3166 region to read a national number in, e.g. {@code ZA}; null when the
     *                      number is international
     * @return the links, in {@link LinkStyle#WA_ME} style
     * @throws InvalidPhoneNumberException when the number or region is refused
     */
    public static WhatsAppLinks of(String number, String defaultRegion) {
        return of(WhatsAppNumber.parse(number, defaultRegion));
    }

    /**
     * @param internationalNumber the support number with '+' or {@code 00} and the country code
     * @return the links, in {@link LinkStyle#WA_ME} style
     * @throws InvalidPhoneNumberException when the number is refused ({@code NEEDS_REGION} for a national one)
     */
    public static WhatsAppLinks of(String internationalNumber) {
        return of(internationalNumber, null);
    }

    /**
     * @param number the support number
     * @return the links, in {@link LinkStyle#WA_ME} style
     * @throws InvalidInputException when it is null
     */
    public static WhatsAppLinks of(WhatsAppNumber number) {
        return new WhatsAppLinks(Checks.notNull(number, "number"), LinkStyle.WA_ME);
    }

    /**
     * @param value the style of the links {@link #chatLink(String)} and the others make
     * @return links for the same number in that style
     * @throws InvalidInputException when it is null
     */
    public WhatsAppLinks withStyle(LinkStyle value) {
        return new WhatsAppLinks(number, Checks.notNull(value, "style"));
    }

    /** @return the support number */
    public WhatsAppNumber number() {
        return number;
    }

    /** @return the style of the links made */
    public LinkStyle style() {
        return style;
    }

    /** @return the number in libphonenumber's international format, e.g. {@code +27 67 951 8124} */
    @Override
    public String displayNumber() {
        return number.international();
    }

    /**
     * @param prefilledText the message to prefill, possibly empty or null (then the link has no text)
     * @return the link, e.g. {@code https://wa.me/27679518124?text=Hi}
     * @throws InvalidInputException when the text is too long or not valid Unicode
     */
    @Override
    public URI chatLink(String prefilledText) {
        return link(prefilledText).uri();
    }

    /**
     * @param prefilledText the message to prefill, possibly empty or null
     * @param reference     a code to embed, e.g. the ticket's number, found again with {@link ReferenceCode#find}
     * @return the link
     * @throws InvalidInputException when the text is too long or not valid Unicode, or the reference is null
     */
    public URI chatLink(String prefilledText, ReferenceCode reference) {
        return link(prefilledText, reference).uri();
    }

    /**
     * @param prefilledText the message to prefill, possibly empty or null
     * @return the link with its parts
     * @throws InvalidInputException when the text is too long or not valid Unicode
     */
    public WhatsAppLink link(String prefilledText) {
        return WhatsAppLink.builder().number(number).text(prefilledText).style(style).build();
    }

    /**
     * @param prefilledText the message to prefill, possibly empty or null
     * @param reference     a code to embed
     * @return the link with its parts
     * @throws InvalidInputException when the text is too long or not valid Unicode, or the reference is null
     */
    public WhatsAppLink link(String prefilledText, ReferenceCode reference) {
        return WhatsAppLink.builder().number(number).text(prefilledText)
                .reference(Checks.notNull(reference, "reference")).style(style).build();
    }

    /**
     * @param prefilledText the message to prefill, possibly empty or null
     * @return a QR code of {@link #chatLink(String)}
     * @throws InvalidInputException when the text is too long for the link or for a QR code
     */
    public WhatsAppQrCode qrCode(String prefilledText) {
        return link(prefilledText).qrCode();
    }

    /**
     * @param prefilledText the message to prefill, possibly empty or null
     * @param reference     a code to embed
     * @return a QR code of {@link #chatLink(String, ReferenceCode)}
     * @throws InvalidInputException when the text is too long for the link or for a QR code, or the reference is null
     */
    public WhatsAppQrCode qrCode(String prefilledText, ReferenceCode reference) {
        return link(prefilledText, reference).qrCode();
    }

    /** @return the masked number and style; never the full number */
    @Override
    public String toString() {
        return "WhatsAppLinks[" + number.masked() + ", " + style + "]";
    }
}
