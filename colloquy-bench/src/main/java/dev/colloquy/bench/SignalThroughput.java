package dev.colloquy.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings the signal benchmarks ({@link SignalsBenchmark}, {@link LanguageBenchmark}) share, which JMH
 * reads from the superclass: operations (and their byte counters) per second, in one fork at {@code -Xmx512m}
 * (the heap bound issue 4 sets), after 3 warm-up iterations of 5 s, over 5 measured iterations of 5 s.
 * A benchmark's own annotation, or a JMH option on the command line, overrides one of them.
 */
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@OutputTimeUnit(TimeUnit.SECONDS)
abstract class SignalThroughput {
}
