package za.co.proconnectsa.support.assignment;

/** Whether an agent takes new tickets now. Only {@link #AVAILABLE} agents are ever given a ticket automatically. */
public enum Presence {
    /** At work and taking new tickets, up to their capacity. */
    AVAILABLE,
    /** At work but taking no new tickets for now (a meeting, a break); keeps the tickets they have. */
    AWAY,
    /** Not at work; takes no new tickets and keeps the tickets they have. */
    OFFLINE
}
