package za.co.proconnectsa.support.routing;

/** What the standard policy does with a quick question while support is closed. */
public enum AfterHours {
    /** Open a ticket, so the request keeps its place in the queue. */
    TICKET,
    /** Still offer WhatsApp, saying when support replies. */
    WHATSAPP_WITH_NOTICE
}
