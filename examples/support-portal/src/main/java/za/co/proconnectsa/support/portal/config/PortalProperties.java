package za.co.proconnectsa.support.portal.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's own settings ({@code portal.*} in {@code application.properties}).
 *
 * @param whatsAppNumber the support number shown on the support page and in every chat link
 * @param demoPassword   one password for every demo user; empty means a random password each, printed at start-up
 * @param demoData       whether to file a few example tickets into an empty database at start-up
 * @param cloudApi       the WhatsApp Cloud API account the inbox sends through; without it replies stay queued
 */
@ConfigurationProperties("portal")
public record PortalProperties(String whatsAppNumber, String demoPassword, boolean demoData, CloudApi cloudApi) {

    /**
     * The WhatsApp Cloud API account.
     *
     * @param phoneNumberId the business number's id at Meta (digits)
     * @param accessToken   the access token; never logged
     */
    public record CloudApi(String phoneNumberId, String accessToken) {

        /** @return whether both settings are given, so that the inbox's replies can be delivered */
        public boolean configured() {
            return phoneNumberId != null && !phoneNumberId.isBlank() && accessToken != null && !accessToken.isBlank();
        }

        @Override
        public String toString() {
            return "CloudApi[phoneNumberId=" + phoneNumberId + ", accessToken=" + (configured() ? "(set)" : "(not set)")
                    + "]";
        }
    }

    /** Fills in the defaults for settings left out. */
    public PortalProperties {
        if (whatsAppNumber == null || whatsAppNumber.isBlank()) {
            whatsAppNumber = "+27 67 951 8124";
        }
        demoPassword = demoPassword == null ? "" : demoPassword;
        cloudApi = cloudApi == null ? new CloudApi(null, null) : cloudApi;
    }
}
