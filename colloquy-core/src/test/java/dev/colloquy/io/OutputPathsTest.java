package dev.colloquy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnOutputThatIsAnInputUnderAnotherName() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "x");
        Files.createDirectories(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        for (Path out : List.of(in, dir.resolve("sub/../a.txt"), link)) {
            assertThatThrownBy(() -> OutputPaths.requireDistinct(List.of(InputSources.of(in)), Map.of("-o", out)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-o '" + out + "' is the same file as the input '" + in + "'");
        }
    }

    @Test
    void refusesTwoOutputsThatAreOneFileEvenBeforeItExists() {
        Map<String, Path> outs = new LinkedHashMap<>();
        outs.put("-o", dir.resolve("new/x.jsonl"));
        outs.put("--quarantine", dir.resolve("new/./x.jsonl"));
        assertThatThrownBy(() -> OutputPaths.requireDistinct(List.of(), outs))
                .hasMessageContaining("--quarantine").hasMessageContaining("same file as -o");
    }

    @Test
    void acceptsDistinctPathsDevicesAndStdin() {
        Map<String, Path> outs = new LinkedHashMap<>();
        outs.put("-o", dir.resolve("o.jsonl"));
        outs.put("--quarantine", dir.resolve("q.jsonl"));
        outs.put("--explain", null);
        assertThatCode(() -> OutputPaths.requireDistinct(List.of(InputSources.of(new ByteArrayInputStream(new byte[0]))),
                outs)).doesNotThrowAnyException();
        if (Files.exists(Path.of("/dev/null"))) {
            Map<String, Path> devices = new LinkedHashMap<>();
            devices.put("-o", Path.of("/dev/null"));
            devices.put("--quarantine", Path.of("/dev/null"));
            assertThatCode(() -> OutputPaths.requireDistinct(List.of(), devices)).doesNotThrowAnyException();
        }
    }

    private static final List<List<String>> EXPLAIN = List.of(List.of("line", "repairs"),
            List.of("file", "line", "repairs"));

    @Test
    void replacesOnlyANewOrEmptyFileADeviceOrAnEarlierOutputToldByItsFirstKeys() throws Exception {
        String longName = "x".repeat(200_000);
        for (String earlier : List.of("", "{\"line\":1,\"repairs\":[]}\n{\"line\":2,",
                "{\"file\":\"" + longName + "\",\"line\":7,\"repairs\":[{\"kind\":\"mojibake\"}]}\n")) {
            Path p = Files.writeString(dir.resolve("e.jsonl"), earlier);
            assertThatCode(() -> OutputPaths.requireReplaceable(p, "--explain", EXPLAIN, "fix it"))
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> OutputPaths.requireReplaceable(dir.resolve("new.jsonl"), "--explain", EXPLAIN, "fix it"))
                .doesNotThrowAnyException();
        if (Files.exists(Path.of("/dev/null"))) {
            assertThatCode(() -> OutputPaths.requireReplaceable(Path.of("/dev/null"), "--explain", EXPLAIN, "fix it"))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesToReplaceAFileThatIsNotAnEarlierOutputOrADirectory() throws Exception {
        for (String other : List.of("caf\u00c3\u00a9\n", "{\"file\":\"a\",\"repairs\":[],\"line\":1}\n",
                "{\"line\":1}", "{\"line\":1,\"repairs\"", "\"line\"\n", "{\"messages\":[]}\n")) {
            Path p = Files.writeString(dir.resolve("data.txt"), other);
            assertThatThrownBy(() -> OutputPaths.requireReplaceable(p, "--explain", EXPLAIN, "fix it"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--explain '" + p + "' already exists and is not an earlier --explain output (its"
                            + " first line is not a JSON object starting with the keys line, repairs or file, line,"
                            + " repairs), so writing it would destroy it; fix it");
        }
        assertThatThrownBy(() -> OutputPaths.requireReplaceable(dir, "--explain", EXPLAIN, "fix it"))
                .hasMessage("--explain '" + dir + "' is a directory; fix it");
    }

    @Test
    void findsInputsInsideADirectory() throws Exception {
        Path out = Files.createDirectories(dir.resolve("in/out"));
        Path inside = Files.writeString(out.resolve("kept.jsonl"), "x");
        Path outside = Files.writeString(dir.resolve("in/a.jsonl"), "x");
        assertThat(OutputPaths.inside(List.of(InputSources.of(outside), InputSources.of(inside)), out))
                .extracting(InputSource::name).containsExactly(inside.toString());
        assertThat(OutputPaths.isInside(out, dir.resolve("in"))).isTrue();
        assertThat(OutputPaths.isInside(dir.resolve("in"), out)).isFalse();
    }
}
