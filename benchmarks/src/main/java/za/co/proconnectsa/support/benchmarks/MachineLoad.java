package za.co.proconnectsa.support.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A note after each measured iteration of the database benchmarks: the 1-minute load average and any
 * other builds, test JVMs or database servers running on the machine meanwhile. On a shared 2-core
 * build machine those skew a database benchmark by 2x and more; an iteration with company is to be
 * distrusted (rerun when the machine is quiet).
 */
final class MachineLoad {

    private static final Pattern OTHERS = Pattern.compile("surefire|plexus-classworlds|mariadbd|chromium|gradle|jmh|benchmarks\\.jar");

    private MachineLoad() {
    }

    /** Prints the note (Linux only; elsewhere prints nothing). */
    static void note() {
        String note = describe();
        if (!note.isEmpty()) {
            System.out.print("[" + note + "] ");
        }
    }

    /** @return "load 1.81, other builds/tests: none" (Linux only; elsewhere empty) */
    static String describe() {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "";
        }
        String load;
        try {
            load = Files.readString(loadavg).split(" ")[0];
        } catch (IOException e) {
            return "";
        }
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        List<String> others = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.pid() != parent)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> OTHERS.matcher(c).find())
                .map(c -> OTHERS.matcher(c).results().findFirst().map(m -> m.group()).orElse("?"))
                .distinct()
                .toList();
        return String.format(Locale.ROOT, "load %s, other builds/tests: %s", load,
                others.isEmpty() ? "none" : String.join(", ", others));
    }
}
