package za.co.proconnectsa.support.satisfaction;

import java.net.URI;
import java.time.Duration;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * How the desk asks for satisfaction ({@link za.co.proconnectsa.support.SupportDesk.Builder#satisfactionSurveys}).
 *
 * @param answerPage    the host's page that takes an answer; the survey's link is this page with a signed
 *                      {@code t} parameter, which the page passes to {@link SatisfactionService#answerWithLink}
 * @param linkSecret    the key the links are signed with, at least 32 bytes; keep it out of logs and code
 * @param perRequester  the loop guard: a requester is asked at most once in this interval, whatever number of
 *                      tickets is resolved for them (7 days is usual)
 */
public record SurveySettings(URI answerPage, byte[] linkSecret, Duration perRequester) {

    /**
     * Checks the components and copies the secret.
     *
     * @param answerPage the host's page that takes an answer; the survey's link is this page with a signed {@code t} parameter, which the page passes to {@link SatisfactionService#answerWithLink}
     * @param linkSecret the key the links are signed with, at least 32 bytes; keep it out of logs and code
     * @param perRequester the loop guard: a requester is asked at most once in this interval, whatever number of tickets is resolved for them (7 days is usual)
     */
    public SurveySettings {
        Checks.notNull(answerPage, "answerPage");
        if (!answerPage.isAbsolute() || answerPage.getFragment() != null) {
            throw InvalidInputException.of("answerPage", "must be an absolute URL without a fragment");
        }
        if (linkSecret == null || linkSecret.length < 32) {
            throw InvalidInputException.of("linkSecret", "must be at least 32 bytes");
        }
        linkSecret = linkSecret.clone();
        Checks.notNegative(perRequester, "perRequester");
    }

    /**
     * @param answerPage the host's answer page
     * @param linkSecret the signing key, at least 32 bytes
     * @return settings with a loop guard of one survey per requester per 7 days
     */
    public static SurveySettings of(URI answerPage, byte[] linkSecret) {
        return new SurveySettings(answerPage, linkSecret, Duration.ofDays(7));
    }

    /** @return a copy of the signing key */
    @Override
    public byte[] linkSecret() {
        return linkSecret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurveySettings s && answerPage.equals(s.answerPage)
                && java.security.MessageDigest.isEqual(linkSecret, s.linkSecret) && perRequester.equals(s.perRequester);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(answerPage, perRequester);
    }

    @Override
    public String toString() {
        return "SurveySettings[answerPage=" + answerPage + ", perRequester=" + perRequester + "]";
    }
}
