package za.co.proconnectsa.support.routing;

import java.net.URI;
import java.net.URISyntaxException;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;

/**
 * Stands in for support-whatsapp's {@code WhatsAppLinks} in the core's own tests (the core makes no links itself):
 * the link carries the prefilled text in its query, quoted by {@link URI}, so a test reads back exactly the text the
 * desk asked for with {@link #prefilledText(URI)}. The wa.me format and its percent-encoding are tested in
 * support-whatsapp.
 */
public final class TestWhatsAppLinks implements WhatsAppLinkFactory {

    /** The support number of the tests. */
    public static final TestWhatsAppLinks SUPPORT = new TestWhatsAppLinks();

    private TestWhatsAppLinks() {
    }

    @Override
    public String displayNumber() {
        return "+27 67 951 8124";
    }

    @Override
    public URI chatLink(String prefilledText) {
        try {
            return new URI("https", "chat.test", "/27679518124",
                    prefilledText == null || prefilledText.isEmpty() ? null : "text=" + prefilledText, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * @param link a link this factory made
     * @return the text it prefills, or null when none
     */
    public static String prefilledText(URI link) {
        String query = link.getQuery();
        return query == null ? null : query.substring("text=".length());
    }
}
