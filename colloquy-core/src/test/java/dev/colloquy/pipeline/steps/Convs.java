package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;

/** Test conversations written compactly: "user:hello", "assistant:hi". */
final class Convs {

    private Convs() {
    }

    static Conversation of(String... turns) {
        List<Turn> out = new ArrayList<>();
        for (String t : turns) {
            int colon = t.indexOf(':');
            Role role = Role.parse(t.substring(0, colon)).orElseThrow();
            out.add(new Turn(role.wireName(), role, t.substring(colon + 1)));
        }
        return new Conversation("t", new SourcePosition("t.jsonl", 1), out);
    }

    /** The reason code, or "kept". */
    static String verdict(StepResult r) {
        return r instanceof StepResult.Rejected rej ? rej.reason() : "kept";
    }
}
