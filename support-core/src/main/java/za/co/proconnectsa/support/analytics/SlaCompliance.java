package za.co.proconnectsa.support.analytics;

import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.internal.Checks;

/**
 * How the tickets of the period did on one SLA target, from the audit trail's {@code SLA_FULFILLED} and
 * {@code SLA_BREACHED} events: a ticket met the target when it was fulfilled and never breached, and missed it when
 * it was breached at least once (also when fulfilled late). Tickets with neither event are not counted.
 *
 * @param target   the target type
 * @param met      tickets that met it
 * @param breached tickets that missed it
 */
public record SlaCompliance(SlaTargetType target, long met, long breached) {

    /**
     * Checks the target.
     *
     * @param target the target type
     * @param met tickets that met it
     * @param breached tickets that missed it
     */
    public SlaCompliance {
        Checks.notNull(target, "target");
    }

    /** @return met over met and breached; 0 when neither */
    public double rate() {
        return Ratios.of(met, met + breached);
    }
}
