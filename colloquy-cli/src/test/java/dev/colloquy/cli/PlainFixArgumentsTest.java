package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class PlainFixArgumentsTest {

    static Stream<List<String>> plainArguments() {
        return Stream.of(List.of(), List.of("-"), List.of("a.txt"), List.of("a.txt", "dir/", "*.jsonl", "-"),
                List.of("--explain=out.jsonl"), List.of("a.txt", "--explain=out.jsonl", "b.txt"),
                List.of("--explain", "/dev/full", "in.txt"), List.of("in.txt", "--explain", "x=y.jsonl"),
                List.of("naïve file.txt", "--explain=dir/with space.jsonl"));
    }

    @ParameterizedTest
    @MethodSource("plainArguments")
    void readsPlainArgumentsAsPicocliDoes(List<String> args) {
        FixCommand plain = PlainFixArguments.parse(args.toArray(String[]::new));
        FixCommand picocli = new FixCommand();
        new CommandLine(picocli).parseArgs(args.toArray(String[]::new));
        assertThat(plain).isNotNull();
        assertThat(plain.files).isEqualTo(picocli.files);
        assertThat(plain.explain).isEqualTo(picocli.explain);
    }

    static Stream<List<String>> argumentsForPicocli() {
        return Stream.of(List.of("--help"), List.of("-h"), List.of("--version"), List.of("-V"), List.of("--bogus"),
                List.of("a.txt", "-x"), List.of("--"), List.of("--", "-weird.txt"), List.of("@args.txt"),
                List.of("--explain"), List.of("--explain="), List.of("--explain", "--help"),
                List.of("--explain=a.jsonl", "--explain=b.jsonl"), List.of("--explain", "-"), List.of(""),
                List.of("--explain=@x"), List.of("--explain=a\u0000b"));
    }

    @ParameterizedTest
    @MethodSource("argumentsForPicocli")
    void leavesHelpOptionsErrorsAndEveryOtherFormToPicocli(List<String> args) {
        assertThat(PlainFixArguments.parse(args.toArray(String[]::new))).isNull();
    }
}
