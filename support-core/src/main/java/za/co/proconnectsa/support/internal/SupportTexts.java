package za.co.proconnectsa.support.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts shown to people, from the {@code SupportMessages} resource bundle. */
public final class SupportTexts {

    private static final String BUNDLE = "za.co.proconnectsa.support.SupportMessages";

    private final ResourceBundle bundle;
    private final Locale locale;

    /** @param locale the locale to show texts in (English when no translation exists) */
    public SupportTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, SupportTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * @param key  the text's key
     * @param args values for its placeholders
     * @return the formatted text
     */
    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /**
     * @param key the text's key
     * @return the text as the bundle has it, its named placeholders ({@code {hours}}) left for the caller
     */
    public String text(String key) {
        return bundle.getString(key);
    }
}
