package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.dedup.DuplicateOf;
import dev.colloquy.model.Finding;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.repair.Repair;
import dev.colloquy.repair.RepairKind;
import dev.colloquy.repair.UnresolvedSpan;
import dev.colloquy.signals.AgreementLoop;
import dev.colloquy.signals.Echo;
import dev.colloquy.signals.Hole;
import dev.colloquy.signals.HoleCue;
import dev.colloquy.signals.LanguageMismatch;
import dev.colloquy.signals.LanguageSpan;
import dev.colloquy.signals.Pii;
import dev.colloquy.signals.PiiKind;
import dev.colloquy.signals.PiiRedaction;
import dev.colloquy.signals.Repetition;
import dev.colloquy.signals.StructureCounts;
import dev.colloquy.signals.StructureFinding;
import dev.colloquy.signals.TurnLanguage;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FindingJsonTest {

    /** A finding with a component named like the type key, which the type keeps. */
    record Typed(String type, int n) implements Finding {
    }

    /** A finding that is not a bean: written as its type alone. */
    enum Marker implements Finding {
        ON;

        @Override
        public String type() {
            return "marker";
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFindingWrittenByTheMapperIsTheJsonOfItsMap(int seed) {
        Random r = new Random(20261206L * 17 + seed);
        for (Finding f : findings(r)) {
            assertThat(RecordJson.write(new FindingJson(f)))
                    .as("%s (seed %d)", f, seed)
                    .isEqualTo(RecordJson.write(RecordEncoder.findingJson(f)));
        }
    }

    private static List<Finding> findings(Random r) {
        return List.of(
                new Repair(RepairKind.values()[r.nextInt(RepairKind.values().length)], r.nextInt(), r.nextInt(9),
                        r.nextInt(9), r.nextInt(9), text(r), text(r), text(r), number(r)),
                new UnresolvedSpan(r.nextInt(99), r.nextInt(9), text(r), List.of(text(r), text(r)), text(r)),
                new Hole(r.nextInt(999), 1 - r.nextDouble() * 0.999, HoleCue.values()[r.nextInt(HoleCue.values().length)]),
                new Pii(r.nextInt(9), PiiKind.values()[r.nextInt(PiiKind.values().length)], r.nextInt(9), r.nextInt(99)),
                new PiiRedaction(r.nextInt(9), PiiKind.EMAIL, r.nextInt(9), r.nextInt(99), "<EMAIL_" + r.nextInt(9) + ">"),
                new LanguageMismatch(List.of(r.nextInt(9), r.nextInt(9)), text(r), text(r)),
                new AgreementLoop(List.of(r.nextInt(9)), number(r), List.of(number(r), number(r)),
                        List.of(List.of(text(r)), List.of())),
                new Repetition(r.nextInt(9), number(r), number(r), number(r), number(r), List.of(number(r)),
                        List.of(number(r), number(r)), r.nextInt(9), r.nextInt(99), List.of(text(r))),
                new StructureCounts(r.nextInt(9), r.nextInt(9), r.nextInt(9), r.nextLong(), r.nextInt(999)),
                new StructureFinding(StructureFinding.Kind.CUT_OFF, List.of(r.nextInt(9))),
                new TurnLanguage(r.nextInt(9), text(r), number(r), TurnLanguage.Method.NGRAMS,
                        List.of(new LanguageSpan(r.nextInt(9), r.nextInt(99), text(r), text(r)))),
                new Echo(r.nextInt(9), r.nextInt(9), number(r), r.nextInt(9), number(r)),
                new DuplicateOf(DuplicateOf.Kind.NEAR, text(r), new SourcePosition(text(r), r.nextInt(1 << 30)), number(r)),
                new Typed(text(r), r.nextInt()),
                Marker.ON);
    }

    private static double number(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextDouble();
            case 1 -> Math.round(r.nextDouble() * 1000) / 1000.0;
            case 2 -> r.nextGaussian() * 1e-9;
            default -> r.nextInt(3);
        };
    }

    private static String text(Random r) {
        String[] pieces = {"en", "gen-000000385", "\"", "\\", "\n", "Ж", "😀", "<EMAIL_1>", " ", "a:b", "\u0000"};
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(5); i > 0; i--) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }
}
