package za.co.proconnectsa.support.queue;

/** Where a {@link Job} stands. */
public enum JobState {
    /** Waiting to be claimed, or claimed by a worker whose lease has not run out. */
    PENDING,
    /** Done: its effects committed with this mark. Kept as the record that its key was seen, until purged. */
    DONE,
    /** Given up on after too many failed attempts, or refused as unreadable; a person looks at it and may retry it. */
    DEAD
}
