package za.co.proconnectsa.support.attachment;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.internal.Checks;

/**
 * An {@link AttachmentStore} in memory, for tests and demonstrations: everything is lost when the process ends.
 * Thread-safe.
 */
public final class InMemoryAttachmentStore extends Attachments {

    private record Kept(AttachmentRecord record, byte[] content) {
    }

    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    private InMemoryAttachmentStore() {
    }

    /** @return an empty store */
    public static InMemoryAttachmentStore create() {
        return new InMemoryAttachmentStore();
    }

    @Override
    public AttachmentRecord save(AttachmentRecord record, byte[] content) {
        Checks.notNull(record, "record").requireContent(content);
        return kept.computeIfAbsent(record.id(), id -> new Kept(record, content.clone())).record();
    }

    @Override
    public Optional<AttachmentRecord> find(UUID id) {
        return Optional.ofNullable(kept.get(Checks.notNull(id, "id"))).map(Kept::record);
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        return Optional.ofNullable(kept.get(Checks.notNull(id, "id"))).map(k -> k.content().clone());
    }

    @Override
    public boolean delete(UUID id) {
        return kept.remove(Checks.notNull(id, "id")) != null;
    }

    @Override
    Stream<AttachmentRecord> records() {
        return kept.values().stream().map(Kept::record);
    }
}
