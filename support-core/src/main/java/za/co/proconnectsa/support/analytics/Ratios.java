package za.co.proconnectsa.support.analytics;

/** Shares as the report and its CSV give them. */
final class Ratios {

    private Ratios() {
    }

    static double of(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
