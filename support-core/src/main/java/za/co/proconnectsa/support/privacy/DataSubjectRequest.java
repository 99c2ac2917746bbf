package za.co.proconnectsa.support.privacy;

import java.time.Instant;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * One request about a data subject, as the desk's trail of such requests keeps it: every export, correction, erasure
 * and anonymisation is recorded in the unit of work that carries it out.
 *
 * @param kind       what was asked
 * @param subjectRef the subject's first requester id; after an erasure or anonymisation, the pseudonym that replaced it
 *                   (here and in every earlier request about them)
 * @param actor      who carried it out
 * @param reason     why, as the actor gave it (personal values in it are redacted like everything else)
 * @param outcome    what was done, e.g. {@code "tickets=2 messages=5 conversations=1 ..."}
 * @param at         when
 */
public record DataSubjectRequest(Kind kind, String subjectRef, Actor actor, String reason, String outcome, Instant at) {

    /** What a data subject asked for. */
    public enum Kind {
        /** A copy of everything held (s23). */
        EXPORT,
        /** Values corrected (s24). */
        CORRECT,
        /** Personal data and the text they wrote removed (s24). */
        ERASE,
        /** Personal data removed, the rest of their text kept (s24). */
        ANONYMISE
    }

    /**
     * @param kind what was asked
     * @param subjectRef the subject's first requester id; after an erasure or anonymisation, the pseudonym that replaced it (here and in every earlier request about them)
     * @param actor who carried it out
     * @param reason why, as the actor gave it (personal values in it are redacted like everything else)
     * @param outcome what was done, e.g. {@code "tickets=2 messages=5 conversations=1 ..."}
     * @param at when
     * @throws za.co.proconnectsa.support.InvalidInputException when a component is missing or refused
     */
    public DataSubjectRequest {
        Checks.notNull(kind, "kind");
        Text.identifier(subjectRef, "subjectRef");
        Checks.notNull(actor, "actor");
        Text.text(reason, "reason", 500);
        Text.text(outcome, "outcome", 500);
        Checks.notNull(at, "at");
    }
}
