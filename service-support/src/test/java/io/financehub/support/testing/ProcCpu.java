package io.financehub.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU times from Linux's /proc, for the benchmarks that say where a window's CPU went: a process, some of its threads,
 * the machine. Times are in clock ticks (USER_HZ, 100 per second on every Linux architecture the project runs on). A
 * process or thread that is gone, or a machine without /proc, reads as 0.
 */
public final class ProcCpu {

    public static final long TICKS_PER_SECOND = 100;
    public static final long MILLIS_PER_TICK = 1000 / TICKS_PER_SECOND;
    public static final Path PROC = Path.of("/proc");

    private ProcCpu() {
    }

    /**
     * The machine's CPU so far, from /proc/stat's first line. Steal is the time the hypervisor ran another guest while
     * this machine's CPUs had work; it is in neither busy nor idle.
     */
    public record Machine(long busy, long idle, long steal) {

        /** Busy and idle ticks: everything but steal. */
        public long all() {
            return busy + idle;
        }
    }

    /** utime + stime of a process: {@code /proc/<pid>} or {@code /proc/self}. */
    public static long processTicks(Path process) {
        long[] times = times(process.resolve("stat"));
        return times[0] + times[1];
    }

    public static long processTicks(long pid) {
        return processTicks(PROC.resolve(Long.toString(pid)));
    }

    /** utime + stime of a process and of the children it has waited for (cutime + cstime): finished subprocesses. */
    public static long processAndReapedChildrenTicks(Path process) {
        long[] times = times(process.resolve("stat"));
        return times[0] + times[1] + times[2] + times[3];
    }

    /** utime + stime of those threads of {@code pid} whose name (comm, at most 15 characters) matches. */
    public static long threadTicks(long pid, Predicate<String> name) {
        try (Stream<Path> tasks = Files.list(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            return tasks.filter(task -> name.test(read(task.resolve("comm")).strip()))
                    .mapToLong(ProcCpu::processTicks).sum();
        } catch (IOException gone) {
            return 0;
        }
    }

    /** utime + stime of every process whose name (comm) is {@code name}. */
    public static long processesNamedTicks(String name) {
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> name.equals(read(p.resolve("comm")).strip()))
                    .mapToLong(ProcCpu::processTicks).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** busy = user nice system irq softirq; idle = idle iowait; steal. */
    public static Machine machine() {
        String[] cpu = read(PROC.resolve("stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
        long[] t = new long[8];
        for (int i = 0; i < t.length && i + 1 < cpu.length; i++) {
            t[i] = Long.parseLong(cpu[i + 1]);
        }
        return new Machine(t[0] + t[1] + t[2] + t[5] + t[6], t[3] + t[4], t[7]);
    }

    /** {utime, stime, cutime, cstime} of a stat file; zeros if it is gone. */
    private static long[] times(Path stat) {
        String line = read(stat);
        int end = line.lastIndexOf(')');
        if (end < 0) {
            return new long[4];
        }
        // After "pid (comm) ": state is field 3, utime, stime, cutime and cstime are fields 14 to 17.
        String[] fields = line.substring(end + 2).split(" ");
        return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14]) };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}
