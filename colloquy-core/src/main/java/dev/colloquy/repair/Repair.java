package dev.colloquy.repair;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.colloquy.model.Finding;

/**
 * One change made by the repair engine, with enough to explain it to a person.
 *
 * @param repairKind  what was done ({@link RepairKind#MOJIBAKE}, {@link RepairKind#LOSSY_MOJIBAKE}, ...); in JSON,
 *                    {@code "kind"} with its wire name
 * @param inputStart  start of the changed span in the input, in code points
 * @param inputEnd    end (exclusive) of the changed span in the input, in code points
 * @param outputStart start of the replacement in the output, in code points
 * @param outputEnd   end (exclusive) of the replacement in the output, in code points
 * @param before      the input span
 * @param after       what replaced it
 * @param chain       the decoding chain undone, e.g. {@code "utf-8 read as windows-1254, 2 bytes lost"}
 * @param confidence  0..1, how sure the engine is that {@code after} is what was meant
 */
public record Repair(@JsonProperty("kind") RepairKind repairKind, int inputStart, int inputEnd, int outputStart,
                     int outputEnd, String before, String after, String chain, double confidence) implements Finding {

    @Override
    public String type() {
        return "mojibake_repaired";
    }

    /** What was done, as its wire name: {@code "mojibake"}, {@code "lossy_mojibake"}, {@code "c1_controls"}, ... */
    public String kind() {
        return repairKind.wireName();
    }
}
