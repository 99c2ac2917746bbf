package za.co.proconnectsa.support.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The library modules' Javadoc, as a host reads it: every public package (the {@code internal} ones are not API)
 * builds with the JDK's javadoc and its default checks, without a single warning, and speaks of no document a host
 * does not have.
 */
class ApiJavadocTest {

    private static final List<String> MODULES = List.of("support-core", "support-testing", "support-jdbc",
            "support-whatsapp");

    @Test
    @DisplayName("the API's Javadoc builds with no warning and no error")
    void noWarnings(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        List<String> sourcePath = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).isDirectory();
            sourcePath.add(sources.toString());
            try (Stream<Path> dirs = Files.walk(sources)) {
                dirs.filter(d -> d.getFileName().toString().equals("internal"))
                        .forEach(d -> internal.add(sources.relativize(d).toString().replace(File.separatorChar, '.')));
            }
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        StringWriter log = new StringWriter();
        List<String> options = new ArrayList<>(List.of("-quiet", "-Xmaxwarns", "10000", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path"),
                "-sourcepath", String.join(File.pathSeparator, sourcePath),
                "-subpackages", "za.co.proconnectsa.support",
                "-exclude", String.join(":", internal)));
        boolean ok = javadoc.getTask(log, null, null, null, options, null).call();

        assertThat(internal).as("internal packages left out").hasSizeGreaterThanOrEqualTo(4);
        assertThat(log.toString()).as("javadoc output").doesNotContain("warning").doesNotContain("error");
        assertThat(ok).isTrue();
        assertThat(out.resolve("za/co/proconnectsa/support/SupportDesk.html")).exists();
        assertThat(out.resolve("za/co/proconnectsa/support/internal")).doesNotExist();
    }

    @Test
    @DisplayName("no main source or message bundle mentions the write-up or the seed, which hosts never see")
    void noPrivateDocuments() throws IOException {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties")).toList()) {
                    String text = Files.readString(f).toLowerCase(java.util.Locale.ROOT);
                    if (text.contains("write-up") || text.contains("writeup") || text.contains("the seed")
                            || text.contains("seed's")) {
                        found.add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
