package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuClockTest {

    @Test
    void jvmThreadNamesAsLinuxShortensThemFallIntoJitAndGc() {
        assertThat(CpuClock.kind("C2 CompilerThre")).isEqualTo("jvm.jit");
        assertThat(CpuClock.kind("C1 CompilerThre")).isEqualTo("jvm.jit");
        assertThat(CpuClock.kind("GC Thread#0")).isEqualTo("jvm.gc");
        assertThat(CpuClock.kind("G1 Conc#0")).isEqualTo("jvm.gc");
        assertThat(CpuClock.kind("VM Thread")).isEqualTo("jvm.gc");
        assertThat(CpuClock.kind("colloquy-worker")).isNull();
        assertThat(CpuClock.kind("main")).isNull();
        assertThat(CpuClock.kind("VM Periodic Tas")).isNull();
    }

    @Test
    void onLinuxTheCompilerThreadsHaveUsedCpuByTheTimeTestsRun() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        Map<String, Long> parts = CpuClock.jvmThreads();
        assertThat(parts).containsKey("jvm.jit");
        assertThat(parts.get("jvm.jit")).isPositive();
        // never more than the whole process has used
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(
                (long) (CpuClock.process() * 1.1) + 50_000_000L);
    }
}
