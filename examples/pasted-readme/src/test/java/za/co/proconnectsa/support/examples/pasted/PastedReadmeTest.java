package za.co.proconnectsa.support.examples.pasted;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first steps, as the README tells them: an empty Maven project with the dependency blocks pasted into
 * its pom (this module's pom, checked to name exactly those), and each Java block pasted into a {@code main} method,
 * compiled with the JDK's compiler against the run-time class path Maven resolves for those dependencies (from the
 * reactor and the local repository, no network), then run in a JVM of its own. A block that lacks an import, or a
 * dependency block that lacks an artifact, fails here.
 */
class PastedReadmeTest {

    private static final Path README = Path.of("../../README.md");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>(.*?)</groupId>\\s*<artifactId>(.*?)</artifactId>"
                    + "\\s*<version>(.*?)</version>", Pattern.DOTALL);

    private static String block(String section, String language) throws IOException {
        String readme = Files.readString(README);
        int at = readme.indexOf("\n## " + section + "\n");
        assertThat(at).as("README section " + section).isNotNegative();
        int end = readme.indexOf("\n## ", at + 1);
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme.substring(at, end < 0 ? readme.length() : end));
        assertThat(m.find()).as("a " + language + " block in " + section).isTrue();
        return m.group(1);
    }

    private static Set<String> dependencies(String xml) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = DEPENDENCY.matcher(xml);
        while (m.find()) {
            found.add(m.group(1).strip() + ":" + m.group(2).strip() + ":" + m.group(3).strip());
        }
        return found;
    }

    private static List<String> classpath(String name) throws IOException {
        Path file = Path.of("target/readme-classpath", name + ".txt");
        assertThat(file).as("written by maven-dependency-plugin before the tests").exists();
        return Arrays.stream(Files.readString(file).strip().split(File.pathSeparator)).filter(s -> !s.isBlank())
                .toList();
    }

    /** The block in {@code Main.main}: its imports on top, the rest in the method. */
    private static String pasted(String block) {
        String imports = block.lines().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
        String body = block.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n        "));
        return imports + "\n\npublic class Main {\n    public static void main(String[] args) throws Exception {\n        "
                + body + "\n    }\n}\n";
    }

    private static String compile(String source, List<String> classpath, Path dir) throws IOException {
        Path src = dir.resolve("src/Main.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, null, null, List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-cp", String.join(File.pathSeparator, classpath)), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.toFile()))
                .call();
        return ok ? null : log.toString();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> classpath, Path dir) throws Exception {
        List<String> cp = new ArrayList<>(classpath);
        cp.add(0, dir.resolve("classes").toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, cp), "Main")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("Main ends within 2 minutes").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    @DisplayName("this project's pom names exactly the dependencies of the README's two dependency blocks")
    void pomIsTheReadmes() throws IOException {
        Set<String> readme = new LinkedHashSet<>(dependencies(block("Getting started", "xml")));
        Set<String> database = dependencies(block("Storing tickets in a database", "xml"));
        readme.addAll(database);
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> ours = dependencies(pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>")));

        assertThat(readme).contains("za.co.proconnectsa.support:support-core:0.1.0-SNAPSHOT");
        assertThat(ours).containsExactlyInAnyOrderElementsOf(readme);
        assertThat(database).extracting(d -> d.split(":")[1]).containsExactlyInAnyOrder("support-jdbc", "HikariCP", "h2");
    }

    @Test
    @DisplayName("the getting-started block compiles against support-core and slf4j-simple alone and runs without a warning")
    void gettingStarted(@TempDir Path dir) throws Exception {
        List<String> cp = classpath("getting-started");
        assertThat(cp).noneMatch(e -> e.contains("support-jdbc") || e.contains("HikariCP") || e.contains("com/h2database"));

        assertThat(compile(pasted(block("Getting started", "java")), cp, dir)).as("compiler errors").isNull();
        Run run = run(cp, dir);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("SLF4J(W)").doesNotContain("No SLF4J providers");
    }

    @Test
    @DisplayName("the database block compiles against its five dependencies and stores a ticket in H2")
    void database(@TempDir Path dir) throws Exception {
        List<String> cp = classpath("database");

        assertThat(compile(pasted(block("Storing tickets in a database", "java")), cp, dir)).as("compiler errors")
                .isNull();
        Run run = run(cp, dir);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Your ticket number is PCS-000001");
        assertThat(run.err()).doesNotContain("SLF4J(W)");
    }

    @Test
    @DisplayName("the check fails as it should: a missing import or a missing dependency does not compile, "
            + "a missing SLF4J binding warns")
    void catchesWhatIsMissing(@TempDir Path dir) throws Exception {
        String block = block("Getting started", "java");
        List<String> cp = classpath("getting-started");
        String withoutImport = block.lines().filter(l -> !l.contains(".access.Actor;"))
                .collect(Collectors.joining("\n"));
        List<String> withoutCore = cp.stream().filter(e -> !e.contains("support-core")).toList();
        List<String> withoutBinding = cp.stream().filter(e -> !e.contains("slf4j-simple")).toList();

        assertThat(withoutImport).isNotEqualTo(block);
        assertThat(compile(pasted(withoutImport), cp, dir.resolve("a"))).contains("cannot find symbol");
        assertThat(withoutCore).hasSizeLessThan(cp.size());
        assertThat(compile(pasted(block), withoutCore, dir.resolve("b"))).contains("does not exist");
        assertThat(withoutBinding).hasSizeLessThan(cp.size());
        assertThat(compile(pasted(block), withoutBinding, dir.resolve("c"))).isNull();
        assertThat(run(withoutBinding, dir.resolve("c")).err()).contains("No SLF4J providers");
    }
}
