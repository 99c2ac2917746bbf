package za.co.proconnectsa.support.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.ValidationException;

class DeliveryStatusTrackerTest {

    private static StatusUpdate update(String id, DeliveryStatus status, long at) {
        return new StatusUpdate(id, "106540352242922", status, "27679518124", null, Instant.ofEpochSecond(at),
                List.of());
    }

    @Test
    @DisplayName("SENT, DELIVERED, READ in order: each advances")
    void inOrder() {
        DeliveryStatusTracker tracker = DeliveryStatusTracker.inMemory();
        assertThat(tracker.apply(update("w", DeliveryStatus.SENT, 1))).isTrue();
        assertThat(tracker.apply(update("w", DeliveryStatus.DELIVERED, 2))).isTrue();
        assertThat(tracker.apply(update("w", DeliveryStatus.READ, 3))).isTrue();
        assertThat(tracker.current("w")).map(StatusUpdate::status).contains(DeliveryStatus.READ);
    }

    @Test
    @DisplayName("a late DELIVERED never downgrades a READ; repeats change nothing")
    void lateDelivered() {
        DeliveryStatusTracker tracker = DeliveryStatusTracker.inMemory();
        assertThat(tracker.apply(update("w", DeliveryStatus.READ, 3))).isTrue();
        assertThat(tracker.apply(update("w", DeliveryStatus.DELIVERED, 2))).isFalse();
        assertThat(tracker.apply(update("w", DeliveryStatus.SENT, 1))).isFalse();
        assertThat(tracker.apply(update("w", DeliveryStatus.READ, 3))).isFalse();
        assertThat(tracker.current("w").orElseThrow().timestamp()).isEqualTo(Instant.ofEpochSecond(3));
    }

    @Test
    @DisplayName("FAILED wins over SENT and DELIVERED, never over READ")
    void failed() {
        DeliveryStatusTracker tracker = DeliveryStatusTracker.inMemory();
        tracker.apply(update("a", DeliveryStatus.DELIVERED, 1));
        assertThat(tracker.apply(update("a", DeliveryStatus.FAILED, 2))).isTrue();
        assertThat(tracker.apply(update("a", DeliveryStatus.DELIVERED, 3))).isFalse();
        assertThat(tracker.apply(update("a", DeliveryStatus.READ, 4))).isTrue();
        assertThat(tracker.apply(update("a", DeliveryStatus.FAILED, 5))).isFalse();
        assertThat(tracker.current("a")).map(StatusUpdate::status).contains(DeliveryStatus.READ);
        assertThat(tracker.current("unknown")).isEmpty();
    }

    @Test
    @DisplayName("bounded: the least recently touched message is forgotten")
    void capacity() {
        DeliveryStatusTracker tracker = DeliveryStatusTracker.withCapacity(2);
        tracker.apply(update("a", DeliveryStatus.SENT, 1));
        tracker.apply(update("b", DeliveryStatus.SENT, 1));
        tracker.current("a");
        tracker.apply(update("c", DeliveryStatus.SENT, 1));
        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.current("a")).isPresent();
        assertThat(tracker.current("b")).isEmpty();
        assertThatThrownBy(() -> DeliveryStatusTracker.withCapacity(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> tracker.apply(null)).isInstanceOf(ValidationException.class);
    }

    @Property(tries = 500)
    @Label("the final status is the highest one, whatever the order of arrival")
    void orderIndependent(@ForAll @Size(min = 1, max = 12) List<DeliveryStatus> statuses, @ForAll long seed) {
        List<StatusUpdate> updates = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            updates.add(update("w", statuses.get(i), i));
        }
        DeliveryStatus highest = Collections.max(statuses, (x, y) -> x.supersedes(y) ? 1 : y.supersedes(x) ? -1 : 0);
        List<StatusUpdate> shuffled = new ArrayList<>(updates);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        DeliveryStatusTracker tracker = DeliveryStatusTracker.inMemory();
        shuffled.forEach(tracker::apply);
        assertThat(tracker.current("w").orElseThrow().status()).isEqualTo(highest);
    }
}
