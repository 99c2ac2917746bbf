package za.co.proconnectsa.support.sla;

/**
 * What a service-level target promises. Each type runs its own clock over a ticket's
 * {@link SlaTimeline}; only a public reply by support staff ({@link SlaTimeline.Kind#AGENT_REPLY})
 * answers a response target, never an internal note or an automated reply.
 */
public enum SlaTargetType {
    /**
     * The first public reply by an agent. The clock starts when the ticket is created and stops at
     * the first agent reply.
     */
    FIRST_RESPONSE,
    /**
     * Every later answer. After the first agent reply, a requester message that nobody has answered
     * starts the clock (the oldest such message counts, later ones do not restart it) and the next
     * agent reply stops it. It runs once for every exchange.
     */
    NEXT_RESPONSE,
    /**
     * Regular updates while a ticket is worked on. Every agent reply starts the clock and the next
     * agent reply stops it (and starts it again), so the requester hears from support at least this
     * often.
     */
    PERIODIC_UPDATE,
    /**
     * Solving the ticket. The clock starts when the ticket is created and stops when it is resolved
     * or closed; a reopened ticket resumes the same clock where it stopped.
     */
    RESOLUTION
}
