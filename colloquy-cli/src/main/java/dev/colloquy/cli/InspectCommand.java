package dev.colloquy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSource;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.steps.RepairStep;
import dev.colloquy.step.PairSteps;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepResult;
import dev.colloquy.step.TurnAnalyses;
import dev.colloquy.repair.Repair;
import dev.colloquy.signals.Hole;
import dev.colloquy.signals.Signals;
import dev.colloquy.signals.TurnLanguage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code colloquy inspect}: repairs each conversation, runs every signal, and shows the findings per turn, for a
 * person (a summary and excerpts marking where) or as one JSON object per conversation ({@code --json}, schema in
 * {@code docs/signals.md}). Unreadable records are reported on stderr with their {@code file:line}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what is wrong with each conversation: repairs, holes, languages, structure, "
                + "repetition, echoes, agreement loops, personal data."},
        footer = {"", ExitCodes.RULE})
final class InspectCommand implements Callable<Integer> {

    // Finding records have camelCase components; the JSON edge speaks snake_case like the rest of our output.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--json", description = "One JSON object per conversation per line, instead of the summary.")
    boolean json;

    @Option(names = "--no-color", description = "No ANSI colours, even on a terminal.")
    boolean noColor;

    /** Standard input, replaceable by tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        InputOptions.Opened opened = input.open(stdin, err, "colloquy inspect");
        if (opened == null) {
            return ExitCodes.USAGE;
        }
        List<InputSource> sources = opened.sources();
        RoleMap roles = opened.roles();
        List<Step> steps = Signals.defaults();
        InspectReport report = new InspectReport(!noColor && System.console() != null);
        int bad = 0;
        try {
            for (InputSource source : sources) {
                try (Stream<ReadResult> results = ConversationReader.read(source, input.from, roles,
                        input.maxLineBytes)) {
                    Iterator<ReadResult> it = results.iterator();
                    while (it.hasNext()) {
                        ReadResult r = it.next();
                        if (r instanceof ReadResult.Ok ok) {
                            Conversation c = inspect(ok.conversation(), steps);
                            out.println(json ? JSON.writeValueAsString(toJson(c)) : report.render(c));
                        } else {
                            Rejection rej = ((ReadResult.Bad) r).rejection();
                            err.println(rej.source() + ": " + rej.reason() + ": " + rej.message());
                            bad++;
                        }
                    }
                }
            }
        } catch (UncheckedIOException e) {
            err.println("colloquy inspect: reading failed: " + dev.colloquy.io.IoMessages.describe(e));
            return ExitCodes.INPUT_PROBLEMS;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a finding could not be written as JSON", e);
        }
        if (out.checkError()) { // flushes; a PrintWriter swallows write errors
            String cause = out instanceof StdoutWriter s && s.failure() != null ? s.failure() : "a write error";
            err.println("colloquy inspect: cannot write standard output: " + cause);
            return ExitCodes.INPUT_PROBLEMS;
        }
        return bad > 0 ? ExitCodes.INPUT_PROBLEMS : ExitCodes.OK;
    }

    /** Repairs every turn, then runs the signal steps in order. */
    static Conversation inspect(Conversation c, List<Step> steps) {
        Conversation current = RepairStep.repairTurns(c);
        TurnAnalyses analyses = new TurnAnalyses();
        for (Step s : steps) {
            StepResult result = PairSteps.apply(s, current, analyses);
            // Signal steps only annotate; a rejection still carries the annotated conversation.
            current = result instanceof StepResult.Kept k ? k.conversation() : ((StepResult.Rejected) result).conversation();
        }
        return current;
    }

    /** The {@code --json} object of one inspected conversation. */
    static ObjectNode toJson(Conversation c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", c.id());
        root.put("source", c.source().toString());
        ArrayNode turns = root.putArray("turns");
        ArrayNode findings = root.putArray("findings");
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            ObjectNode tj = turns.addObject();
            tj.put("index", i);
            tj.put("speaker", t.speaker());
            tj.put("role", t.role().wireName());
            tj.put("text", t.text());
            List<TurnLanguage> lang = t.findings(TurnLanguage.class);
            if (lang.isEmpty()) {
                tj.putNull("language");
                tj.putNull("language_confidence");
            } else {
                TurnLanguage l = lang.get(0);
                tj.put("language", l.language());
                tj.put("language_confidence", l.confidence());
                tj.put("language_method", lower(l.method().name()));
                tj.set("language_spans", JSON.valueToTree(l.spans()));
            }
            ArrayNode holes = tj.putArray("holes");
            ArrayNode repairs = tj.putArray("repairs");
            for (Finding f : t.findings()) {
                if (f instanceof TurnLanguage) {
                    continue;
                }
                ObjectNode fj = finding(f, i);
                findings.add(fj);
                if (f instanceof Hole) {
                    holes.add(withoutTypeAndTurns(fj));
                } else if (f instanceof Repair) {
                    repairs.add(withoutTypeAndTurns(fj));
                }
            }
        }
        for (Finding f : c.findings()) {
            findings.add(finding(f, -1));
        }
        return root;
    }

    /** A finding as {@code {"type", "turns": [...], ...its fields}}, enum values in lower case. */
    private static ObjectNode finding(Finding f, int turn) {
        ObjectNode fields = JSON.valueToTree(f);
        ObjectNode fj = JSON.createObjectNode();
        fj.put("type", f.type());
        ArrayNode turns = fj.putArray("turns");
        if (fields.has("turns") && fields.get("turns").isArray()) {
            turns.addAll((ArrayNode) fields.remove("turns"));
        } else if (fields.has("turn")) {
            turns.add(fields.remove("turn").asInt());
        } else if (turn >= 0) {
            turns.add(turn);
        }
        for (String name : List.of("kind", "method", "cue")) {
            if (fields.has(name) && fields.get(name).isTextual()) {
                fields.put(name, lower(fields.get(name).asText()));
            }
        }
        fields.remove("type");
        fj.setAll(fields);
        return fj;
    }

    private static ObjectNode withoutTypeAndTurns(ObjectNode fj) {
        ObjectNode copy = fj.deepCopy();
        copy.remove("type");
        copy.remove("turns");
        return copy;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
