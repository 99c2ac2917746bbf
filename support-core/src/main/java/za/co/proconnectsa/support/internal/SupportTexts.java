package za.co.proconnectsa.support.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts shown to people, from the {@code SupportMessages} resource bundle. */
public final class SupportTexts {

    private static final String BUNDLE = "za.co.proconnectsa.support.SupportMessages";

    private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("EEE d MMM 'at' h:mma", Locale.ENGLISH);

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
     * @param instant when support opens
     * @param zone    the support team's zone
     * @return e.g. "Mon 2 Mar at 8:00am", in the team's zone (English)
     */
    public static String opening(Instant instant, ZoneId zone) {
        return OPENING.format(instant.atZone(zone)).replace("AM", "am").replace("PM", "pm");
    }
}
