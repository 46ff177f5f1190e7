package dev.colloquy.signals;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Tells the language of every turn ({@link TurnLanguage}, with code-switched spans) and reports replies in another
 * language than the turn they answer ({@link LanguageMismatch}). Thread-safe and serializable: the n-gram models
 * are looked up in a shared cache by language set and held only in a transient field.
 */
public final class LanguageIdentifier implements Step {

    /*
     * Cheapest evidence first:
     *  1. Split the turn into script runs (letters only; punctuation, digits and emoji join the run they are in)
     *     and pick the dominant script by letters, a CJK/Hangul character weighing three Latin letters.
     *  2. A script that decides the language alone (Hangul, Thai, Greek, ...; CJK: kana -> ja, else zh) decides it.
     *  3. Latin, Cyrillic and Arabic text: the character n-gram models (LanguageModels, Lingua's data) of the
     *     configured languages written in that script score a sample of the dominant script's text (sampleChars
     *     code points from the start, middle and end) with orders 1-3. A close call (runners-up within CLOSE_NATS
     *     of the best) is scored again with orders 1-4 among the best MAX_CLOSE: quadrigrams tell id from ms and
     *     nb from da where trigrams cannot (dev split: id 0.90 -> 0.98, ms 0.79 -> 0.90 on long turns), and they
     *     cost three times as much, so only close calls pay for them. Malay and Indonesian, still close after
     *     that, are told apart by the words only one of the two standards uses (MalayIndonesianWords). Confidence is the best language's posterior probability
     *     among them, the log-likelihoods divided by TEMPERATURE first (n-grams are not independent, so the raw
     *     posterior is far too sure of itself); below minConfidence the turn is "und". Close relatives (es/pt,
     *     cs/sk, uk/ru/bg, nb/da/sv, id/ms) differ by little on a few words, so a short turn in one of them is
     *     mostly "und" rather than a coin toss.
     * Fewer than minLetters letters is "und" at once: "ok", "hola" and emoji have no reliable language.
     * Spans: each run of another script with at least SPAN_MIN_LETTERS letters; its language is told the same
     * way when it has minLetters letters, else "und" with its script. Within Latin script, paragraphs (blank-line
     * separated) of at least PARAGRAPH_MIN_LETTERS letters that the models give confidently to another language
     * become spans too; sentence-level switching inside a paragraph is not reported.
     */

    public static final String NAME = "language";

    /** The default set: common languages of chat corpora in Latin, Cyrillic and Arabic script. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl", "pl",
            "cs", "sk", "sv", "da", "nb", "fi", "hu", "ro", "tr", "id", "ms", "vi", "ca", "hr", "ru", "uk", "bg",
            "ar", "fa", "ur");

    private static final int SPAN_MIN_LETTERS = 3;
    private static final int PARAGRAPH_MIN_LETTERS = 60;
    /** Log-likelihoods are divided by this before the posterior is taken; chosen on the bench's dev split. */
    static final double TEMPERATURE = 4.0;
    /** Runners-up within this many nats of the best on trigrams are scored again with quadrigrams (at most MAX_CLOSE). */
    static final double CLOSE_NATS = 30;
    private static final int MAX_CLOSE = 3;
    /** A short turn (fewer letters than this) that ms or id wins by less than PAIR_NATS is "und" (dev split). */
    static final int PAIR_SHORT_LETTERS = 100;
    static final double PAIR_NATS = 8;

    /** Languages whose models read Cyrillic or Arabic text; every other detector language reads Latin. */
    private static final Set<String> CYRILLIC = Set.of("ru", "uk", "bg", "be", "mk", "sr", "kk", "mn");
    private static final Set<String> ARABIC = Set.of("ar", "fa", "ur");

    private final List<String> latin;
    private final List<String> cyrillic;
    private final List<String> arabic;
    private final int minLetters;
    private final int sampleChars;
    private final double minConfidence;
    /** The models of latin, cyrillic and arabic once looked up (see modelsOf); racy but each value is the same. */
    private transient LanguageModels[] models;

    /**
     * @param languages     ISO 639-1 codes of Lingua's models to choose among (scripts that decide alone are always known)
     * @param minLetters    fewer letters than this give "und"
     * @param sampleChars   at most this many characters of a turn are scored
     * @param minConfidence below this confidence a turn is "und"
     */
    public LanguageIdentifier(List<String> languages, int minLetters, int sampleChars, double minConfidence) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : languages) {
            Language l = parse(code);
            codes.add(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
        }
        if (codes.size() < 2) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'languages' must list at least two"
                    + " languages, was " + languages);
        }
        if (minLetters < 1) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'min_letters' must be >= 1, was "
                    + minLetters);
        }
        if (sampleChars < 30) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'sample_chars' must be >= 30, was "
                    + sampleChars);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("Step '" + NAME
                    + "': parameter 'min_confidence' must be in [0, 1], was " + minConfidence);
        }
        List<String> l = new ArrayList<>();
        List<String> c = new ArrayList<>();
        List<String> a = new ArrayList<>();
        for (String code : codes) {
            if (CYRILLIC.contains(code)) {
                c.add(code);
            } else if (ARABIC.contains(code)) {
                a.add(code);
            } else if (!SCRIPT_DECIDED.contains(code)) {
                l.add(code);
            }
        }
        this.latin = List.copyOf(l);
        this.cyrillic = List.copyOf(c);
        this.arabic = List.copyOf(a);
        this.minLetters = minLetters;
        this.sampleChars = sampleChars;
        this.minConfidence = minConfidence;
    }

    /** Languages a script decides alone: they need no model. */
    private static final Set<String> SCRIPT_DECIDED;

    static {
        Set<String> s = new java.util.HashSet<>(List.of("zh", "ja"));
        for (Script script : Script.values()) {
            if (script.language() != null) {
                s.add(script.language());
            }
        }
        SCRIPT_DECIDED = Set.copyOf(s);
    }

    public LanguageIdentifier() {
        this(DEFAULT_LANGUAGES, DEFAULT_MIN_LETTERS, DEFAULT_SAMPLE_CHARS, DEFAULT_MIN_CONFIDENCE);
    }

    static final int DEFAULT_MIN_LETTERS = 10;
    static final int DEFAULT_SAMPLE_CHARS = 400;
    static final double DEFAULT_MIN_CONFIDENCE = 0.7;

    private static Language parse(String code) {
        try {
            IsoCode639_1 iso = IsoCode639_1.valueOf(code.trim().toUpperCase(Locale.ROOT));
            return Language.getByIsoCode639_1(iso);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'languages' has '" + code
                    + "', which is not an ISO 639-1 code Lingua knows", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<TurnLanguage> found = new ArrayList<>(c.turns().size());
        Conversation identified = c.withTurnFindings(i -> {
            TurnLanguage tl = identify(i, c.turns().get(i).text());
            found.add(tl);
            return List.of(tl);
        });
        return StepResult.kept(identified.withFindings(mismatches(c.turns(), found)));
    }

    /** Each reply in another language than the turn it answers (system turns answer nothing). */
    private static List<LanguageMismatch> mismatches(List<Turn> turns, List<TurnLanguage> found) {
        List<LanguageMismatch> mismatches = new ArrayList<>();
        for (int i = 1; i < turns.size(); i++) {
            Turn prev = turns.get(i - 1);
            Turn cur = turns.get(i);
            TurnLanguage a = found.get(i - 1);
            TurnLanguage b = found.get(i);
            boolean answers = prev.role() != cur.role() && prev.role() != Role.SYSTEM && cur.role() != Role.SYSTEM;
            if (answers && a.determined() && b.determined() && !a.language().equals(b.language())) {
                mismatches.add(new LanguageMismatch(List.of(i - 1, i), b.language(), a.language()));
            }
        }
        return mismatches;
    }

    /** The language of one text. */
    TurnLanguage identify(int turn, String text) {
        List<Run> runs = Run.split(text);
        int[] weight = new int[Script.values().length];
        for (Run r : runs) {
            weight[r.script.ordinal()] += r.letters * r.script.weight();
        }
        Script main = null;
        for (Script s : Script.values()) {
            if (weight[s.ordinal()] > 0 && (main == null || weight[s.ordinal()] > weight[main.ordinal()])) {
                main = s;
            }
        }
        if (main == null) {
            return new TurnLanguage(turn, TurnLanguage.UNDETERMINED, 0, TurnLanguage.Method.NONE, List.of());
        }
        Guess g = guess(text, runs, main);
        List<LanguageSpan> spans = new ArrayList<>();
        for (Run r : runs) {
            if (r.script != main && r.letters >= SPAN_MIN_LETTERS) {
                Guess sg = guess(text, List.of(r), r.script);
                int start = text.codePointCount(0, r.start);
                spans.add(new LanguageSpan(start, start + text.codePointCount(r.start, r.end), sg.language,
                        r.script.code()));
            }
        }
        if (main == Script.LATIN && g.language != null && !g.language.equals(TurnLanguage.UNDETERMINED)) {
            latinSwitches(text, g.language, spans);
        }
        return new TurnLanguage(turn, g.language, g.confidence, g.method, spans);
    }

    /**
     * Paragraphs of a Latin-script turn that the models give confidently to another language than the turn's: an
     * English turn quoting a German paragraph.
     */
    private void latinSwitches(String text, String language, List<LanguageSpan> spans) {
        int from = 0;
        boolean several = text.indexOf("\n\n") >= 0;
        while (several && from < text.length()) {
            int brk = text.indexOf("\n\n", from);
            int to = brk < 0 ? text.length() : brk;
            String paragraph = text.substring(from, to);
            String body = paragraph.strip();
            List<Run> runs = Run.split(body);
            int letters = 0;
            for (Run r : runs) {
                letters += r.script == Script.LATIN ? r.letters : 0;
            }
            if (letters >= PARAGRAPH_MIN_LETTERS) {
                Guess g = models(latin, sample(body, runs, Script.LATIN, sampleChars));
                if (g.language != null && !g.language.equals(TurnLanguage.UNDETERMINED) && !g.language.equals(language)) {
                    int lead = paragraph.length() - paragraph.stripLeading().length();
                    int start = text.codePointCount(0, from + lead);
                    spans.add(new LanguageSpan(start, start + body.codePointCount(0, body.length()), g.language,
                            Script.LATIN.code()));
                }
            }
            from = brk < 0 ? text.length() : brk + 2;
        }
        spans.sort(java.util.Comparator.comparingInt(LanguageSpan::start));
    }

    private record Guess(String language, double confidence, TurnLanguage.Method method) {
        static final Guess NONE = new Guess(TurnLanguage.UNDETERMINED, 0, TurnLanguage.Method.NONE);
    }

    private Guess guess(String text, List<Run> runs, Script script) {
        int letters = 0;
        boolean kana = false;
        for (Run r : runs) {
            if (r.script == script) {
                letters += r.letters;
                kana |= r.kana > 0 && r.kana * 10 >= r.letters;
            }
        }
        int needed = script.weight() > 1 ? Math.max(2, minLetters / script.weight()) : minLetters;
        if (letters < needed) {
            return Guess.NONE;
        }
        if (script == Script.CJK) {
            return new Guess(kana ? "ja" : "zh", 1.0, TurnLanguage.Method.SCRIPT);
        }
        if (script.language() != null) {
            return new Guess(script.language(), 1.0, TurnLanguage.Method.SCRIPT);
        }
        List<String> candidates = switch (script) {
            case LATIN -> latin;
            case CYRILLIC -> cyrillic;
            case ARABIC -> arabic;
            default -> List.of();
        };
        if (candidates.isEmpty()) {
            return Guess.NONE;
        }
        if (candidates.size() == 1) {
            return new Guess(candidates.get(0), 1.0, TurnLanguage.Method.NGRAMS);
        }
        return models(candidates, sample(text, runs, script, sampleChars));
    }

    /**
     * The models of {@code candidates}, one of {@link #latin}, {@link #cyrillic} and {@link #arabic}: looked up in
     * the shared cache once per instance (and again after deserialization) rather than hashing the list per turn.
     */
    private LanguageModels modelsOf(List<String> candidates) {
        LanguageModels[] held = models;
        if (held == null) {
            held = new LanguageModels[3];
            models = held;
        }
        int k = candidates == latin ? 0 : candidates == cyrillic ? 1 : 2;
        if (held[k] == null) {
            held[k] = LanguageModels.of(candidates);
        }
        return held[k];
    }

    /** Each thread's scratch rows for {@link #models} (new ones per turn were 4% of the README pipeline's allocation). */
    private static final ThreadLocal<LanguageModels.Rows> ROWS = ThreadLocal.withInitial(
            () -> new LanguageModels.Rows(DEFAULT_SAMPLE_CHARS + 16));

    /** The best of {@code candidates} for {@code sample} by the n-gram models, or "und" when not confident. */
    private Guess models(List<String> candidates, String sample) {
        LanguageModels m = modelsOf(candidates);
        double[] scores = new double[candidates.size()];
        LanguageModels.Rows rows = ROWS.get(); // one per thread, grown to the longest sample: no arrays per turn
        int letters = m.score(sample, scores, rows);
        if (letters < minLetters) {
            return Guess.NONE;
        }
        int best = argmax(scores);
        // Close call: the runners-up within CLOSE_NATS of the best are scored again with quadrigrams.
        int[] close = new int[Math.min(MAX_CLOSE, scores.length)];
        int n = 0;
        close[n++] = best;
        while (n < close.length) {
            int next = -1;
            for (int l = 0; l < scores.length; l++) {
                if (scores[l] >= scores[best] - CLOSE_NATS && !contains(close, n, l)
                        && (next < 0 || scores[l] > scores[next])) {
                    next = l;
                }
            }
            if (next < 0) {
                break;
            }
            close[n++] = next;
        }
        if (n > 1) {
            int[] rescored = Arrays.copyOf(close, n);
            double[] s4 = new double[n];
            m.score4(sample, rescored, s4, rows);
            for (int k = 0; k < n; k++) {
                scores[rescored[k]] = s4[k];
            }
            // the others were already far behind on trigrams; keep them so
            for (int l = 0; l < scores.length; l++) {
                if (!contains(rescored, n, l)) {
                    scores[l] = Double.NEGATIVE_INFINITY;
                }
            }
            best = argmax(scores);
        }
        best = malayOrIndonesian(candidates, sample, scores, best);
        if (letters < PAIR_SHORT_LETTERS && tooCloseToTell(candidates, scores, best)) {
            return Guess.NONE;
        }
        double sum = 0;
        for (double v : scores) {
            sum += Math.exp((v - scores[best]) / TEMPERATURE);
        }
        double confidence = 1 / sum;
        if (confidence < minConfidence) {
            return Guess.NONE;
        }
        return new Guess(candidates.get(best), round(confidence), TurnLanguage.Method.NGRAMS);
    }

    /*
     * Malay and Indonesian: quadrigrams still leave them close, so where one of them leads and the other is in the
     * running, the words that only one standard uses add MalayIndonesianWords.NATS each to its score.
     */
    private static int malayOrIndonesian(List<String> candidates, String sample, double[] scores, int best) {
        int ms = candidates.indexOf("ms");
        int id = candidates.indexOf("id");
        if (ms < 0 || id < 0 || best != ms && best != id) {
            return best;
        }
        int[] words = MalayIndonesianWords.count(sample);
        scores[ms] += MalayIndonesianWords.NATS * words[0];
        scores[id] += MalayIndonesianWords.NATS * words[1];
        return argmax(scores);
    }

    /*
     * A short turn that Malay or Indonesian wins by less than PAIR_NATS (marker words included) is "und": a few
     * shared words ("tidak dapat cipta direktori") are good Malay and good Indonesian alike, and the n-grams' lean
     * one way on them was a coin toss on the bench's dev split (ms 7.0%, id 3.3% wrong before this rule). The
     * posterior over all candidates cannot see this: the pair's near-tie only halves it, which stays above
     * minConfidence when no third language is in the running.
     */
    private static boolean tooCloseToTell(List<String> candidates, double[] scores, int best) {
        int ms = candidates.indexOf("ms");
        int id = candidates.indexOf("id");
        if (ms < 0 || id < 0 || best != ms && best != id) {
            return false;
        }
        return Math.abs(scores[ms] - scores[id]) < PAIR_NATS;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static boolean contains(int[] a, int n, int x) {
        for (int i = 0; i < n; i++) {
            if (a[i] == x) {
                return true;
            }
        }
        return false;
    }

    /** Up to sampleChars characters of the runs in {@code script}: start, middle and end, cut at spaces. */
    private static String sample(String text, List<Run> runs, Script script, int sampleChars) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            if (r.script == script) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(text, r.start, r.end);
            }
        }
        if (sb.length() <= sampleChars) {
            return sb.toString();
        }
        String all = sb.toString();
        int part = sampleChars / 3;
        StringBuilder out = new StringBuilder(sampleChars + 8);
        for (int k = 0; k < 3; k++) {
            int from = k == 0 ? 0 : k == 1 ? (all.length() - part) / 2 : all.length() - part;
            int to = from + part;
            if (k > 0) {
                int sp = all.indexOf(' ', from);
                from = sp >= 0 && sp < to ? sp + 1 : from;
            }
            if (k < 2) {
                int sp = all.lastIndexOf(' ', to);
                to = sp > from ? sp : to;
            }
            if (Character.isLowSurrogate(all.charAt(from))) {
                from++;
            }
            if (to < all.length() && Character.isLowSurrogate(all.charAt(to))) {
                to++;
            }
            out.append(all, from, to).append(' ');
        }
        return out.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A maximal stretch of one script; punctuation, digits and symbols stay in the run they follow. */
    private static final class Run {
        final Script script;
        final int start;
        int end;
        int letters;
        int kana;

        Run(Script script, int start) {
            this.script = script;
            this.start = start;
        }

        static List<Run> split(String text) {
            List<Run> runs = new ArrayList<>();
            Run cur = null;
            int n = text.length();
            for (int i = 0; i < n; ) {
                int cp = text.codePointAt(i);
                int w = Character.charCount(cp);
                Script s = Script.of(cp);
                if (s != null) {
                    if (cur == null || cur.script != s) {
                        cur = new Run(s, i);
                        runs.add(cur);
                    }
                    cur.letters++;
                    if (s == Script.CJK && cp >= 0x3040 && Script.isKana(cp)) {
                        cur.kana++;
                    }
                    cur.end = i + w;
                }
                i += w;
            }
            return runs;
        }
    }

    /** Builds {@link LanguageIdentifier} from {@code languages}, {@code min_letters}, {@code sample_chars} and
     * {@code min_confidence}. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Tells each turn's language (ISO 639-1), code-switched spans, and replies in another language.",
                    "languages", "min_letters", "sample_chars", "min_confidence");
        }

        @Override
        protected Step build(StepParameters p) {
            return new LanguageIdentifier(p.getStringList("languages", DEFAULT_LANGUAGES),
                    p.getInt("min_letters", DEFAULT_MIN_LETTERS), p.getInt("sample_chars", DEFAULT_SAMPLE_CHARS),
                    p.getDouble("min_confidence", DEFAULT_MIN_CONFIDENCE));
        }
    }
}
