package za.co.proconnectsa.support.portal.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's own settings ({@code portal.*} in {@code application.properties}); the desk's are {@code support.*}.
 *
 * @param demoPassword one password for every demo user; empty means a random password each, printed at start-up
 * @param demoData     whether to file a few example tickets into an empty database at start-up
 */
@ConfigurationProperties("portal")
public record PortalProperties(String demoPassword, boolean demoData) {

    /** Fills in the defaults for settings left out. */
    public PortalProperties {
        demoPassword = demoPassword == null ? "" : demoPassword;
    }
}
