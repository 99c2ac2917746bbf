package za.co.proconnectsa.support.hours;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a weekly schedule in English words, like "Mon-Fri 8am-6pm, Sat 9am-1pm". */
final class ScheduleText {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final int DAY = 86_400;

    private ScheduleText() {
    }

    /**
     * @param weekly per day of week (Monday first), merged [start, end) second pairs
     * @return the description, "Closed" if there are no intervals
     */
    static String describe(int[][] weekly) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int d = 0; d < 7; d++) {
            if (weekly[d].length > 0) {
                groups.computeIfAbsent(hours(weekly[d]), k -> new ArrayList<>()).add(d);
            }
        }
        if (groups.isEmpty()) {
            return "Closed";
        }
        List<String> parts = new ArrayList<>();
        boolean inner = false;
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            String part = days(g.getValue()) + " " + g.getKey();
            inner |= part.indexOf(',') >= 0;
            parts.add(part);
        }
        return String.join(inner ? "; " : ", ", parts);
    }

    private static String days(List<Integer> days) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(DAYS[days.get(i)]);
            if (j > i) {
                sb.append('-').append(DAYS[days.get(j)]);
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String hours(int[] intervals) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < intervals.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            int start = intervals[i];
            int end = intervals[i + 1];
            if (end - start == DAY && start == 0) {
                sb.append("24 hours");
            } else {
                sb.append(time(start)).append('-').append(time(end % DAY));
            }
        }
        return sb.toString();
    }

    /** @return e.g. "8am", "8:30am", "12pm", "12am", "5:15:30pm" */
    static String time(int secondOfDay) {
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        int second = secondOfDay % 60;
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        StringBuilder sb = new StringBuilder().append(h12);
        if (minute != 0 || second != 0) {
            sb.append(':').append(minute < 10 ? "0" : "").append(minute);
        }
        if (second != 0) {
            sb.append(':').append(second < 10 ? "0" : "").append(second);
        }
        return sb.append(hour < 12 ? "am" : "pm").toString();
    }
}
