package za.co.proconnectsa.support.portal.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's own settings ({@code portal.*} in {@code application.properties}).
 *
 * @param whatsAppNumber the support number shown on the support page and in every chat link
 * @param demoPassword   one password for every demo user; empty means a random password each, printed at start-up
 * @param demoData       whether to file a few example tickets into an empty database at start-up
 */
@ConfigurationProperties("portal")
public record PortalProperties(String whatsAppNumber, String demoPassword, boolean demoData) {

    /** Fills in the defaults for settings left out. */
    public PortalProperties {
        if (whatsAppNumber == null || whatsAppNumber.isBlank()) {
            whatsAppNumber = "+27 67 951 8124";
        }
        demoPassword = demoPassword == null ? "" : demoPassword;
    }
}
