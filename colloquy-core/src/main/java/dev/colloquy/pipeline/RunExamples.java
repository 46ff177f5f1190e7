package dev.colloquy.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A few sample records for the report, chosen deterministically: the first {@value #PER_KEY} in input order
 * of each quarantine reason ({@code step/reason}) and of each finding type among kept records (a repair, a
 * hole, a loop...). Each sample is the record's output line (JSON), exactly as written; lines over
 * {@value #MAX_SAMPLE_CHARS} characters are not sampled. Mergeable in input
 * order like {@link RunStats}; not thread-safe.
 */
public final class RunExamples implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PER_KEY = 3;
    /**
     * Longer samples are passed over: a report cannot show 4 MB of control characters usefully, and a sample's
     * JSON escaping can grow it six-fold past what a JSON reader accepts as one string (issue 13).
     */
    public static final int MAX_SAMPLE_CHARS = 1 << 16;

    private final TreeMap<String, List<String>> quarantined = new TreeMap<>();
    private final TreeMap<String, List<String>> withFinding = new TreeMap<>();

    /** Whether another sample for this quarantine key would be kept (so callers can skip rendering). */
    public boolean wantsQuarantined(String key) {
        return quarantined.getOrDefault(key, List.of()).size() < PER_KEY;
    }

    public boolean wantsFinding(String type) {
        return withFinding.getOrDefault(type, List.of()).size() < PER_KEY;
    }

    public void addQuarantined(String key, String line) {
        add(quarantined, key, line);
    }

    public void addFinding(String type, String line) {
        add(withFinding, type, line);
    }

    /** Whether {@code line} was taken (not too long, and {@code key} had room for it). */
    private static boolean add(TreeMap<String, List<String>> m, String key, String line) {
        if (line.length() > MAX_SAMPLE_CHARS) {
            return false;
        }
        List<String> l = m.computeIfAbsent(key, k -> new ArrayList<>());
        if (l.size() < PER_KEY) {
            l.add(line);
            return true;
        }
        return false;
    }

    /** Samples of quarantined records by {@code step/reason}: quarantine lines. */
    public Map<String, List<String>> quarantined() {
        return quarantined;
    }

    /** Samples of kept records by finding type: kept output lines. */
    public Map<String, List<String>> withFinding() {
        return withFinding;
    }

    /** Appends {@code later}'s samples after this one's (call in input order). */
    public void merge(RunExamples later) {
        mergeInto(quarantined, later.quarantined, null);
        mergeInto(withFinding, later.withFinding, null);
    }

    /**
     * {@link #merge}s {@code later} and returns the samples of it that this took: merging only those into this as it
     * was gives this as it is now. So a part of the input needs to keep only the samples the parts before it left
     * room for; no later merge in input order would take the others either.
     */
    public RunExamples mergeTaken(RunExamples later) {
        RunExamples taken = new RunExamples();
        mergeInto(quarantined, later.quarantined, taken.quarantined);
        mergeInto(withFinding, later.withFinding, taken.withFinding);
        return taken;
    }

    private static void mergeInto(TreeMap<String, List<String>> into, TreeMap<String, List<String>> from,
                                  TreeMap<String, List<String>> taken) {
        from.forEach((k, l) -> l.forEach(line -> {
            if (add(into, k, line) && taken != null) {
                add(taken, k, line);
            }
        }));
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode q = root.putObject("quarantined");
        quarantined.forEach((k, l) -> l.forEach(q.withArray(k)::add));
        ObjectNode f = root.putObject("with_finding");
        withFinding.forEach((k, l) -> l.forEach(f.withArray(k)::add));
        return root;
    }

    public static RunExamples fromJson(JsonNode n) {
        RunExamples e = new RunExamples();
        n.path("quarantined").fields().forEachRemaining(en -> en.getValue()
                .forEach(v -> e.addQuarantined(en.getKey(), v.asText())));
        n.path("with_finding").fields().forEachRemaining(en -> en.getValue()
                .forEach(v -> e.addFinding(en.getKey(), v.asText())));
        return e;
    }
}
