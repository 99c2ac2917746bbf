package za.co.proconnectsa.support.queue;

import za.co.proconnectsa.support.SupportException;

/**
 * Thrown by a {@link JobHandler} to give a job up at once: trying again would do harm or no good (an outbound message
 * whose earlier attempt may already have reached the customer, say). The job's unit rolls back and the job is left
 * dead with this reason, for a person to look at ({@link za.co.proconnectsa.support.spi.WorkQueue#deadJobs}).
 */
public class AbandonJobException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** @param reason why the job is given up, without secrets */
    public AbandonJobException(String reason) {
        super(reason);
    }
}
