package za.co.proconnectsa.support.whatsapp.cloud.internal;

/**
 * A secret (the access token) that prints as {@code [redacted]}, so an accidental {@code toString} in a
 * log line or an exception message cannot leak it.
 */
public final class Secret {

    /** What a secret prints as, and what replaces it in texts. */
    public static final String REDACTED = "[redacted]";

    private final String value;

    /**
     * @param value the secret's text, not blank (checked by the caller)
     */
    public Secret(String value) {
        this.value = value;
    }

    /** @return the secret's text, only for the Authorization header */
    public String reveal() {
        return value;
    }

    /**
     * @param text a text from outside (a provider message, an exception message), or null
     * @return the text with every occurrence of the secret replaced by {@value #REDACTED}; empty for null
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(value) ? text.replace(value, REDACTED) : text;
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
