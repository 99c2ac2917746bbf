package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import za.co.proconnectsa.support.SupportException;

/**
 * The background thread of a poller (the outbox relay, a job worker): runs one round, again at once when the round
 * was full, otherwise after the poll interval or when woken; a failing round is logged and tried again after the
 * interval, an {@link Error} included, so that one bad round never ends the polling for good.
 */
public final class PollingLoop {

    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    private final String name;
    private final Duration pollInterval;
    private final IntSupplier round;
    private final int fullRound;
    private final Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private Thread thread;
    private boolean stopping;

    /**
     * @param name         the thread's name
     * @param pollInterval the pause after a round that was not full
     * @param round        one round; returns how much it did
     * @param fullRound    what a full round does: the loop goes on at once when a round did this much
     * @param log          where failing rounds are reported
     */
    public PollingLoop(String name, Duration pollInterval, IntSupplier round, int fullRound, Logger log) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.round = round;
        this.fullRound = fullRound;
        this.log = log;
    }

    /**
     * @param first    the first pause
     * @param attempts the attempts so far, from 1
     * @return the pause before the next attempt: {@code first}, doubled per attempt, at most an hour
     */
    public static Duration backoff(Duration first, int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : delay;
    }

    /**
     * Starts the daemon thread.
     *
     * @throws SupportException when already started or closed
     */
    public void start() {
        lock.lock();
        try {
            if (thread != null || stopping) {
                throw new SupportException(name + " was already started");
            }
            thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!isStopping()) {
            int done = 0;
            try {
                done = round.getAsInt();
            } catch (Exception e) {
                log.warn("{} failed a round; trying again in {}", name, pollInterval, e);
            } catch (Error e) {
                // an Error from a listener or handler (a missing class, an assertion) must not end the polling
                log.error("{} met an error; trying again in {}", name, pollInterval, e);
            }
            if (done < fullRound) {
                pause();
            }
        }
    }

    private boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    private void pause() {
        lock.lock();
        try {
            if (!stopping) {
                wake.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the current pause, so that the next round starts at once. */
    public void wakeUp() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread, if started, after its current round; waits up to 10 seconds for it. */
    public void close() {
        Thread running;
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
