package za.co.proconnectsa.support.portal.web;

import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.page.SupportPage;
import za.co.proconnectsa.support.page.WhatsAppCard;
import za.co.proconnectsa.support.whatsapp.ReferenceCode;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;

/** The support page: the WhatsApp card first, then the ticket card, as the desk's {@link SupportPage} lays them out. */
@Controller
public class SupportPageController {

    /** The chat's first words; the page's reference code follows them. */
    static final String PREFILL = "Hi, I have a quick question:";

    private final SupportDesk desk;
    private final WhatsAppLinks links;

    SupportPageController(SupportDesk desk, WhatsAppLinks links) {
        this.desk = desk;
        this.links = links;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/support";
    }

    @GetMapping("/support")
    String supportPage(Model model, Principal principal) {
        SupportPage page = desk.supportPage();
        ReferenceCode reference = ReferenceCode.generate();   // ties a chat that starts here to this page view
        WhatsAppCard card = page.whatsAppCard().orElseThrow();
        model.addAttribute("page", page);
        model.addAttribute("whatsApp", card);
        model.addAttribute("chatLink", links.chatLink(PREFILL, reference).toString());
        model.addAttribute("reference", reference.value());
        model.addAttribute("ticketCard", page.ticketCard());
        model.addAttribute("signedIn", principal != null);
        return "support";
    }

    /** @return the QR code of the chat link with the given reference code, as a PNG */
    @GetMapping("/support/qr.png")
    ResponseEntity<byte[]> qrCode(@RequestParam("ref") String ref) {
        byte[] png = links.qrCode(PREFILL, ReferenceCode.of(ref)).png(240);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.IMAGE_PNG).body(png);
    }
}
