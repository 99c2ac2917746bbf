package za.co.proconnectsa.support.spring.boot;

import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;

/**
 * One of the desk's background workers (the inbound-message worker, the WhatsApp sender, the outbox relay, the SLA
 * watcher) as a Spring lifecycle bean: it starts when the application context has started and stops, waiting for the
 * work in hand, when the context closes. Each start begins a new worker, so a context stopped and started again
 * runs again.
 */
public final class SupportWorkerLifecycle implements SmartLifecycle {

    /** The phase of the workers: with the web server's graceful shutdown, and long before the data source closes. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SupportWorkerLifecycle.class);

    private final String name;
    private final Supplier<? extends AutoCloseable> starter;
    private AutoCloseable running;

    /**
     * @param name    what the worker does, for logs and health, e.g. {@code "outbox-relay"}
     * @param starter builds and starts one worker, returning what stops it
     */
    public SupportWorkerLifecycle(String name, Supplier<? extends AutoCloseable> starter) {
        this.name = Objects.requireNonNull(name, "name");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /** @return what the worker does */
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = starter.get();
            LOG.info("Support worker {} started", name);
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.warn("Support worker {} did not stop cleanly", name, e);
            } finally {
                running = null;
            }
            LOG.info("Support worker {} stopped", name);
        }
    }

    /**
     * Asks a running worker to look for work now instead of at its next poll; does nothing for a worker that polls on
     * a schedule only (the outbox relay, the SLA watcher) or that is stopped.
     */
    public void wakeUp() {
        AutoCloseable worker;
        synchronized (this) {
            worker = running;
        }
        if (worker instanceof InboundMessageWorker inbound) {
            inbound.wakeUp();
        } else if (worker instanceof JobWorker jobs) {
            jobs.wakeUp();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public String toString() {
        return "SupportWorkerLifecycle[" + name + (isRunning() ? ", running]" : "]");
    }
}
