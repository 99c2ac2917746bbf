package za.co.proconnectsa.support.whatsapp.inbox;

import za.co.proconnectsa.support.SupportException;

/**
 * A marketing template was refused because the desk's consent ledger shows no marketing opt-in for the contact
 * ({@link za.co.proconnectsa.support.privacy.DataSubjectService#mayMarketTo}): nothing was queued or sent. Record the
 * contact's opt-in first, or send a utility template instead.
 */
public class MarketingConsentRequiredException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The template name, as {@link #templateName()} returns it. */
    private final String templateName;

    /**
     * @param templateName the refused template
     * @param conversation the conversation it was meant for
     */
    public MarketingConsentRequiredException(String templateName, String conversation) {
        super("The marketing template " + templateName + " was not sent in " + conversation
                + ": the contact has not opted in to marketing messages");
        this.templateName = templateName;
    }

    /** @return the refused template's name */
    public String templateName() {
        return templateName;
    }
}
