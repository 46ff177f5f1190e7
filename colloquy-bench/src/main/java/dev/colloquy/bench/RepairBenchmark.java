package dev.colloquy.bench;

import dev.colloquy.repair.RepairResult;
import dev.colloquy.repair.TextRepairer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link TextRepairer#repair} throughput, one line per operation, cycling over a whole input file.
 * The {@code bytes} counter is the UTF-8 size of the lines repaired, so JMH reports it as bytes per
 * second: divide by 10^6 for MB/s. Issue 3's targets on one core: at least 300 MB/s on clean text,
 * 30 MB/s on broken text.
 *
 * <p>Input: {@code bench-data/clean-en.txt}, {@code clean-cjk.txt}, {@code broken-multi.txt}, and per script
 * (issue 10) {@code clean-SCRIPT-script.txt} (catalog lines of de fr cs pl vi / ru uk / el / zh ja / ko / th / hi / ar),
 * {@code clean-chat.txt} (multilingual chat turns with emoji) and {@code broken-SCRIPT.txt}, made by
 * {@code bench/make-text.sh}. One script: {@code -p input=clean-cyrillic-script}. Run from the repository root:
 * <pre>
 * mvn -B -q -pl colloquy-bench -am install -DskipTests
 * java -jar colloquy-bench/target/colloquy-bench.jar RepairBenchmark -t 1
 * </pre>
 * or {@code bench/jmh.sh RepairBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RepairBenchmark {

    @Param({"clean-en", "clean-cjk", "broken-multi", "clean-latin-script", "clean-cyrillic-script", "clean-greek-script",
        "clean-cjk-script", "clean-korean-script", "clean-thai-script", "clean-hindi-script", "clean-arabic-script",
        "clean-chat", "broken-latin", "broken-cyrillic", "broken-greek", "broken-cjk"})
    public String input;

    @Param("bench-data")
    public String dataDir;

    private String[] lines;
    private int[] sizes;
    private final TextRepairer repairer = TextRepairer.defaults();

    @Setup(Level.Trial)
    public void load() {
        List<String> all = BenchInputs.lines(dataDir, input);
        lines = all.toArray(String[]::new);
        sizes = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            sizes[i] = BenchInputs.utf8Length(lines[i]) + 1;
        }
    }


    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RepairResult repairLine(InputProgress progress) {
        return repairer.repair(lines[progress.advance(sizes)]);
    }
}
