package za.co.proconnectsa.support.routing;

import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.internal.TextNormaliser;

/**
 * A request being routed, with what conditions need prepared once: the normalised text (lower case,
 * accents removed, punctuation as single spaces), the time, and whether support is open.
 */
public final class RoutingContext {

    private final SupportRequest request;
    private final Instant now;
    private final BusinessHours hours;
    private final String normalised;
    private final String padded;
    private final int length;
    private final RequestClassifier classifier;
    private final String all;
    private Boolean open;
    private Classification classification;

    RoutingContext(SupportRequest request, Instant now, BusinessHours hours) {
        this(request, now, hours, null);
    }

    RoutingContext(SupportRequest request, Instant now, BusinessHours hours, RequestClassifier classifier) {
        this.request = request;
        this.now = now;
        this.hours = hours;
        this.classifier = classifier;
        this.all = joined(request);
        this.length = all.strip().length();
        this.normalised = TextNormaliser.normalise(all);
        this.padded = " " + normalised + " ";
    }

    /** @return the request */
    public SupportRequest request() {
        return request;
    }

    /** @return the instant the decision is made for */
    public Instant now() {
        return now;
    }

    /** @return the support team's hours */
    public BusinessHours hours() {
        return hours;
    }

    /** @return subject and text, normalised: lower case, no accents, words separated by single spaces */
    public String normalisedText() {
        return normalised;
    }

    /** @return the length in characters of subject and text as typed, trimmed */
    public int length() {
        return length;
    }

    /** @return the number of words */
    public int words() {
        if (normalised.isEmpty()) {
            return 0;
        }
        int words = 1;
        for (int i = 0; i < normalised.length(); i++) {
            if (normalised.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }

    /** @return whether support is open at {@link #now()} */
    public boolean isOpen() {
        if (open == null) {
            open = hours.isOpen(now);
        }
        return open;
    }

    /**
     * What the policy's classifier made of the request, classified on first use and kept for the decision.
     *
     * @return the classification, or empty when the policy has no classifier
     */
    public Optional<Classification> classification() {
        if (classifier == null) {
            return Optional.empty();
        }
        if (classification == null) {
            classification = classifier.classify(all);
        }
        return Optional.of(classification);
    }

    static String joined(SupportRequest request) {
        return request.subject().isEmpty() ? request.text()
                : request.text().isEmpty() ? request.subject() : request.subject() + "\n" + request.text();
    }

    /** The normalised text with a space at each end, so " word " finds whole words and phrases. */
    String padded() {
        return padded;
    }
}
