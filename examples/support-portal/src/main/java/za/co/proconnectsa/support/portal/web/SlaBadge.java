package za.co.proconnectsa.support.portal.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import za.co.proconnectsa.support.sla.SlaState;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTargetStatus;
import za.co.proconnectsa.support.sla.SlaTargetType;

/**
 * A ticket's SLA in one badge: breached, due soon, the next reply or resolution due at a time, paused or met.
 *
 * @param label what the badge says
 * @param css   the badge's style: {@code late}, {@code warn}, {@code ok} or {@code PAUSED}
 */
public record SlaBadge(String label, String css) {

    /**
     * @param status  the desk's SLA status of a ticket
     * @param formats how times are written
     * @return its badge
     */
    static SlaBadge of(SlaStatus status, Formats formats) {
        if (status.anyMissed()) {
            return new SlaBadge("SLA breached", "late");
        }
        Optional<SlaTargetStatus> next = status.targets().stream()
                .filter(t -> t.state() == SlaState.ACTIVE && t.dueAt() != null)
                .min(Comparator.comparing(SlaTargetStatus::dueAt));
        if (next.isPresent()) {
            Instant due = next.get().dueAt();
            String target = next.get().target().type() == SlaTargetType.RESOLUTION ? "Resolve" : "Reply";
            return next.get().dueSoon()
                    ? new SlaBadge(target + " due soon: " + formats.shortTime(due), "warn")
                    : new SlaBadge(target + " by " + formats.shortTime(due), "ok");
        }
        if (status.targets().stream().anyMatch(t -> t.state() == SlaState.PAUSED)) {
            return new SlaBadge("SLA paused", "PAUSED");
        }
        return new SlaBadge("SLA met", "ok");
    }
}
