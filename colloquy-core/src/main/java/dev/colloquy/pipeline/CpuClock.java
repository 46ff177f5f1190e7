package dev.colloquy.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * CPU time for the run's {@code cpu.*} timings: where a run spends processor time, which on a shared machine says
 * more than wall time. Returns 0 where the JVM cannot tell.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean THREAD_CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private CpuClock() {
    }

    /** CPU nanoseconds used by the calling thread so far. */
    static long thread() {
        return THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** CPU nanoseconds used by this whole process so far (JVM start, compiler and GC threads included). */
    static long process() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }
}
