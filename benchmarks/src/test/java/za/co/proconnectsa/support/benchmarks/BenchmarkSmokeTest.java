package za.co.proconnectsa.support.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of {@link BenchmarkSuite} once, in smoke mode: each benchmark in this JVM for one short iteration on a
 * tiny data set (the portal's in-process calls only; the four-desk run is {@link FourDesksTest}), so that none rots.
 * The figures mean nothing; the test asserts that each produced them.
 */
class BenchmarkSmokeTest {

    @BeforeAll
    static void keepDataSetsInTarget() {
        // the kept data sets of the smoke run live in this module's target directory
        System.setProperty(QueueDataset.DATA_PROPERTY, Path.of("target", "smoke-data").toAbsolutePath().toString());
    }

    static List<String> entries() {
        return BenchmarkSuite.ENTRIES.stream().filter(e -> !e.equals("FourDesks")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("each benchmark entry runs and produces a figure for each of its rows")
    void smoke(String entry) throws Exception {
        BenchmarkSuite.EntryResult result = new BenchmarkSuite(true, null).run(entry);

        assertThat(result.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.entry()).isEqualTo(entry);
            assertThat(row.figure()).as(row.what()).isFinite().isPositive();
            assertThat(row.markdown()).startsWith("| ").endsWith(" |").doesNotContain("NaN");
        });
    }

    @Test
    @DisplayName("the suite writes its table between the README's markers and keeps the rest")
    void replacesBetweenMarkers() {
        String readme = "# Benchmarks\n\nbefore\n" + BenchmarkSuite.BEGIN + "\nold table\n" + BenchmarkSuite.END
                + "\nafter\n";

        String written = BenchmarkSuite.replaceBetweenMarkers(readme, "| new | table |\n");

        assertThat(written).isEqualTo("# Benchmarks\n\nbefore\n" + BenchmarkSuite.BEGIN + "\n| new | table |\n"
                + BenchmarkSuite.END + "\nafter\n");
    }
}
