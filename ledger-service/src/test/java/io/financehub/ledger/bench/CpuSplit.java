package io.financehub.ledger.bench;

import java.util.Locale;

import io.financehub.support.testing.ProcCpu;

/**
 * Where the machine's CPU went during a measured window, read from Linux's /proc: PostgreSQL's processes, this JVM
 * (the ledger under test) and the machine as a whole. On two cores the ledger's consumers and PostgreSQL share the
 * CPU, so this split is what the ingest ratio against pgbench (whose client costs almost nothing) comes down to.
 * Processes that exit during the window (an autovacuum worker) are not counted; the ledger's pooled connections live
 * throughout.
 */
final class CpuSplit {

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
        ProcCpu.Machine machine = ProcCpu.machine();
        return new CpuSplit(ProcCpu.processesNamedTicks("postgres"), selfTicks(), machine.busy(), machine.all(),
                System.nanoTime());
    }

    /** "PostgreSQL x cores, ledger JVM y cores, machine busy z of n cores" since {@link #start()}. */
    String stop() {
        double seconds = (System.nanoTime() - nanos) / 1e9;
        ProcCpu.Machine machine = ProcCpu.machine();
        int cores = Runtime.getRuntime().availableProcessors();
        double busyShare = machine.all() == all ? 0 : (double) (machine.busy() - busy) / (machine.all() - all);
        return String.format(Locale.ROOT, "PostgreSQL %.2f cores, ledger JVM %.2f cores, machine busy %.2f of %d cores",
                cores(ProcCpu.processesNamedTicks("postgres") - postgres, seconds),
                cores(selfTicks() - self, seconds), busyShare * cores, cores);
    }

    private static long selfTicks() {
        return ProcCpu.processTicks(ProcCpu.PROC.resolve("self"));
    }

    private static double cores(long ticks, double seconds) {
        return ticks / (double) ProcCpu.TICKS_PER_SECOND / seconds;
    }
}
