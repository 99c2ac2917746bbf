package za.co.proconnectsa.support.access;

/** What someone is to the support desk. */
public enum Role {
    /** A customer or provider asking for help; sees only their own tickets. */
    REQUESTER,
    /** A support team member; works the queue. */
    AGENT,
    /** A support lead; everything an agent may do. */
    ADMIN;

    /** @return whether this role belongs to the support team */
    public boolean isSupport() {
        return this != REQUESTER;
    }
}
