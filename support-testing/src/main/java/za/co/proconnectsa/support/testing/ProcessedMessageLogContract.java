package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;

/**
 * The contract of {@link ProcessedMessageLog}: extend it with a {@link #createLog()} that returns a new,
 * empty log, as for {@link TicketStoreContract}.
 */
public abstract class ProcessedMessageLogContract {

    private static final Instant AT = Instant.parse("2026-03-02T08:15:30.123456Z");

    /** The log under test, new for every test. */
    protected ProcessedMessageLog log;

    /** @return a new, empty log */
    protected abstract ProcessedMessageLog createLog();

    /** Creates the log before each test. */
    @BeforeEach
    protected final void setUpLog() {
        log = createLog();
    }

    @Test
    @DisplayName("an id is first seen once; every repeat is reported as seen")
    void firstSeenOnce() {
        assertThat(log.firstSeen("wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", AT)).isTrue();
        assertThat(log.firstSeen("wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", AT)).isFalse();
        assertThat(log.firstSeen("wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", AT.plusSeconds(86_400)))
                .isFalse();
        assertThat(log.firstSeen("wamid.other", AT)).isTrue();
    }

    @Test
    @DisplayName("a forgotten id is first seen again; forgetting an unknown id is harmless")
    void forget() {
        log.firstSeen("wamid.failed", AT);
        log.forget("wamid.failed");
        log.forget("wamid.never-seen");
        assertThat(log.firstSeen("wamid.failed", AT)).isTrue();
        assertThat(log.firstSeen("wamid.failed", AT)).isFalse();
    }

    @Test
    @DisplayName("ids differing only in case are different ids")
    void caseSensitive() {
        assertThat(log.firstSeen("wamid.AbC", AT)).isTrue();
        assertThat(log.firstSeen("wamid.abc", AT)).isTrue();
    }

    @Test
    @DisplayName("a purge removes the ids recorded before the cutoff, keeps the rest, and says how many went")
    void purgeBefore() {
        log.firstSeen("wamid.old-1", AT.minus(Duration.ofDays(10)));
        log.firstSeen("wamid.old-2", AT.minus(Duration.ofDays(8)));
        log.firstSeen("wamid.at-cutoff", AT.minus(Duration.ofDays(7)));
        log.firstSeen("wamid.recent", AT.minus(Duration.ofHours(1)));

        assertThat(log.purgeProcessedBefore(AT.minus(Duration.ofDays(7)))).isEqualTo(2);
        assertThat(log.purgeProcessedBefore(AT.minus(Duration.ofDays(7)))).as("nothing left to purge").isZero();
        assertThat(log.firstSeen("wamid.at-cutoff", AT)).as("kept: not before the cutoff").isFalse();
        assertThat(log.firstSeen("wamid.recent", AT)).as("kept").isFalse();
        assertThat(log.firstSeen("wamid.old-1", AT)).as("purged, so new again").isTrue();
        assertThat(log.firstSeen("wamid.old-2", AT)).as("purged, so new again").isTrue();
    }

    @Test
    @DisplayName("a purge by retention keeps at least 7 days and refuses a shorter retention")
    void purgeByRetention() {
        log.firstSeen("wamid.nine-days", AT.minus(Duration.ofDays(9)));
        log.firstSeen("wamid.six-days", AT.minus(Duration.ofDays(6)));
        assertThatThrownBy(() -> log.purgeProcessedOlderThan(Duration.ofDays(6), AT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("7 days");
        assertThat(log.firstSeen("wamid.nine-days", AT)).as("the refused purge removed nothing").isFalse();

        assertThat(log.purgeProcessedOlderThan(ProcessedMessageLog.MIN_RETENTION, AT)).isEqualTo(1);
        assertThat(log.firstSeen("wamid.six-days", AT)).isFalse();
        assertThat(log.firstSeen("wamid.nine-days", AT)).isTrue();
    }

    @Test
    @DisplayName("8 threads recording one id at once: exactly one sees it first")
    void concurrent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String id = "wamid.race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Callable<Boolean> call = () -> {
                        start.await();
                        return log.firstSeen(id, AT);
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                int first = 0;
                for (Future<Boolean> f : results) {
                    first += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(first).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
