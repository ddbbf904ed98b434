package io.financehub.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured window, read from Linux's /proc: PostgreSQL's processes, this JVM
 * (the ledger under test) and the machine as a whole. On two cores the ledger's consumers and PostgreSQL share the
 * CPU, so this split is what the ingest ratio against pgbench (whose client costs almost nothing) comes down to.
 * Processes that exit during the window (an autovacuum worker) are not counted; the ledger's pooled connections live
 * throughout.
 */
final class CpuSplit {

    /** USER_HZ: the unit of /proc's CPU times on every Linux architecture the project runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    private final long postgres;
    private final long self;
    private final long busy;
    private final long all;
    private final long nanos;

    private CpuSplit(long postgres, long self, long busy, long all, long nanos) {
        this.postgres = postgres;
        this.self = self;
        this.busy = busy;
        this.all = all;
        this.nanos = nanos;
    }

    static CpuSplit start() {
        long[] machine = machineTicks();
        return new CpuSplit(postgresTicks(), processTicks(PROC.resolve("self")), machine[0], machine[1],
                System.nanoTime());
    }

    /** "PostgreSQL x cores, ledger JVM y cores, machine busy z of n cores" since {@link #start()}. */
    String stop() {
        double seconds = (System.nanoTime() - nanos) / 1e9;
        long[] machine = machineTicks();
        int cores = Runtime.getRuntime().availableProcessors();
        double busyShare = machine[1] == all ? 0 : (double) (machine[0] - busy) / (machine[1] - all);
        return String.format(Locale.ROOT, "PostgreSQL %.2f cores, ledger JVM %.2f cores, machine busy %.2f of %d cores",
                (postgresTicks() - postgres) / TICKS_PER_SECOND / seconds,
                (processTicks(PROC.resolve("self")) - self) / TICKS_PER_SECOND / seconds, busyShare * cores, cores);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .mapToLong(CpuSplit::processTicks).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of a /proc/[pid] directory; 0 if the process is gone. */
    private static long processTicks(Path process) {
        String stat = read(process.resolve("stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        // After "pid (comm) ": state is field 3, utime and stime are fields 14 and 15.
        String[] fields = stat.substring(end + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {busy, all} ticks of the machine from /proc/stat's first line (user nice system idle iowait irq softirq). */
    private static long[] machineTicks() {
        String[] cpu = read(PROC.resolve("stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
        long[] t = new long[7];
        for (int i = 0; i < t.length && i + 1 < cpu.length; i++) {
            t[i] = Long.parseLong(cpu[i + 1]);
        }
        long busy = t[0] + t[1] + t[2] + t[5] + t[6];
        return new long[] { busy, busy + t[3] + t[4] };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}
