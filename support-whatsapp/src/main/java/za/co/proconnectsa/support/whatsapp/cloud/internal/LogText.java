package za.co.proconnectsa.support.whatsapp.cloud.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.internal.PhoneMasking;

/** Texts from outside made fit for a log line: runs of 8 or more digits (possible phone numbers) masked. */
public final class LogText {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{8,}");

    private LogText() {
    }

    /**
     * @param text a text, e.g. a provider's error summary
     * @return the text with every run of 8 or more digits replaced by its {@link PhoneMasking#mask mask}
     */
    public static String maskNumbers(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PhoneMasking.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
