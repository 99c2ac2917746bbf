package za.co.proconnectsa.support.examples.quickstart;

// dead-jobs-imports:begin
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;
// dead-jobs-imports:end

/** The README's "dead messages" block: stored webhook messages left dead for a person, retried and purged. */
// dead-jobs:begin
class DeadJobs {
    static void review(WorkQueue store) {                    // the JdbcTicketStore or InMemoryTicketStore
        List<Job> dead = store.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 50);   // oldest first, by id
        for (Job job : dead) {
            System.out.println("Dead " + job.key() + " after " + job.attempts() + " attempt(s): " + job.lastError());
            store.retryDeadJob(job.id());                    // back to pending, attempts from zero
        }
        store.purgeDoneJobsOlderThan(WebhookReceiver.INBOUND_KIND, Duration.ofDays(7), Instant.now()); // keep 7+ days
    }
}
// dead-jobs:end
