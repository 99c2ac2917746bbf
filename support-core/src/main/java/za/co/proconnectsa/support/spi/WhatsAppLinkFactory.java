package za.co.proconnectsa.support.spi;

import java.net.URI;

/**
 * Makes the WhatsApp chat links that routing decisions and the support page hand out.
 * {@code support-whatsapp}'s {@code WhatsAppLinks} implements it ({@code https://wa.me/} links with the number
 * normalised, the text percent-encoded, reference codes and QR codes); the core makes no links itself.
 */
public interface WhatsAppLinkFactory {

    /** @return the support number as people should read it, e.g. {@code +27 67 951 8124} */
    String displayNumber();

    /**
     * @param prefilledText the message to prefill in the chat, possibly empty
     * @return a link that opens a chat with the support number
     */
    URI chatLink(String prefilledText);
}
