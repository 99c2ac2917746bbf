package za.co.proconnectsa.support.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README and of docs/ is example code that compiles in this module: made of
 * {@code // name:begin} ... {@code // name:end} regions of the examples' sources (imports first). The blocks written
 * before this rule are listed in {@link #NOT_YET_EXAMPLES} by their first line; the list may only shrink.
 */
class DocBlocksTest {

    private static final Path EXAMPLES = Path.of("src/main/java/za/co/proconnectsa/support/examples/quickstart");
    private static final Pattern REGION = Pattern.compile("// ([\\w-]+):begin\\n(.*?)// \\1:end", Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    /** Blocks not yet turned into examples, by their first line: fragments that need a running inbox or store. */
    private static final List<String> NOT_YET_EXAMPLES = List.of(
            "List<Job> dead = store.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 50);",
            "TicketReplyResult reply = inbox.replyOnTicket(agent, \"PCS-000042\", \"Refunded, sorry about that!\");",
            "OutboxRelay relay = OutboxRelay.builder(store)",
            "import java.util.List;",
            "store.inTransaction(() -> {",
            "import java.time.Instant;",
            "class MyTicketStoreTest extends TicketStoreContract {",
            "WhatsAppLink link = WhatsAppLink.builder()",
            "List<LabelledRequest> examples = new ArrayList<>(LabelledRequest.standardCorpus());");

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    @DisplayName("each Java block of the README and docs/ is made of example regions, imports included")
    void blocksAreExamples() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = REGION.matcher(Files.readString(f));
                while (m.find()) {
                    regions.put(f.getFileName() + "#" + m.group(1), normalise(m.group(2)));
                }
            }
        }
        List<Path> docs = new ArrayList<>(List.of(Path.of("../../README.md")));
        try (Stream<Path> files = Files.list(Path.of("../../docs"))) {
            docs.addAll(files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        List<String> notExamples = new ArrayList<>();
        List<String> stillListed = new ArrayList<>();
        int blocks = 0;
        for (Path doc : docs) {
            Matcher m = BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                blocks++;
                String block = m.group(1);
                String rest = normalise(block);
                boolean hasImports = false;
                for (Map.Entry<String, String> region : regions.entrySet()) {
                    if (!region.getValue().isEmpty() && rest.contains(region.getValue())) {
                        rest = rest.replace(region.getValue(), "").strip();
                        hasImports |= region.getKey().endsWith("-imports");
                    }
                }
                String first = block.lines().findFirst().orElse("").replaceAll("\\s+//.*$", "").strip();
                boolean listed = NOT_YET_EXAMPLES.contains(first);
                if (rest.isEmpty() && hasImports) {
                    if (listed) {
                        stillListed.add(first);
                    }
                } else if (!listed) {
                    notExamples.add(doc.getFileName() + ": " + first);
                }
            }
        }
        assertThat(blocks).isGreaterThan(NOT_YET_EXAMPLES.size());
        assertThat(notExamples).as("blocks that are not example regions with their imports").isEmpty();
        assertThat(stillListed).as("blocks that became examples: take them off NOT_YET_EXAMPLES").isEmpty();
    }
}
