package za.co.proconnectsa.support.spring.boot.internal;

/** Counts what the webhook controller answered, for the metrics; implemented only when Micrometer is present. */
@FunctionalInterface
public interface WebhookOutcomes {

    /**
     * @param kind    {@code "handshake"} or {@code "post"}
     * @param outcome what was answered, e.g. {@code "accepted"}, {@code "bad_signature"}, {@code "not_configured"}
     */
    void record(String kind, String outcome);
}
