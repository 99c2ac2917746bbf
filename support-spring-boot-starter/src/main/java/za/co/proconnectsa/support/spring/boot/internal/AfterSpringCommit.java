package za.co.proconnectsa.support.spring.boot.internal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Runs an action once the Spring transaction on the calling thread commits, or at once outside one. The desk's
 * in-process events arrive when the store's unit of work ends, which inside a joined Spring transaction is before the
 * host commits (and the host may still roll back).
 */
public final class AfterSpringCommit {

    private static final boolean SPRING_TX = ClassUtils.isPresent(
            "org.springframework.transaction.support.TransactionSynchronizationManager",
            AfterSpringCommit.class.getClassLoader());

    private AfterSpringCommit() {
    }

    /**
     * @param action what to run after the commit; dropped when the transaction rolls back
     */
    public static void run(Runnable action) {
        if (SPRING_TX && Synchronizations.active()) {
            Synchronizations.afterCommit(action);
        } else {
            action.run();
        }
    }

    /** Kept apart so that nothing of spring-tx is loaded when it is absent. */
    private static final class Synchronizations {
        static boolean active() {
            return TransactionSynchronizationManager.isSynchronizationActive();
        }

        static void afterCommit(Runnable action) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
