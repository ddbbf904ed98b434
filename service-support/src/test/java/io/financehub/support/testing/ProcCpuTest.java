package io.financehub.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcCpuTest {

    private static final long PID = ProcessHandle.current().pid();

    @Test
    void aBusyThreadIsCountedForItsProcessAndByItsName() throws Exception {
        long processBefore = ProcCpu.processTicks(PID);
        long namedBefore = ProcCpu.threadTicks(PID, "proc-cpu-spin"::equals);
        long machineBefore = ProcCpu.machine().busy();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1); // the thread must still live when its ticks are read
        Thread spin = new Thread(() -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            long sink = 0;
            while (System.nanoTime() < until) {
                sink += System.identityHashCode(new Object());
            }
            if (sink == 42) {
                System.out.println(sink);
            }
            done.countDown();
            try {
                read.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "proc-cpu-spin");
        spin.start();
        done.await();
        long named = ProcCpu.threadTicks(PID, "proc-cpu-spin"::equals) - namedBefore;
        read.countDown();
        spin.join();

        // 300 ms of CPU is 30 ticks; the kernel samples per tick, so allow for a busy machine lending the core away.
        assertTrue(named >= 10, "the spinning thread's ticks: " + named);
        assertTrue(ProcCpu.processTicks(PID) - processBefore >= named, "the process holds its thread's time");
        assertTrue(ProcCpu.machine().busy() - machineBefore >= named, "the machine holds the process' time");
        assertEquals(0, ProcCpu.threadTicks(PID, "no-such-thread"::equals));
    }

    @Test
    void aProcessThatIsGoneReadsAsZero() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        assertEquals(0, ProcCpu.processTicks(exited.pid()));
        assertEquals(0, ProcCpu.processesNamedTicks("no-such-process"));
    }
}
