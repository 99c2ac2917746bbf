package za.co.proconnectsa.support.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import za.co.proconnectsa.support.SupportDesk;

/** Times and names as the pages show them, in the desk's business-hours zone ({@code ${@fmt.time(t)}}). */
@Component("fmt")
public class Formats {

    private final DateTimeFormatter time;
    private final DateTimeFormatter shortTime;

    Formats(SupportDesk desk) {
        ZoneId zone = desk.businessHours().zone();
        this.time = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone);
        this.shortTime = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(zone);
    }

    /** @param instant a moment, or null @return it as people read it, or an empty text */
    public String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    /** @param instant a moment, or null @return it briefly, e.g. "7 Dec 12:00", or an empty text */
    public String shortTime(Instant instant) {
        return instant == null ? "" : shortTime.format(instant);
    }

    /** @param name an enum constant's name, e.g. {@code ON_HOLD} @return "On hold" */
    public String words(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
