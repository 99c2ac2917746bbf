package za.co.proconnectsa.support.attachment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/**
 * An {@link AttachmentStore} in a directory of the file system: each attachment is two files named by its id alone
 * ({@code 3f2b....bin} with the bytes, {@code 3f2b....properties} with the record), so no name a customer sent can
 * reach a path and nothing is written outside the directory. Each file is written beside its final name and moved
 * into place, the record last, so a crash never leaves a record without its bytes. Listing by conversation or ticket
 * reads every record: this store suits a desk with thousands of attachments; beyond that use the JDBC store or an
 * object store of your own. Thread-safe, and several processes may share the directory.
 *
 * <pre>{@code
 * AttachmentStore attachments = FileSystemAttachmentStore.create(Path.of("/var/lib/support/attachments"));
 * }</pre>
 */
public final class FileSystemAttachmentStore extends Attachments {

    private static final String CONTENT = ".bin";
    private static final String RECORD = ".properties";

    private final Path root;

    private FileSystemAttachmentStore(Path root) {
        this.root = root;
    }

    /**
     * @param directory where the files go; created when missing
     * @return the store
     * @throws StoreUnavailableException when the directory cannot be created
     */
    public static FileSystemAttachmentStore create(Path directory) {
        Path root = Checks.notNull(directory, "directory").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not create the attachment directory " + root, e);
        }
        return new FileSystemAttachmentStore(root);
    }

    /** @return the directory the files are kept in */
    public Path directory() {
        return root;
    }

    @Override
    public AttachmentRecord save(AttachmentRecord record, byte[] content) {
        Checks.notNull(record, "record").requireContent(content);
        Optional<AttachmentRecord> before = find(record.id());
        if (before.isPresent()) {
            return before.get();
        }
        try {
            moveIntoPlace(content, file(record.id(), CONTENT));
            moveIntoPlace(encode(record), file(record.id(), RECORD));
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not write attachment " + record.id(), e);
        }
        return record;
    }

    @Override
    public Optional<AttachmentRecord> find(UUID id) {
        Path path = file(Checks.notNull(id, "id"), RECORD);
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(decode(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("Could not read attachment " + id, e);
        }
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(id, CONTENT)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not read attachment " + id, e);
        }
    }

    @Override
    public boolean delete(UUID id) {
        try {
            // the record first: without it the bytes are invisible
            boolean existed = Files.deleteIfExists(file(Checks.notNull(id, "id"), RECORD));
            Files.deleteIfExists(file(id, CONTENT));
            return existed;
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not delete attachment " + id, e);
        }
    }

    @Override
    Stream<AttachmentRecord> records() {
        List<AttachmentRecord> out = new ArrayList<>();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(root, "*" + RECORD)) {
            for (Path path : records) {
                String name = path.getFileName().toString();
                UUID id;
                try {
                    id = UUID.fromString(name.substring(0, name.length() - RECORD.length()));
                } catch (IllegalArgumentException notOurs) {
                    continue;
                }
                find(id).ifPresent(out::add);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreUnavailableException("Could not list the attachment directory " + root, e);
        }
        return out.stream();
    }

    private Path file(UUID id, String suffix) {
        // the name comes from the UUID alone, never from anything a person sent
        return root.resolve(id + suffix);
    }

    private void moveIntoPlace(byte[] bytes, Path target) throws IOException {
        Path temp = Files.createTempFile(root, ".part-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] encode(AttachmentRecord r) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", r.id().toString());
        p.setProperty("kind", r.kind().name());
        p.setProperty("contentType", r.contentType());
        p.setProperty("sizeBytes", Long.toString(r.sizeBytes()));
        p.setProperty("sha256", r.sha256());
        p.setProperty("createdAt", r.createdAt().toString());
        setIfPresent(p, "fileName", r.fileName());
        setIfPresent(p, "caption", r.caption());
        setIfPresent(p, "conversationId", r.conversationId() == null ? null : r.conversationId().toString());
        setIfPresent(p, "ticketId", r.ticketId() == null ? null : r.ticketId().value().toString());
        setIfPresent(p, "requesterId", r.requesterId());
        setIfPresent(p, "sourceMessageId", r.sourceMessageId());
        java.io.StringWriter out = new java.io.StringWriter();
        try (Writer w = out) {
            p.store(w, null);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void setIfPresent(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static AttachmentRecord decode(Properties p) {
        String conversation = p.getProperty("conversationId");
        String ticket = p.getProperty("ticketId");
        return new AttachmentRecord(UUID.fromString(p.getProperty("id")), AttachmentKind.valueOf(p.getProperty("kind")),
                p.getProperty("contentType"), Long.parseLong(p.getProperty("sizeBytes")), p.getProperty("sha256"),
                p.getProperty("fileName"), p.getProperty("caption"), Instant.parse(p.getProperty("createdAt")),
                conversation == null ? null : UUID.fromString(conversation),
                ticket == null ? null : new TicketId(UUID.fromString(ticket)), p.getProperty("requesterId"),
                p.getProperty("sourceMessageId"));
    }
}
