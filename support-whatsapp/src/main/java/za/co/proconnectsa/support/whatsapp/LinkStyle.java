package za.co.proconnectsa.support.whatsapp;

/**
 * The form of a WhatsApp chat link. All three open the same chat with the same prefilled text; they
 * differ only in where they work best.
 */
public enum LinkStyle {

    /**
     * {@code https://wa.me/27679518124?text=...}, or {@code https://wa.me/?text=...} without a phone
     * (WhatsApp then lets the user pick a contact). The short form WhatsApp recommends; the default.
     */
    WA_ME,

    /**
     * {@code https://api.whatsapp.com/send?phone=27679518124&text=...}; without a phone the
     * {@code phone} parameter is left out. The long form some older clients and in-app browsers handle better.
     */
    API_SEND,

    /**
     * {@code whatsapp://send?phone=27679518124&text=...}; without a phone the {@code phone} parameter is
     * left out. Opens the installed app directly and does nothing where WhatsApp is not installed, so use
     * it only inside a mobile app that has checked.
     */
    APP_SCHEME
}
