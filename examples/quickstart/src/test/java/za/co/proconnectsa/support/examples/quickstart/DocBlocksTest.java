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
 * Every Java block of the README, of docs/ and of the starter's and the portal's READMEs is example code that compiles in this module: made of
 * {@code // name:begin} ... {@code // name:end} regions of the examples' sources, main and test (imports first), so
 * each compiles in the build and shows its imports.
 */
class DocBlocksTest {

    private static final List<Path> EXAMPLES = List.of(
            Path.of("src/main/java/za/co/proconnectsa/support/examples/quickstart"),
            Path.of("src/test/java/za/co/proconnectsa/support/examples/quickstart"),
            // the starter README's blocks, compiled and run with Spring on the class path by the portal's tests
            Path.of("../support-portal/src/test/java/za/co/proconnectsa/support/examples/starterreadme"));
    private static final Pattern REGION = Pattern.compile("// ([\\w-]+):begin\\n(.*?)// \\1:end", Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    @DisplayName("each Java block of the README and docs/ is made of example regions, imports included")
    void blocksAreExamples() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path dir : EXAMPLES) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REGION.matcher(Files.readString(f));
                    while (m.find()) {
                        regions.put(f.getFileName() + "#" + m.group(1), normalise(m.group(2)));
                    }
                }
            }
        }
        List<Path> docs = new ArrayList<>(List.of(Path.of("../../README.md"),
                Path.of("../../support-spring-boot-starter/README.md"), Path.of("../support-portal/README.md")));
        try (Stream<Path> files = Files.list(Path.of("../../docs"))) {
            docs.addAll(files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        List<String> notExamples = new ArrayList<>();
        int blocks = 0;
        for (Path doc : docs) {
            Matcher m = BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                blocks++;
                String block = m.group(1);
                String rest = normalise(block);
                boolean hasImports = false;
                // longest first, so a short region inside a longer one does not break the longer one's match
                for (Map.Entry<String, String> region : regions.entrySet().stream()
                        .sorted((a, b) -> b.getValue().length() - a.getValue().length()).toList()) {
                    if (!region.getValue().isEmpty() && rest.contains(region.getValue())) {
                        rest = rest.replace(region.getValue(), "").strip();
                        hasImports |= region.getKey().endsWith("-imports");
                    }
                }
                if (!rest.isEmpty() || !hasImports) {
                    notExamples.add(doc.getFileName() + ": " + block.lines().findFirst().orElse("").strip()
                            + (hasImports ? "" : " (no imports)") + (rest.isEmpty() ? "" : "; not in a region: "
                            + rest.substring(0, Math.min(80, rest.length()))));
                }
            }
        }
        assertThat(blocks).as("Java blocks found").isGreaterThan(10);
        assertThat(notExamples).as("blocks that are not example regions with their imports").isEmpty();
    }
}
