package dev.colloquy.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Turn;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a run: records in, kept and quarantined, rejections per step and reason, and distributions
 * over the kept records (turns, lengths, roles, languages, findings per signal, signal scores by decile) plus
 * dedup clusters.
 *
 * <p>An accumulator: not thread-safe; each chunk (or Spark partition) fills its own and {@link #merge}
 * combines them, so the totals do not depend on how the input was split. Every map is sorted, so the JSON
 * form is byte-stable. Histograms over lengths use power-of-two buckets keyed by their lower bound
 * ({@code "0"}, {@code "1"}, {@code "2"}, {@code "4"}, ...). Timings are not kept here (see {@link RunSummary}).
 */
public final class RunStats implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Findings-per-conversation counts above this are pooled into one {@code "N+"} bucket. */
    private static final int FINDING_COUNT_CAP = 16;
    private static final int TURN_COUNT_CAP = 64;
    /*
     * The histogram keys, made once: the ordered finish counts every kept record's turns, turn lengths, findings and
     * scores, and a key string built per turn and finding ("0.9", "512") was a share of that serial thread's time.
     */
    /** Turn count n's key at min(n, 64): "0" ... "63", then "64+" (64 or more). */
    private static final String[] TURN_COUNT_KEYS = counts(TURN_COUNT_CAP, TURN_COUNT_CAP + "+");
    /** Findings count n's key at min(n, 17): "0" ... "16", then "16+" (more than 16). */
    private static final String[] FINDING_COUNT_KEYS = counts(FINDING_COUNT_CAP + 1, FINDING_COUNT_CAP + "+");
    /** Length bucket 2^k's key, k in [0, 63]. */
    private static final String[] BUCKET_KEYS = new String[64];
    /** Decile d's key, d in [0, 9]: "0.0" ... "0.9". */
    private static final String[] DECILE_KEYS = new String[10];

    static {
        for (int k = 0; k < BUCKET_KEYS.length; k++) {
            BUCKET_KEYS[k] = Long.toString(1L << k);
        }
        for (int d = 0; d < DECILE_KEYS.length; d++) {
            DECILE_KEYS[d] = "0." + d;
        }
    }

    /** The keys of counts 0 .. {@code pooledAt - 1}, then {@code pooled} at index {@code pooledAt}. */
    private static String[] counts(int pooledAt, String pooled) {
        String[] keys = new String[pooledAt + 1];
        for (int n = 0; n < pooledAt; n++) {
            keys[n] = Integer.toString(n);
        }
        keys[pooledAt] = pooled;
        return keys;
    }

    private static final java.util.Comparator<String> BY_NUMBER = new ByNumber();
    /** Maps {@link StatsJson}; a checkpoint written with more keys (timings) still reads. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private long recordsIn;
    /** Lines of JSON Lines inputs, and the blank ones among them (no record). */
    private long linesRead;
    private long blankLines;
    private long kept;
    private long quarantined;
    /** step → (reason → records). */
    private final TreeMap<String, TreeMap<Reason, Long>> rejections = new TreeMap<>();
    private final TreeMap<String, Long> turnCounts = new TreeMap<>(BY_NUMBER);
    private final TreeMap<String, Long> conversationChars = new TreeMap<>(BY_NUMBER);
    private final TreeMap<String, Long> turnChars = new TreeMap<>(BY_NUMBER);
    private final TreeMap<String, Long> roles = new TreeMap<>();
    private final TreeMap<String, Long> languages = new TreeMap<>();
    /** finding type → (findings in one conversation → conversations). */
    private final TreeMap<String, TreeMap<String, Long>> findings = new TreeMap<>();
    /** signal score name → (decile lower bound "0.0".."0.9" → findings), over kept records. */
    private final TreeMap<String, TreeMap<String, Long>> scores = new TreeMap<>();
    /** id of a kept record → how many records were removed as its duplicates. */
    private final TreeMap<String, Long> duplicatesOf = new TreeMap<>();

    public void countIn() {
        recordsIn++;
    }

    /** Adds the line counts of one JSON Lines input (or part of one): lines read, of which blank. */
    public void countLines(long lines, long blank) {
        linesRead += lines;
        blankLines += blank;
    }

    public void countQuarantined(Rejection r) {
        quarantined++;
        rejections.computeIfAbsent(r.step(), k -> new TreeMap<>()).merge(r.why(), 1L, Long::sum);
    }

    /** A record removed by dedup as a duplicate of the kept record {@code ofId}. */
    public void countDuplicate(Rejection r, String ofId) {
        countQuarantined(r);
        duplicatesOf.merge(ofId, 1L, Long::sum);
    }

    public void countKept(Conversation c) {
        countKept(c, 1);
    }

    /**
     * Takes back {@link #countKept}{@code (c)}: the local engine counts a record its steps kept on the worker that
     * rendered it (its turns and findings are in that core's cache there) and takes the count back in the ordered
     * finish when dedup then removes it. A key whose count falls to zero is gone, as if never counted.
     */
    public void uncountKept(Conversation c) {
        countKept(c, -1);
    }

    private void countKept(Conversation c, long n) {
        kept += n;
        count(turnCounts, TURN_COUNT_KEYS[Math.min(c.turns().size(), TURN_COUNT_CAP)], n);
        count(conversationChars, bucket(c.textLength()), n);
        Map<String, Integer> perType = new TreeMap<>();
        for (Finding f : c.findings()) {
            perType.merge(f.type(), 1, Integer::sum);
            score(f, n);
        }
        for (Turn t : c.turns()) {
            count(turnChars, bucket(t.text().length()), n);
            count(roles, t.role().wireName(), n);
            for (Finding f : t.findings()) {
                perType.merge(f.type(), 1, Integer::sum);
                score(f, n);
                f.statsLanguage().ifPresent(language -> count(languages, language, n));
            }
        }
        perType.forEach((type, found) -> count(findings, type, () -> new TreeMap<>(BY_NUMBER),
                FINDING_COUNT_KEYS[Math.min(found, FINDING_COUNT_CAP + 1)], n));
    }

    /** Adds {@code n} to {@code key}'s count, removing the key when that leaves zero. */
    private static <K> void count(Map<K, Long> m, K key, long n) {
        m.merge(key, n, (a, b) -> a + b == 0 ? null : a + b);
    }

    private static void count(Map<String, TreeMap<String, Long>> m, String outer,
                              java.util.function.Supplier<TreeMap<String, Long>> newMap, String key, long n) {
        TreeMap<String, Long> inner = m.computeIfAbsent(outer, k -> newMap.get());
        count(inner, key, n);
        if (inner.isEmpty()) {
            m.remove(outer);
        }
    }

    /** The distribution of each finding's main score: hole confidence, language confidence, loop score, echo share. */
    private void score(Finding f, long n) {
        f.statsScore().ifPresent(s -> addScore(f.type() + "." + s.name(), s.value(), n));
    }

    private void addScore(String name, double v, long n) {
        int decile = (int) Math.floor(Math.max(0, Math.min(0.999, v)) * 10);
        count(scores, name, TreeMap::new, DECILE_KEYS[decile], n);
    }

    /** Orders histogram keys ("2", "16", "64+") by their number, so the JSON reads in ascending order. */
    private static final class ByNumber implements java.util.Comparator<String>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(String a, String b) {
            int c = Long.compare(leadingNumber(a), leadingNumber(b));
            return c != 0 ? c : a.compareTo(b);
        }
    }

    private static long leadingNumber(String s) {
        long n = 0;
        int i = 0;
        for (; i < s.length() && Character.isDigit(s.charAt(i)) && i < 18; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return i == 0 ? Long.MAX_VALUE : n;
    }

    static String bucket(long n) {
        return n <= 0 ? "0" : BUCKET_KEYS[Long.numberOfTrailingZeros(Long.highestOneBit(n))];
    }

    public void merge(RunStats o) {
        recordsIn += o.recordsIn;
        linesRead += o.linesRead;
        blankLines += o.blankLines;
        kept += o.kept;
        quarantined += o.quarantined;
        o.rejections.forEach((step, m) -> mergeInto(rejections.computeIfAbsent(step, k -> new TreeMap<>()), m));
        mergeInto(turnCounts, o.turnCounts);
        mergeInto(conversationChars, o.conversationChars);
        mergeInto(turnChars, o.turnChars);
        mergeInto(roles, o.roles);
        mergeInto(languages, o.languages);
        o.findings.forEach((type, m) -> mergeInto(findings.computeIfAbsent(type, k -> new TreeMap<>(BY_NUMBER)), m));
        o.scores.forEach((name, m) -> mergeInto(scores.computeIfAbsent(name, k -> new TreeMap<>()), m));
        mergeInto(duplicatesOf, o.duplicatesOf);
    }

    private static <K> void mergeInto(Map<K, Long> into, Map<K, Long> from) {
        from.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    public long recordsIn() {
        return recordsIn;
    }

    public long kept() {
        return kept;
    }

    /** Lines of JSON Lines inputs read; each is a record or blank. */
    public long linesRead() {
        return linesRead;
    }

    /** Blank lines of JSON Lines inputs: skipped, no record, but counted so none vanish unseen. */
    public long blankLines() {
        return blankLines;
    }

    public long quarantined() {
        return quarantined;
    }

    /** Records the readers could not turn into conversations (quarantined by the {@code read} step). */
    public long unreadable() {
        return rejections.getOrDefault(dev.colloquy.format.ReadReason.STEP, new TreeMap<>()).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /** Rejections per step, then per reason code, both in order. */
    public Map<String, Map<String, Long>> rejections() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        rejections.forEach((step, byReason) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            byReason.forEach((reason, n) -> counts.put(reason.code(), n));
            out.put(step, java.util.Collections.unmodifiableMap(counts));
        });
        return out;
    }

    public boolean balanced() {
        return recordsIn == kept + quarantined;
    }

    /** The stats as the JSON object written to {@code stats.json} (without timings). */
    public ObjectNode toJson() {
        return JSON.valueToTree(toForm());
    }

    private StatsJson toForm() {
        TreeMap<String, Long> sizes = new TreeMap<>(BY_NUMBER);
        duplicatesOf.values().forEach(v -> sizes.merge(bucket(v + 1), 1L, Long::sum));
        Map<String, Long> largest = new LinkedHashMap<>();
        duplicatesOf.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Long.compare(b.getValue(), a.getValue()))
                .limit(10)
                .forEach(e -> largest.put(e.getKey(), e.getValue() + 1));
        long removed = duplicatesOf.values().stream().mapToLong(Long::longValue).sum();
        return new StatsJson(recordsIn, linesRead, blankLines, kept, quarantined, balanced(), rejections(),
                turnCounts, conversationChars, turnChars, roles, languages, nested(findings), nested(scores),
                new StatsJson.Dedup(removed, duplicatesOf.size(), sizes, largest, duplicatesOf));
    }

    private static Map<String, Map<String, Long>> nested(TreeMap<String, TreeMap<String, Long>> m) {
        return java.util.Collections.unmodifiableMap(m); // a view: the same order
    }

    /** Reads what {@link #toJson} wrote (used to merge checkpointed chunks on {@code --resume}). */
    public static RunStats fromJson(JsonNode n) {
        StatsJson f;
        try {
            f = JSON.treeToValue(n, StatsJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the stats.json form: " + e.getOriginalMessage(), e);
        }
        RunStats s = new RunStats();
        s.recordsIn = f.recordsIn();
        s.linesRead = f.linesRead();
        s.blankLines = f.blankLines();
        s.kept = f.kept();
        s.quarantined = f.quarantined();
        if (f.rejections() != null) {
            f.rejections().forEach((step, m) -> m.forEach((code, count) -> s.rejections
                    .computeIfAbsent(step, k -> new TreeMap<>()).merge(Reason.of(code), count, Long::sum)));
        }
        read(f.turnCounts(), s.turnCounts);
        read(f.conversationChars(), s.conversationChars);
        read(f.turnChars(), s.turnChars);
        read(f.roles(), s.roles);
        read(f.languages(), s.languages);
        readNested(f.findings(), s.findings, () -> new TreeMap<>(BY_NUMBER));
        readNested(f.scores(), s.scores, TreeMap::new);
        if (f.dedup() != null) {
            read(f.dedup().duplicatesOf(), s.duplicatesOf);
        }
        return s;
    }

    private static void readNested(Map<String, Map<String, Long>> from, Map<String, TreeMap<String, Long>> into,
                                   java.util.function.Supplier<TreeMap<String, Long>> newMap) {
        if (from != null) {
            from.forEach((k, m) -> read(m, into.computeIfAbsent(k, x -> newMap.get())));
        }
    }

    private static void read(Map<String, Long> from, Map<String, Long> into) {
        if (from != null) {
            mergeInto(into, from);
        }
    }
}
