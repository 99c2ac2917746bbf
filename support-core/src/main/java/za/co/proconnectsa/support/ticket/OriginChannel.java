package za.co.proconnectsa.support.ticket;

/** The channel a ticket came in on. */
public enum OriginChannel {
    /** The host's web support page. */
    WEB,
    /** A WhatsApp conversation that was escalated to a ticket. */
    WHATSAPP,
    /** An email. */
    EMAIL,
    /** A phone call, logged by an agent. */
    PHONE,
    /** Another system, through the host's API. */
    API
}
