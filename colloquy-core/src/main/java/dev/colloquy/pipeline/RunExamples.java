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

    private static void add(TreeMap<String, List<String>> m, String key, String line) {
        if (line.length() > MAX_SAMPLE_CHARS) {
            return;
        }
        List<String> l = m.computeIfAbsent(key, k -> new ArrayList<>());
        if (l.size() < PER_KEY) {
            l.add(line);
        }
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
        later.quarantined.forEach((k, l) -> l.forEach(line -> add(quarantined, k, line)));
        later.withFinding.forEach((k, l) -> l.forEach(line -> add(withFinding, k, line)));
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
