package za.co.proconnectsa.support.queue;

/**
 * What a {@link JobWorker} does with each job. It runs inside the store's unit of work, which also marks the job
 * done: write through the same store (tickets, conversations, outbox entries, further jobs) and the job's effects
 * commit together with its done mark, or not at all. Anything sent to the outside world is enqueued as a job of its
 * own, never sent from here.
 *
 * <p>Throw to give the attempt up: the unit rolls back and the job is tried again after a pause; a
 * {@link za.co.proconnectsa.support.InvalidInputException} (the job's data is bad and will stay bad) or an
 * {@link AbandonJobException} (trying again would do harm) buries it at once. {@link Job#attempts()} above one
 * means an earlier attempt was claimed and did not finish: for work with effects outside the store, whether it got
 * that far is unknown, and {@link Job#lastError()} holds what the earlier attempt reported when it failed.
 */
@FunctionalInterface
public interface JobHandler {

    /**
     * @param job the claimed job
     */
    void handle(Job job);
}
