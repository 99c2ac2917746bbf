/**
 * Service-level agreements: the promises a desk makes about replies and resolution, and the clocks
 * that tell whether a ticket keeps them.
 *
 * <ul>
 *   <li>{@link za.co.proconnectsa.support.sla.SlaPolicy}: named promises
 *       ({@link za.co.proconnectsa.support.sla.SlaTarget}, one per
 *       {@link za.co.proconnectsa.support.sla.SlaTargetType}), the statuses that pause them, when to
 *       warn;</li>
 *   <li>{@link za.co.proconnectsa.support.sla.SlaPolicies}: which policy a ticket gets, by priority,
 *       category and origin channel, and which a WhatsApp conversation gets;</li>
 *   <li>{@link za.co.proconnectsa.support.sla.SlaTimeline}: what happened to a ticket, in neutral
 *       moments a host maps its tickets, messages and audit trail into;</li>
 *   <li>{@link za.co.proconnectsa.support.sla.SlaClock}: computes an
 *       {@link za.co.proconnectsa.support.sla.SlaStatus} from a policy, the desk's
 *       {@link za.co.proconnectsa.support.hours.BusinessHours}, a timeline and a moment.</li>
 * </ul>
 *
 * <p>Everything here is pure domain: no store, no clock of its own, no I/O. Types are immutable and
 * thread-safe, depend only on the JDK and the rest of this library, and throw only
 * {@link za.co.proconnectsa.support.SupportException} and its subclasses (bad input:
 * {@link za.co.proconnectsa.support.InvalidInputException} naming the argument).
 */
package za.co.proconnectsa.support.sla;
