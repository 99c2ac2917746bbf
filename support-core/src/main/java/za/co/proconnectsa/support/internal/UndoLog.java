package za.co.proconnectsa.support.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The in-memory store's record of how to take back the writes of the unit of work in progress. Only the thread
 * holding the store's write lock touches it, so it needs no locking of its own.
 */
public final class UndoLog {

    private Deque<Runnable> undo;
    private List<Runnable> afterCommit;

    /** @return whether a unit of work is in progress */
    public boolean active() {
        return undo != null;
    }

    /** Starts recording. */
    public void begin() {
        undo = new ArrayDeque<>();
        afterCommit = new ArrayList<>();
    }

    /**
     * Remembers how to take back one write; nothing when no unit of work is in progress (the write stands alone).
     *
     * @param action puts the store back as it was before the write
     */
    public void record(Runnable action) {
        if (undo != null) {
            undo.push(action);
        }
    }

    /**
     * @param action run after the commit
     * @return whether it was kept for after the commit; {@code false} when no unit is in progress
     */
    public boolean deferUntilCommit(Runnable action) {
        if (afterCommit == null) {
            return false;
        }
        afterCommit.add(action);
        return true;
    }

    /** @return the actions to run now that the unit committed; the log stops recording */
    public List<Runnable> commit() {
        List<Runnable> actions = afterCommit;
        undo = null;
        afterCommit = null;
        return actions;
    }

    /** Takes back every recorded write, newest first; the log stops recording. */
    public void rollback() {
        Deque<Runnable> actions = undo;
        undo = null;
        afterCommit = null;
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
    }
}
