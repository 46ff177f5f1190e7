package dev.colloquy.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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

    /*
     * The JVM's own threads are invisible to ThreadMXBean, yet on a short run the JIT compilers alone can take a third
     * of the process (docs/pipeline.md). Linux shows every thread's name and on-CPU nanoseconds under
     * /proc/self/task; elsewhere this finds nothing and the run reports no such parts.
     */

    /**
     * CPU nanoseconds of the JVM's compiler threads ({@code "jvm.jit"}) and of its collector and VM-operation
     * threads ({@code "jvm.gc"}: the serial collector collects on the VM thread) still alive; empty where the
     * system does not tell.
     */
    static Map<String, Long> jvmThreads() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                String kind = kind(read(t.resolve("comm")));
                if (kind != null) {
                    // schedstat: "<ns on CPU> <ns waiting> <timeslices>"
                    String[] f = read(t.resolve("schedstat")).split(" ");
                    if (f.length > 0 && !f[0].isEmpty()) {
                        out.merge(kind, Long.parseLong(f[0]), Long::sum);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a thread that ended while listed, or an unexpected format: report nothing
        }
        return out;
    }

    /** The part a JVM thread's name (as Linux shortens it to 15 characters) belongs to, or null. */
    static String kind(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return "jvm.jit";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "jvm.gc";
        }
        return null;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).strip();
    }
}
