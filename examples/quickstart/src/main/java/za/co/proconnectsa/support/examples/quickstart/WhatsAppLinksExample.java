package za.co.proconnectsa.support.examples.quickstart;

// whatsapp-links-imports:begin
import java.net.URI;
import java.util.Optional;
import za.co.proconnectsa.support.whatsapp.LinkStyle;
import za.co.proconnectsa.support.whatsapp.ReferenceCode;
import za.co.proconnectsa.support.whatsapp.WhatsAppLink;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;
// whatsapp-links-imports:end

/** docs/whatsapp-links.md's block: a wa.me link with a reference code, its QR code, and the desk's link builder. */
public final class WhatsAppLinksExample {

    private WhatsAppLinksExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static URI run() {
        // whatsapp-links:begin
        WhatsAppLink link = WhatsAppLink.builder()
                .phone("067 951 8124")          // optional: without a phone the link opens the contact picker
                .defaultRegion("ZA")            // needed for national-format numbers
                .text("Hi, I need help with my invoice")
                .reference(ReferenceCode.of("PCS-000042"))   // optional: appends " [ref: PCS-000042]"; or ReferenceCode.of(ticket.number())
                .style(LinkStyle.WA_ME)         // WA_ME (default), API_SEND, APP_SCHEME
                .build();
        URI uri = link.uri();                   // https://wa.me/27679518124?text=Hi%2C%20I%20need...
        Optional<String> digits = link.phoneDigits();   // "27679518124"
        byte[] png = link.qrCode().png(512);
        String svg = link.qrCode().svg();

        // for SupportDesk.builder().whatsApp(...): the SDK's one link builder
        WhatsAppLinks links = WhatsAppLinks.of("067 951 8124", "ZA");   // or WhatsAppLinks.of("+27 67 951 8124")
        System.out.println(links.displayNumber());                      // "+27 67 951 8124"
        // whatsapp-links:end

        System.out.println(uri + " " + digits.orElse("") + " png " + png.length + " bytes, svg " + svg.length() + " chars");
        return uri;
    }
}
