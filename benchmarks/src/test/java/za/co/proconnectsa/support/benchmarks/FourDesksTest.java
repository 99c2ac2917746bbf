package za.co.proconnectsa.support.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Four application instances on one PostgreSQL database, and on one MariaDB database, each with its own pool and
 * workers (outbox relay, webhook inbox worker, send queue worker, SLA watcher), under load at once: what
 * {@code docs/scaling.md} relies on.
 */
class FourDesksTest {

    @Test
    @DisplayName("4 desks on one PostgreSQL: every event, body, send and SLA check delivered or claimed once, claims "
            + "spread over all 4, nothing left")
    void fourDesks() throws Exception {
        check(FourDesksLoad.run(4, Duration.ofSeconds(3)));
    }

    @Test
    @DisplayName("4 desks on one MariaDB, a smaller load: the same")
    void fourDesksOnMariaDb() throws Exception {
        long started = System.nanoTime();
        check(FourDesksLoad.run(4, Duration.ofSeconds(2), FourDesksLoad.Database.MARIADB));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("kept small for ./mvnw verify")
                .isLessThan(Duration.ofSeconds(60));
    }

    private static void check(FourDesksLoad.Result result) {
        assertThat(result.tickets()).as("tickets submitted").isPositive();
        assertThat(result.events()).as("events relayed").isGreaterThanOrEqualTo(result.tickets());
        assertThat(result.doubles()).as("events relayed twice").isZero();
        assertThat(result.slaEvents()).as("SLA breaches found by the watchers and relayed").isPositive();
        assertThat(result.webhooks()).as("bodies acknowledged").isPositive();
        assertThat(result.webhookDoubles()).as("bodies not applied exactly once").isZero();
        assertThat(result.sends()).as("replies sent").isGreaterThanOrEqualTo(result.webhooks());
        assertThat(result.sendDoubles()).as("identical sends").isZero();
        assertThat(result.leftBehind()).as("outbox entries and jobs left pending or dead").isZero();
        assertThat(result.relayedByDesk()).as("events relayed by each desk").hasSize(4).doesNotContain(0L);
        assertThat(result.appliedByDesk()).as("bodies applied by each desk").hasSize(4).doesNotContain(0L);
        assertThat(result.sentByDesk()).as("sends by each desk").hasSize(4).doesNotContain(0L);
        assertThat(result.claimedByDesk()).as("SLA checks claimed by each desk's watcher").hasSize(4)
                .doesNotContain(0L);
        assertThat(result.claimDoubles()).as("SLA checks claimed twice").isZero();
        assertThat(result.desksThatClaimed()).isEqualTo(4);
        assertThat(sum(result.relayedByDesk())).as("relayed in all").isEqualTo(result.events());
        assertThat(sum(result.appliedByDesk())).as("applied in all").isEqualTo(result.webhooks());
        assertThat(sum(result.sentByDesk())).as("send workers' finished sends").isEqualTo(result.sends());
        assertThat(result.ticketsPerSecond()).isFinite().isPositive();
        assertThat(result.webhooksPerSecond()).isFinite().isPositive();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
