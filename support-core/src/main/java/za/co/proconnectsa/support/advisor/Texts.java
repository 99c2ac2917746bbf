package za.co.proconnectsa.support.advisor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Predicate;

/** The advisor's texts for people (English), with numbers as they were measured. */
final class Texts {

    private Texts() {
    }

    static String reason(Answer answer) {
        return answer.point().label() + ": " + answer.description() + ": " + answer.verdict() + ".";
    }

    static String volume(double requestsPerDay) {
        Volume band = Volume.of(requestsPerDay);
        String n = rounded(BigDecimal.valueOf(requestsPerDay), 2, shown -> Volume.of(shown.doubleValue()) == band);
        String range = switch (band) {
            case LOW -> "low (under 10)";
            case MEDIUM -> "medium (10-50)";
            case HIGH -> "high (over 50)";
        };
        return DecisionPoint.VOLUME.label() + ": " + n + (n.equals("1") ? " request" : " requests") + " a day is "
                + range + ": " + band.verdict() + ".";
    }

    static String team(int agents) {
        TeamSize band = TeamSize.of(agents);
        return DecisionPoint.TEAM_SIZE.label() + ": " + agents + (agents == 1 ? " agent is " : " agents is ")
                + band.description() + ": " + band.verdict() + ".";
    }

    static String issueMix(double share) {
        IssueMix mix = IssueMix.of(share);
        String pct = percent(share, shown -> IssueMix.of(shown) == mix);
        String range = switch (mix) {
            case SIMPLE -> "under 20%, so mostly simple questions";
            case MIXED -> "20-80%, so a mix";
            case BILLING_TECHNICAL -> "over 80%, so mostly billing and technical issues";
        };
        return DecisionPoint.ISSUE_MIX.label() + ": " + pct + " of requests are billing or technical, " + range + ": "
                + mix.verdict() + ".";
    }

    static String growth(Growth planned, Double monthlyRate, Growth result) {
        String label = DecisionPoint.GROWTH.label() + ": ";
        if (monthlyRate == null) {
            return label + "the plan is " + planned.description() + ": " + planned.verdict() + ".";
        }
        Growth measured = Growth.of(monthlyRate);
        String rate = rateText(monthlyRate, measured);
        if (planned == null) {
            return label + rate + ", so " + measured.description() + ": " + measured.verdict() + ".";
        }
        if (planned == measured) {
            return label + "the plan is " + planned.description() + " and " + rate + ", which agrees: "
                    + result.verdict() + ".";
        }
        return label + "the plan is " + planned.description() + " but " + rate + ", which is "
                + measured.description() + "; the one nearer tickets, " + result.description() + ", counts: "
                + result.verdict() + ".";
    }

    private static String rateText(double rate, Growth band) {
        String pct = percent(Math.abs(rate), shown -> Growth.of(rate < 0 ? -shown : shown) == band);
        String range = switch (band) {
            case SMALL -> "under 20%";
            case GROWING -> "20-100%";
            case ENTERPRISE -> "100% or more";
        };
        return (rate < 0 ? "volume shrinks " : "volume grows ") + pct + " a month (" + range + ")";
    }

    /**
     * A fraction as a percentage with at most one decimal, or exactly when rounding would put the shown
     * number into another band than the real one (0.1999 is "19.99%", never "20%").
     */
    private static String percent(double fraction, Predicate<Double> sameBandAsShown) {
        BigDecimal exact = BigDecimal.valueOf(fraction).movePointRight(2);
        return rounded(exact, 1, shown -> sameBandAsShown.test(shown.movePointLeft(2).doubleValue())) + "%";
    }

    private static String rounded(BigDecimal exact, int places, Predicate<BigDecimal> sameBand) {
        BigDecimal shown = exact.setScale(places, RoundingMode.HALF_UP);
        if (!sameBand.test(shown)) {
            shown = exact;
        }
        return shown.stripTrailingZeros().toPlainString();
    }

    /** A weight as written, to at most four decimals: 2, 1.5, 0.25. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A score with two decimals and a sign: +0.33, -0.67, 0.00. */
    static String score(double value) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", value);
        if (s.equals("-0.00") || s.equals("0.00")) {
            return "0.00";
        }
        return value > 0 ? "+" + s : s;
    }
}
