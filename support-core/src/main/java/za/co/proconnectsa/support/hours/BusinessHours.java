package za.co.proconnectsa.support.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * When support is open: a weekly schedule in a time zone, with holidays and special dates.
 * Immutable and thread-safe; build with {@link #builder()}, {@link #weekdays(String, String, ZoneId)}
 * or {@link #always()}.
 *
 * <h2>The schedule</h2>
 * <ul>
 *   <li>Each day of the week has zero or more intervals {@code [from, to)}: open at {@code from},
 *       closed at {@code to} (08:00-18:00 is open at 08:00 and closed at 18:00). Times are whole
 *       seconds (a time with a fraction of a second is refused).</li>
 *   <li>An interval whose {@code to} is not after its {@code from} crosses midnight: Fri 22:00-02:00
 *       is open from Friday 22:00 to Saturday 02:00, and 18:00-00:00 is open until midnight. An
 *       interval belongs to the date it starts on: if that Friday is a holiday the whole night is
 *       closed; if the Saturday is a holiday, Friday's night still runs until 02:00.</li>
 *   <li>{@code from == to} is refused (it could mean nothing or the whole day); use
 *       {@link Builder#allDay(DayOfWeek...)} for a whole day.</li>
 *   <li>Intervals of the same day (or the same special date) that overlap or touch are
 *       <b>merged</b>: 08:00-12:00 and 11:00-17:00 become 08:00-17:00. Open time is the union of
 *       every interval, so a night running into a day that has its own early interval is simply
 *       open for both.</li>
 *   <li>A <b>holiday</b> (from {@link Builder#holidays(HolidayCalendar)} or
 *       {@link Builder#holiday(LocalDate)}) closes the intervals starting on that date.</li>
 *   <li>A <b>special date</b> ({@link Builder#specialDate(LocalDate, LocalTime, LocalTime)}) replaces
 *       that date's weekly intervals, and wins over a holiday calendar (so a public holiday can have
 *       opening hours); a date cannot be both a special date and a {@link Builder#holiday(LocalDate)}.</li>
 * </ul>
 *
 * <h2>Time zones and daylight saving</h2>
 * Times are wall-clock times in the zone: support is open at an instant exactly when the zone's
 * clock at that instant ({@code instant.atZone(zone)}, which is never ambiguous) shows a date and
 * time inside an interval. So:
 * <ul>
 *   <li>in a <b>gap</b> (clocks go forward, e.g. 01:00 to 02:00 in London on 29 March 2026) the
 *       skipped times never occur: 00:00-06:00 that day is 5 hours of open time, and an interval
 *       starting inside the gap opens at the transition, the first instant its start time has been
 *       reached (not, as {@link java.time.ZonedDateTime#of} would shift it, one gap length later);</li>
 *   <li>in an <b>overlap</b> (clocks go back) the repeated times occur twice and are open both
 *       times: 00:00-06:00 is 7 hours of open time. A start time inside the overlap is reached first
 *       at its earlier offset, as {@link java.time.ZonedDateTime#ofLocal} with the earlier offset
 *       gives; an interval ending inside the overlap is open during its repeated part twice.</li>
 * </ul>
 * Every query ({@link #isOpen}, {@link #nextOpening}, {@link #nextClosing},
 * {@link #businessDuration}, {@link #plus}, {@link #minus}, {@link #plusBusinessDays(Instant, int)},
 * {@link #endOfBusinessDay}) follows this one rule, so they always agree. Open and closing instants
 * are whole seconds.
 *
 * <h2>Business days</h2>
 * A date is a <b>business day</b> when at least one interval starts on it: a special date, or a
 * weekday with weekly intervals that is not a holiday. The morning end of a night that started the
 * day before does not make a date a business day. See {@link #isBusinessDay(LocalDate)}.
 *
 * <h2>Limits</h2>
 * Instants more than about 999,999,998 years from 1970 count as closed. Searches give up after
 * {@value #SEARCH_DAYS} days without a change (a calendar that marks ten years of days as holidays
 * is treated as never opening again; a schedule open around the clock for that long as never
 * closing). {@link #businessDuration}, {@link #plus} and {@link #minus} cover at most
 * {@value #MAX_SPAN_DAYS} days (about 1,000 years) from their start.
 *
 * <h2>Cost</h2>
 * {@link #isOpen(Instant)} allocates nothing of its own: one offset lookup, integer
 * arithmetic on precomputed per-day interval arrays, and an O(1) holiday lookup in a small
 * per-instance cache (the calendar is read once per date). The other queries walk day by day.
 */
public final class BusinessHours {

    /** The zone when none is set: South Africa. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Africa/Johannesburg");

    /** How many days a search goes without a change before giving up. */
    public static final int SEARCH_DAYS = 3660;

    /** How many days {@link #businessDuration}, {@link #plus} and {@link #minus} cover at most from their start. */
    public static final int MAX_SPAN_DAYS = 366_000;

    private static final java.time.format.DateTimeFormatter MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM 'at' h:mma", Locale.ENGLISH);

    private static final int DAY = 86_400;
    private static final int[] NONE = new int[0];
    /** Instants (epoch seconds) in this range have local dates well inside {@link LocalDate}'s range. */
    private static final long MIN_SECOND = (LocalDate.MIN.toEpochDay() + 2) * DAY;
    private static final long MAX_SECOND = (LocalDate.MAX.toEpochDay() - 1) * DAY;
    private static final int CACHE_BLOCKS = 512;

    private final ZoneId zone;
    private final ZoneRules rules;
    /** The fixed offset in seconds, or {@code Integer.MIN_VALUE} if the zone has transitions. */
    private final int fixedOffset;
    /** Per day of week (Monday = 0): merged [start, end) second pairs; end may pass midnight. */
    private final int[][] weekly;
    /** Per day of week: the open seconds of a plain day (no holiday or special date on it or the day before). */
    private final int[][] plain;
    private final boolean weeklyEmpty;
    private final long[] specialDays;
    private final int[][] specialIntervals;
    private final HolidayCalendar holidays;
    private final boolean hasHolidays;
    private final String description;

    private final ConcurrentHashMap<Long, long[]> holidayBlocks = new ConcurrentHashMap<>();
    private volatile HolidayBlock lastBlock;

    private BusinessHours(Builder b) {
        this.zone = b.zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
        this.weekly = new int[7][];
        boolean empty = true;
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly[d.ordinal()] = merge(b.weekly.get(d));
            empty &= weekly[d.ordinal()].length == 0;
        }
        this.weeklyEmpty = empty;
        this.plain = new int[7][];
        for (int i = 0; i < 7; i++) {
            plain[i] = daySegments(weekly[i], weekly[(i + 6) % 7]);
        }
        this.specialDays = new long[b.special.size()];
        this.specialIntervals = new int[b.special.size()][];
        int i = 0;
        for (Map.Entry<LocalDate, List<int[]>> e : b.special.entrySet()) {
            specialDays[i] = e.getKey().toEpochDay();
            specialIntervals[i] = merge(e.getValue());
            i++;
        }
        HolidayCalendar calendar = HolidayCalendar.none();
        for (HolidayCalendar c : b.calendars) {
            calendar = Calendars.both(calendar, c);
        }
        if (!b.holidayDates.isEmpty()) {
            calendar = Calendars.both(calendar, HolidayCalendar.of(b.holidayDates));
        }
        this.holidays = calendar;
        this.hasHolidays = calendar != HolidayCalendar.none();
        this.description = ScheduleText.describe(weekly);
    }

    // ------------------------------------------------------------------ factories

    /**
     * Monday to Friday, one interval a day, no holidays.
     *
     * @param open  the opening time, like {@code "08:00"} (ISO {@code HH:mm} or {@code HH:mm:ss})
     * @param close the closing time, like {@code "18:00"}; {@code "00:00"} or {@code "24:00"} is
     *              midnight, an earlier time than {@code open} crosses midnight
     * @param zone  the support team's zone
     * @return the business hours
     * @throws InvalidInputException if a time is null, blank or not a time, the two are equal, or the zone is null
     */
    public static BusinessHours weekdays(String open, String close, ZoneId zone) {
        LocalTime from = parse("open", open, false);
        LocalTime to = parse("close", close, true);
        return builder().zone(zone).weekdays(from, to).build();
    }

    /**
     * Open around the clock every day, in {@link #DEFAULT_ZONE}, without holidays.
     *
     * @return the business hours
     */
    public static BusinessHours always() {
        return builder().allDay(DayOfWeek.values()).build();
    }

    /**
     * A builder with no intervals, no holidays and the zone {@link #DEFAULT_ZONE}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ queries

    /** @return the support team's zone, in which every time of the schedule is read */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The holidays: every calendar and date given to the builder, combined.
     *
     * @return the calendar, {@link HolidayCalendar#none()} if there are no holidays
     */
    public HolidayCalendar holidays() {
        return holidays;
    }

    /**
     * Tells whether support is open at an instant. Cheap (tens of nanoseconds, no allocation of its
     * own), so it is safe to call on every routing decision.
     *
     * <p>The holiday calendar is consulted only when a weekly interval contains the instant; it is
     * read for a block of 256 dates at a time and remembered. A calendar failure is thrown as a
     * {@link SupportException} with the cause attached.
     *
     * @param at the instant
     * @return whether the zone's wall clock at {@code at} is inside an interval
     * @throws InvalidInputException if {@code at} is null
     */
    public boolean isOpen(Instant at) {
        if (at == null) {
            throw InvalidInputException.of("at", "must not be null");
        }
        long second = at.getEpochSecond();
        if (second < MIN_SECOND || second >= MAX_SECOND) {
            return false;
        }
        int offset = fixedOffset;
        if (offset == Integer.MIN_VALUE) {
            try {
                offset = rules.getOffset(at).getTotalSeconds();
            } catch (DateTimeException e) {
                return false;
            }
        }
        long local = second + offset;
        long day = Math.floorDiv(local, DAY);
        int time = (int) Math.floorMod(local, DAY);
        return startsOpen(day, time) || startsOpen(day - 1, time + DAY);
    }

    /**
     * The next time support opens.
     *
     * <p>If support is closed at {@code from}, this is the first instant after {@code from} at which
     * it is open. If support is <b>already open</b> at {@code from} (including exactly at an opening
     * time), this is the start of the next opening after the current open stretch has closed: from
     * Monday 10:00 with 08:00-18:00 hours, Tuesday 08:00. Either way the result is after
     * {@code from}, support is open at it and was closed just before it. Adjacent intervals (a night
     * ending at midnight and the next day starting at midnight) form one stretch.
     *
     * @param from where to start looking
     * @return the next opening, or empty if support never opens (again), for example without intervals
     * @throws InvalidInputException if {@code from} is null
     */
    public Optional<Instant> nextOpening(Instant from) {
        long start = requireInstant("from", from).getEpochSecond();
        Walker w = new Walker(start);
        if (!isOpen(from)) {
            return w.next() ? Optional.of(Instant.ofEpochSecond(w.start)) : Optional.empty();
        }
        if (!w.next()) {
            return Optional.empty();
        }
        long stretchEnd = w.end;
        while (w.next()) {
            if (w.start > stretchEnd) {
                return Optional.of(Instant.ofEpochSecond(w.start));
            }
            stretchEnd = w.end;
            if (stretchEnd - start > (long) SEARCH_DAYS * DAY) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The next time support closes.
     *
     * <p>If support is open at {@code from}, the end of the current open stretch; if it is closed
     * (including exactly at a closing time), the end of the next open stretch. Adjacent intervals
     * form one stretch.
     *
     * @param from where to start looking
     * @return the next closing, or empty if support never opens (again) or never closes, like
     *         {@link #always()}
     * @throws InvalidInputException if {@code from} is null
     */
    public Optional<Instant> nextClosing(Instant from) {
        long start = requireInstant("from", from).getEpochSecond();
        Walker w = new Walker(start);
        if (!w.next()) {
            return Optional.empty();
        }
        long stretchEnd = w.end;
        while (w.next() && w.start == stretchEnd) {
            stretchEnd = w.end;
            if (stretchEnd - start > (long) SEARCH_DAYS * DAY) {
                return Optional.empty();
            }
        }
        return Optional.of(Instant.ofEpochSecond(stretchEnd));
    }

    /**
     * The open time between two instants.
     *
     * @param from the start, inclusive
     * @param to   the end, exclusive
     * @return the open time in {@code [from, to)}; zero if {@code to} is not after {@code from}
     * @throws InvalidInputException if an instant is null, or {@code to} is more than
     *                             {@value #MAX_SPAN_DAYS} days after {@code from}
     */
    public Duration businessDuration(Instant from, Instant to) {
        requireInstant("from", from);
        requireInstant("to", to);
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (to.getEpochSecond() - from.getEpochSecond() > (long) MAX_SPAN_DAYS * DAY) {
            throw InvalidInputException.of("to", "must be at most " + MAX_SPAN_DAYS + " days after from");
        }
        long seconds = 0;
        long nanos = 0;
        Walker w = new Walker(from.getEpochSecond());
        while (w.next()) {
            Instant a = Instant.ofEpochSecond(w.start);
            if (!a.isBefore(to)) {
                break;
            }
            if (a.isBefore(from)) {
                a = from;
            }
            Instant b = Instant.ofEpochSecond(w.end);
            if (b.isAfter(to)) {
                b = to;
            }
            seconds += b.getEpochSecond() - a.getEpochSecond();
            nanos += b.getNano() - a.getNano();
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /**
     * The instant at which a given amount of open time has passed since {@code from}: the earliest
     * instant {@code t} with {@code businessDuration(from, t)} equal to it. So a zero duration gives
     * {@code from} itself, a duration that ends exactly at a closing gives that closing time (not the
     * next opening), and {@code plus(from, businessDuration(from, to)) == to} whenever support is
     * open just before {@code to}.
     *
     * @param from             where the open time starts counting
     * @param businessDuration the open time to add, zero or more
     * @return the instant
     * @throws InvalidInputException if an argument is null, the duration is negative, or it is not
     *                             reached: support never opens (again) after {@code from}, or not
     *                             within {@value #MAX_SPAN_DAYS} days
     */
    public Instant plus(Instant from, Duration businessDuration) {
        requireInstant("from", from);
        if (Checks.notNegative(businessDuration, "businessDuration").isZero()) {
            return from;
        }
        long limit = from.getEpochSecond() + (long) MAX_SPAN_DAYS * DAY;
        Duration remaining = businessDuration;
        Walker w = new Walker(from.getEpochSecond());
        while (w.next() && w.start <= limit) {
            Instant a = Instant.ofEpochSecond(w.start);
            if (a.isBefore(from)) {
                a = from;
            }
            Duration length = Duration.between(a, Instant.ofEpochSecond(w.end));
            if (remaining.compareTo(length) <= 0) {
                return a.plus(remaining);
            }
            remaining = remaining.minus(length);
        }
        throw InvalidInputException.of("businessDuration", "cannot be reached: support is not open for " + businessDuration
                + " after " + from + (w.exhausted ? " (these business hours never open again)"
                        : " within " + MAX_SPAN_DAYS + " days"));
    }

    /**
     * The instant from which a given amount of open time has passed by {@code from}: the latest
     * instant {@code t} with {@code businessDuration(t, from)} equal to it. It walks backwards, the
     * mirror of {@link #plus}:
     * <ul>
     *   <li>a zero duration gives {@code from} itself;</li>
     *   <li>a duration that starts exactly at an opening gives that opening (not the closing before
     *       it): with 08:00-17:00 hours, one hour before Tuesday 09:00 is Tuesday 08:00, and two hours
     *       before it is Monday 16:00;</li>
     *   <li>{@code minus(plus(t, d), d) == t} whenever support is open at {@code t}, and
     *       {@code plus(minus(to, d), d) == to} whenever support is open just before {@code to}.</li>
     * </ul>
     * Daylight-saving changes are walked exactly as {@link #plus} walks them.
     *
     * @param from             where the open time ends
     * @param businessDuration the open time to go back, zero or more
     * @return the instant, not after {@code from}
     * @throws InvalidInputException if an argument is null, the duration is negative, or it is not
     *                             reached: support was never open before {@code from}, or not within
     *                             {@value #MAX_SPAN_DAYS} days (or {@value #SEARCH_DAYS} closed days in a row)
     */
    public Instant minus(Instant from, Duration businessDuration) {
        requireInstant("from", from);
        if (Checks.notNegative(businessDuration, "businessDuration").isZero()) {
            return from;
        }
        long limit = from.getEpochSecond() - (long) MAX_SPAN_DAYS * DAY;
        Duration remaining = businessDuration;
        // the walk works in whole seconds, so it starts at the second that contains from's fraction
        ReverseWalker w = new ReverseWalker(from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0));
        while (w.previous() && w.end >= limit) {
            Instant b = Instant.ofEpochSecond(w.end);
            if (b.isAfter(from)) {
                b = from;
            }
            Duration length = Duration.between(Instant.ofEpochSecond(w.start), b);
            if (remaining.compareTo(length) <= 0) {
                return b.minus(remaining);
            }
            remaining = remaining.minus(length);
        }
        throw InvalidInputException.of("businessDuration", "cannot be reached: support was not open for "
                + businessDuration + " before " + from + (w.exhausted ? " (these business hours were never open before)"
                        : " within " + MAX_SPAN_DAYS + " days"));
    }

    /**
     * Tells whether a date is a business day: at least one interval starts on it (its special hours, or
     * its weekly intervals when it is not a holiday). A date whose only open time is the end of a night
     * that started the day before is not a business day.
     *
     * @param date the date, in the zone
     * @return whether an interval starts on the date
     * @throws InvalidInputException if {@code date} is null
     */
    public boolean isBusinessDay(LocalDate date) {
        if (date == null) {
            throw InvalidInputException.of("date", "must not be null");
        }
        return own(date.toEpochDay()).length != 0;
    }

    /**
     * The business day a number of business days after a date: the {@code days}-th following date for
     * which {@link #isBusinessDay(LocalDate)} holds. Zero days gives {@code date} itself, business day
     * or not. With Monday-Friday hours, one business day after Friday is Monday, and after a Thursday
     * followed by a Friday holiday it is Monday too.
     *
     * @param date the date to count from (it does not count itself)
     * @param days how many business days to count, 0 to {@value #MAX_SPAN_DAYS}
     * @return the date
     * @throws InvalidInputException if {@code date} is null, {@code days} is out of range, or a run of
     *                             more than {@value #SEARCH_DAYS} dates without a business day is met
     */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        if (date == null) {
            throw InvalidInputException.of("date", "must not be null");
        }
        if (days < 0 || days > MAX_SPAN_DAYS) {
            throw InvalidInputException.of("days", "must be 0 to " + MAX_SPAN_DAYS + ", was " + days);
        }
        long day = date.toEpochDay();
        long last = LocalDate.MAX.toEpochDay() - 1;
        int found = 0;
        int idle = 0;
        while (found < days) {
            day++;
            if (day > last || (weeklyEmpty && day > lastSpecialDay())) {
                throw InvalidInputException.of("days", "cannot be reached: there are not " + days
                        + " business days after " + date);
            }
            if (own(day).length != 0) {
                found++;
                idle = 0;
            } else if (++idle > SEARCH_DAYS) {
                throw InvalidInputException.of("days", "cannot be reached: no business day in the "
                        + SEARCH_DAYS + " days after " + LocalDate.ofEpochDay(day - idle));
            }
        }
        return LocalDate.ofEpochDay(day);
    }

    /**
     * The same wall-clock time a number of business days later, moved to the next opening when support
     * is closed then. Exactly:
     * <ol>
     *   <li>take {@code from}'s date and time in the zone;</li>
     *   <li>find the business day {@code days} business days after that date, as
     *       {@link #plusBusinessDays(LocalDate, int)} does (zero days: the same date);</li>
     *   <li>take the same time on that date; a time skipped by a daylight-saving gap is reached at the
     *       transition, a time repeated by an overlap is taken at its first occurrence;</li>
     *   <li>if support is open then, that is the answer; if not (before opening, during a lunch
     *       break, or after closing that day), the answer is the {@link #nextOpening next opening}.</li>
     * </ol>
     * So with Monday-Friday 08:00-17:00: Friday 10:00 plus one business day is Monday 10:00; Friday
     * 18:30 plus one is Tuesday 08:00 (Monday 18:30 is after closing); Saturday 09:00 plus one is
     * Monday 09:00 (Monday is the first business day after Saturday); Monday 07:00 plus zero is
     * Monday 08:00.
     *
     * @param from the instant to count from
     * @param days how many business days to add, 0 to {@value #MAX_SPAN_DAYS}
     * @return the instant, at which support is open
     * @throws InvalidInputException if {@code from} is null, {@code days} is out of range, a business
     *                             day is not reached (see {@link #plusBusinessDays(LocalDate, int)}),
     *                             or support never opens after the time found
     */
    public Instant plusBusinessDays(Instant from, int days) {
        requireInstant("from", from);
        long second = from.getEpochSecond();
        if (second < MIN_SECOND || second >= MAX_SECOND) {
            throw InvalidInputException.of("from", "is out of the supported range: " + from);
        }
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        LocalDate date = plusBusinessDays(local.toLocalDate(), days);
        // zero days keeps from itself, even at the second occurrence of a repeated time
        Instant candidate = days == 0 ? from : firstReached(date.atTime(local.toLocalTime()));
        if (isOpen(candidate)) {
            return candidate;
        }
        return nextOpening(candidate).orElseThrow(() -> InvalidInputException.of("days",
                "cannot be reached: support never opens after " + candidate));
    }

    /**
     * When business ends on a date: the closing time of the last interval that starts on it, which
     * for a night interval is the next morning. A closing time skipped by a daylight-saving gap is
     * reached at the transition; one repeated by an overlap closes at its second occurrence, since
     * support is open through both.
     *
     * @param date the date, in the zone
     * @return the closing instant, or empty if the date is not a {@link #isBusinessDay(LocalDate) business day}
     * @throws InvalidInputException if {@code date} is null
     */
    public Optional<Instant> endOfBusinessDay(LocalDate date) {
        if (date == null) {
            throw InvalidInputException.of("date", "must not be null");
        }
        int[] intervals = own(date.toEpochDay());
        if (intervals.length == 0) {
            return Optional.empty();
        }
        LocalDateTime end = date.atStartOfDay().plusSeconds(intervals[intervals.length - 1]);
        ZoneOffsetTransition t = rules.getTransition(end);
        if (t == null) {
            return Optional.of(end.atZone(zone).toInstant());
        }
        return Optional.of(t.isGap() ? t.getInstant() : end.toInstant(t.getOffsetAfter()));
    }

    /**
     * The weekly schedule in words, in English, for example {@code "Mon-Fri 8am-6pm, Sat 9am-1pm"}.
     * See {@link #describe(Locale)}.
     *
     * @return the description
     */
    public String describe() {
        return description;
    }

    /**
     * The weekly schedule in words. Generated from the intervals, deterministic, and <b>English only</b>
     * for now: every locale gets the English text.
     *
     * <ul>
     *   <li>Times: {@code 8am}, {@code 8:30am}, {@code 12pm} (noon), {@code 12am} (midnight),
     *       {@code 24 hours} for a whole day.</li>
     *   <li>Days with the same hours are grouped, consecutive days as ranges:
     *       {@code "Mon-Wed, Fri 8am-5pm"}; several intervals in a day are joined:
     *       {@code "Mon-Fri 8am-12pm, 1pm-5pm"}. Groups are in order of their first day and joined
     *       with {@code ", "}, or with {@code "; "} when a group itself contains a comma.</li>
     *   <li>No intervals at all: {@code "Closed"}. Holidays and special dates are not described.</li>
     * </ul>
     *
     * @param locale the locale (English is used whatever it is)
     * @return the description
     * @throws InvalidInputException if {@code locale} is null
     */
    public String describe(Locale locale) {
        if (locale == null) {
            throw InvalidInputException.of("locale", "must not be null");
        }
        return description;
    }

    /**
     * A moment as people read it in the team's zone, for "we reply from ..." texts: {@code "Mon 2 Mar at 8:00am"}.
     * English only, like {@link #describe()}.
     *
     * @param at the moment, e.g. {@link #nextOpening(Instant)}
     * @return the text
     * @throws InvalidInputException if {@code at} is null
     */
    public String describeMoment(Instant at) {
        if (at == null) {
            throw InvalidInputException.of("at", "must not be null");
        }
        return MOMENT.format(at.atZone(zone)).replace("AM", "am").replace("PM", "pm");
    }

    @Override
    public String toString() {
        return "BusinessHours{" + description + ", zone=" + zone + ", holidays=" + holidays + ", specialDates="
                + specialDays.length + '}';
    }

    // ------------------------------------------------------------------ internals

    private static Instant requireInstant(String field, Instant value) {
        if (value == null) {
            throw InvalidInputException.of(field, "must not be null");
        }
        return value;
    }

    /** @return the first instant the zone's clock shows {@code local}: the transition for a time in a gap, the earlier occurrence in an overlap */
    private Instant firstReached(LocalDateTime local) {
        ZoneOffsetTransition t = rules.getTransition(local);
        if (t == null) {
            return local.atZone(zone).toInstant();
        }
        return t.isGap() ? t.getInstant() : local.toInstant(t.getOffsetBefore());
    }

    private long lastSpecialDay() {
        return specialDays.length == 0 ? Long.MIN_VALUE : specialDays[specialDays.length - 1];
    }

    /** @return whether the intervals starting on {@code day} contain second {@code time} (may pass midnight) */
    private boolean startsOpen(long day, int time) {
        if (specialDays.length != 0) {
            int i = Arrays.binarySearch(specialDays, day);
            if (i >= 0) {
                return contains(specialIntervals[i], time);
            }
        }
        return contains(weekly[dayOfWeek(day)], time) && !isHoliday(day);
    }

    private static boolean contains(int[] intervals, int time) {
        for (int i = 0; i < intervals.length; i += 2) {
            if (time < intervals[i]) {
                return false;
            }
            if (time < intervals[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    /** @return the intervals starting on a day: its special hours, none on a holiday, else the weekly ones */
    private int[] own(long day) {
        if (specialDays.length != 0) {
            int i = Arrays.binarySearch(specialDays, day);
            if (i >= 0) {
                return specialIntervals[i];
            }
        }
        int[] w = weekly[dayOfWeek(day)];
        return w.length == 0 || !isHoliday(day) ? w : NONE;
    }

    /** @return the open seconds of a local day, as merged [start, end) pairs within [0, 86400] */
    private int[] segments(long day) {
        int[] today = own(day);
        int[] yesterday = own(day - 1);
        int dow = dayOfWeek(day);
        if (today == weekly[dow] && yesterday == weekly[(dow + 6) % 7]) {
            return plain[dow];
        }
        return daySegments(today, yesterday);
    }

    private static int[] daySegments(int[] today, int[] yesterday) {
        List<int[]> parts = new ArrayList<>();
        for (int i = 0; i < today.length; i += 2) {
            parts.add(new int[] {today[i], Math.min(today[i + 1], DAY)});
        }
        for (int i = 0; i < yesterday.length; i += 2) {
            if (yesterday[i + 1] > DAY) {
                parts.add(new int[] {Math.max(yesterday[i] - DAY, 0), yesterday[i + 1] - DAY});
            }
        }
        return merge(parts);
    }

    /** @return the pairs sorted and merged (overlapping or touching pairs joined), flattened */
    private static int[] merge(List<int[]> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return NONE;
        }
        int[][] sorted = pairs.toArray(new int[0][]);
        Arrays.sort(sorted, (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        int[] out = new int[sorted.length * 2];
        int n = 0;
        for (int[] p : sorted) {
            if (n > 0 && p[0] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], p[1]);
            } else {
                out[n++] = p[0];
                out[n++] = p[1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private boolean isHoliday(long epochDay) {
        if (!hasHolidays) {
            return false;
        }
        long block = epochDay >> 8;
        HolidayBlock hb = lastBlock;
        if (hb == null || hb.block != block) {
            hb = new HolidayBlock(block, loadBlock(block));
            lastBlock = hb;
        }
        int i = (int) (epochDay & 255);
        return (hb.bits[i >>> 6] & (1L << i)) != 0;
    }

    private long[] loadBlock(long block) {
        long[] bits = holidayBlocks.get(block);
        if (bits != null) {
            return bits;
        }
        bits = new long[4];
        long first = block << 8;
        long min = LocalDate.MIN.toEpochDay();
        long max = LocalDate.MAX.toEpochDay();
        for (int i = 0; i < 256; i++) {
            long day = first + i;
            if (day < min || day > max) {
                continue;
            }
            LocalDate date = LocalDate.ofEpochDay(day);
            boolean holiday;
            try {
                holiday = holidays.isHoliday(date);
            } catch (SupportException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SupportException("The holiday calendar " + holidays + " failed for " + date, e);
            }
            if (holiday) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        if (holidayBlocks.size() >= CACHE_BLOCKS) {
            holidayBlocks.clear();
        }
        holidayBlocks.put(block, bits);
        return bits;
    }

    /** The holiday bits of 256 consecutive days, the last block read. */
    private static final class HolidayBlock {
        final long block;
        final long[] bits;

        HolidayBlock(long block, long[] bits) {
            this.block = block;
            this.bits = bits;
        }
    }

    /**
     * Walks the open time from an instant on: yields the open segments [start, end) in epoch seconds,
     * in order, never overlapping (adjacent segments may touch). Works through stretches of constant
     * offset, so daylight-saving transitions are exact. Not thread-safe; one per query.
     */
    private final class Walker {
        long start;
        long end;
        boolean exhausted;

        private long position;
        private int offset;
        private long pieceEnd;
        private long day;
        private int[] segments;
        private int index;
        private int idleDays;

        Walker(long from) {
            position = Math.max(from, MIN_SECOND);
            if (position >= MAX_SECOND || (weeklyEmpty && specialDays.length == 0)) {
                exhausted = true;
            } else {
                enterPiece();
            }
        }

        private void enterPiece() {
            Instant at = Instant.ofEpochSecond(position);
            try {
                if (fixedOffset != Integer.MIN_VALUE) {
                    offset = fixedOffset;
                    pieceEnd = MAX_SECOND;
                } else {
                    ZoneOffset o = rules.getOffset(at);
                    offset = o.getTotalSeconds();
                    ZoneOffsetTransition t = rules.nextTransition(at);
                    pieceEnd = t == null ? MAX_SECOND : Math.min(t.getInstant().getEpochSecond(), MAX_SECOND);
                }
            } catch (DateTimeException e) {
                exhausted = true;
                return;
            }
            day = Math.floorDiv(position + offset, DAY);
            segments = segments(day);
            index = 0;
        }

        boolean next() {
            while (!exhausted) {
                while (index < segments.length) {
                    long base = day * DAY - offset;
                    long a = Math.max(base + segments[index], position);
                    long b = Math.min(base + segments[index + 1], pieceEnd);
                    index += 2;
                    if (b > a) {
                        start = a;
                        end = b;
                        position = b;
                        idleDays = 0;
                        return true;
                    }
                }
                long nextDay = day + 1;
                if (weeklyEmpty) {
                    int i = Arrays.binarySearch(specialDays, day);
                    int at = i >= 0 ? i : -i - 1;
                    if (at >= specialDays.length) {
                        exhausted = true;
                        return false;
                    }
                    nextDay = Math.max(nextDay, specialDays[at]);
                }
                if (nextDay * DAY - offset >= pieceEnd) {
                    if (pieceEnd >= MAX_SECOND) {
                        exhausted = true;
                        return false;
                    }
                    position = Math.max(position, pieceEnd);
                    enterPiece();
                } else {
                    day = nextDay;
                    segments = segments(day);
                    index = 0;
                }
                if (++idleDays > SEARCH_DAYS) {
                    exhausted = true;
                }
            }
            return false;
        }
    }

    /**
     * Walks the open time backwards from an instant: yields the open segments [start, end) in epoch
     * seconds, latest first, never overlapping (adjacent segments may touch). The mirror of
     * {@link Walker}: stretches of constant offset, so daylight-saving transitions are exact. Not
     * thread-safe; one per query.
     */
    private final class ReverseWalker {
        long start;
        long end;
        boolean exhausted;

        /** Everything before this second is still to walk. */
        private long position;
        private int offset;
        /** The first second of the stretch of constant offset being walked. */
        private long pieceStart;
        private long day;
        private int[] segments;
        private int index;
        private int idleDays;

        ReverseWalker(long to) {
            position = Math.min(to, MAX_SECOND);
            if (position <= MIN_SECOND || (weeklyEmpty && specialDays.length == 0)) {
                exhausted = true;
            } else {
                enterPiece();
            }
        }

        private void enterPiece() {
            try {
                if (fixedOffset != Integer.MIN_VALUE) {
                    offset = fixedOffset;
                    pieceStart = MIN_SECOND;
                } else {
                    offset = rules.getOffset(Instant.ofEpochSecond(position - 1)).getTotalSeconds();
                    // strictly before position, so the offset after it holds up to position
                    ZoneOffsetTransition t = rules.previousTransition(Instant.ofEpochSecond(position));
                    pieceStart = t == null ? MIN_SECOND : Math.max(t.getInstant().getEpochSecond(), MIN_SECOND);
                }
            } catch (DateTimeException e) {
                exhausted = true;
                return;
            }
            day = Math.floorDiv(position - 1 + offset, DAY);
            segments = segments(day);
            index = segments.length;
        }

        boolean previous() {
            while (!exhausted) {
                while (index > 0) {
                    index -= 2;
                    long base = day * DAY - offset;
                    long a = Math.max(base + segments[index], pieceStart);
                    long b = Math.min(base + segments[index + 1], position);
                    if (b > a) {
                        start = a;
                        end = b;
                        position = a;
                        idleDays = 0;
                        return true;
                    }
                }
                long previousDay = day - 1;
                if (weeklyEmpty) {
                    // the latest date still touched by a special date: the date itself or the morning after
                    int i = Arrays.binarySearch(specialDays, day - 1);
                    int at = i >= 0 ? i : -i - 2;
                    if (at < 0) {
                        exhausted = true;
                        return false;
                    }
                    previousDay = Math.min(previousDay, specialDays[at] + 1);
                }
                if ((previousDay + 1) * DAY - offset <= pieceStart) {
                    if (pieceStart <= MIN_SECOND) {
                        exhausted = true;
                        return false;
                    }
                    position = Math.min(position, pieceStart);
                    enterPiece();
                } else {
                    day = previousDay;
                    segments = segments(day);
                    index = segments.length;
                }
                if (++idleDays > SEARCH_DAYS) {
                    exhausted = true;
                }
            }
            return false;
        }
    }

    private static LocalTime parse(String field, String value, boolean closing) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank");
        }
        String text = value.strip();
        if (closing && (text.equals("24:00") || text.equals("24:00:00"))) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a time like 08:00, was '" + value + "'");
        }
    }

    // ------------------------------------------------------------------ builder

    /**
     * Builds {@link BusinessHours}. Not thread-safe; {@link #build()} copies, so a builder can be
     * reused. Every method refuses bad input at once with a {@link InvalidInputException} naming the
     * argument.
     */
    public static final class Builder {
        private ZoneId zone = DEFAULT_ZONE;
        private final Map<DayOfWeek, List<int[]>> weekly = new EnumMap<>(DayOfWeek.class);
        private final TreeMap<LocalDate, List<int[]>> special = new TreeMap<>();
        private final Set<LocalDate> holidayDates = new TreeSet<>();
        private final List<HolidayCalendar> calendars = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the support team's zone, in which every time and date of the schedule is read.
         *
         * @param value the zone (default {@link BusinessHours#DEFAULT_ZONE})
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            if (value == null) {
                throw InvalidInputException.of("zone", "must not be null");
            }
            this.zone = value;
            return this;
        }

        /**
         * Adds an interval to a day of the week.
         *
         * @param day  the day it starts on
         * @param from when it opens
         * @param to   when it closes; not after {@code from} means the next day (00:00 is midnight)
         * @return this builder
         */
        public Builder interval(DayOfWeek day, LocalTime from, LocalTime to) {
            if (day == null) {
                throw InvalidInputException.of("day", "must not be null");
            }
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(pair(from, to));
            return this;
        }

        /**
         * Adds an interval to a day of the week, with times as text.
         *
         * @param day  the day it starts on
         * @param from when it opens, like {@code "08:00"}
         * @param to   when it closes, like {@code "18:00"}; {@code "00:00"} or {@code "24:00"} is midnight
         * @return this builder
         */
        public Builder interval(DayOfWeek day, String from, String to) {
            return interval(day, parse("from", from, false), parse("to", to, true));
        }

        /**
         * Adds the same interval to several days of the week.
         *
         * @param days the days
         * @param from when it opens
         * @param to   when it closes
         * @return this builder
         */
        public Builder days(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
            if (days == null) {
                throw InvalidInputException.of("days", "must not be null");
            }
            int[] p = pair(from, to);
            for (DayOfWeek d : EnumSet.copyOf(requireNoNull(days))) {
                weekly.computeIfAbsent(d, x -> new ArrayList<>()).add(p);
            }
            return this;
        }

        /**
         * Adds an interval to Monday to Friday.
         *
         * @param from when it opens
         * @param to   when it closes
         * @return this builder
         */
        public Builder weekdays(LocalTime from, LocalTime to) {
            return days(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), from, to);
        }

        /**
         * Opens whole days, midnight to midnight.
         *
         * @param days the days
         * @return this builder
         */
        public Builder allDay(DayOfWeek... days) {
            if (days == null) {
                throw InvalidInputException.of("days", "must not be null");
            }
            for (DayOfWeek d : days) {
                if (d == null) {
                    throw InvalidInputException.of("days", "must not contain null");
                }
                weekly.computeIfAbsent(d, x -> new ArrayList<>()).add(new int[] {0, DAY});
            }
            return this;
        }

        /**
         * Adds a holiday calendar; several calendars combine (a date is a holiday if any says so).
         *
         * @param calendar the calendar, for example {@link SouthAfricanHolidays#calendar()}
         * @return this builder
         */
        public Builder holidays(HolidayCalendar calendar) {
            if (calendar == null) {
                throw InvalidInputException.of("holidays", "must not be null");
            }
            calendars.add(calendar);
            return this;
        }

        /**
         * Closes a date all day.
         *
         * @param date the date, in the zone
         * @return this builder
         */
        public Builder holiday(LocalDate date) {
            if (date == null) {
                throw InvalidInputException.of("holiday", "must not be null");
            }
            holidayDates.add(date);
            return this;
        }

        /**
         * Gives a date its own hours instead of its weekly ones, for example 24 December 08:00-12:00.
         * Call again for several intervals on the date. Wins over a holiday calendar.
         *
         * @param date the date, in the zone
         * @param from when it opens
         * @param to   when it closes; not after {@code from} means the next day
         * @return this builder
         */
        public Builder specialDate(LocalDate date, LocalTime from, LocalTime to) {
            if (date == null) {
                throw InvalidInputException.of("date", "must not be null");
            }
            special.computeIfAbsent(date, d -> new ArrayList<>()).add(pair(from, to));
            return this;
        }

        /**
         * Builds the business hours.
         *
         * @return the business hours
         * @throws InvalidInputException if a date is both a holiday and a special date
         */
        public BusinessHours build() {
            for (LocalDate d : holidayDates) {
                if (special.containsKey(d)) {
                    throw InvalidInputException.of("holiday", d + " is also a special date; keep one of the two");
                }
            }
            return new BusinessHours(this);
        }

        private static Set<DayOfWeek> requireNoNull(Set<DayOfWeek> days) {
            for (DayOfWeek d : days) {
                if (d == null) {
                    throw InvalidInputException.of("days", "must not contain null");
                }
            }
            if (days.isEmpty()) {
                throw InvalidInputException.of("days", "must not be empty");
            }
            return days;
        }

        private static int[] pair(LocalTime from, LocalTime to) {
            int start = seconds("from", from);
            int end = seconds("to", to);
            if (start == end) {
                throw InvalidInputException.of("to", "must differ from from (" + from
                        + "); use allDay(...) for a whole day");
            }
            return new int[] {start, end > start ? end : end + DAY};
        }

        private static int seconds(String field, LocalTime time) {
            if (time == null) {
                throw InvalidInputException.of(field, "must not be null");
            }
            if (time.getNano() != 0) {
                throw InvalidInputException.of(field, "must be whole seconds, was " + time);
            }
            return time.toSecondOfDay();
        }
    }
}
