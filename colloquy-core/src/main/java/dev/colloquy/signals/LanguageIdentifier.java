package dev.colloquy.signals;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
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
 * language than the turn they answer ({@link LanguageMismatch}). Thread-safe and serializable: the Lingua detector
 * is looked up in a shared cache by language set, never held.
 */
public final class LanguageIdentifier implements Step {

    /*
     * Cheapest evidence first, because Lingua costs 0.2-1 ms per call and a seed-sized conversation has a budget
     * of about 1 ms in all:
     *  1. Split the turn into script runs (letters only; punctuation, digits and emoji join the run they are in)
     *     and pick the dominant script by letters, a CJK/Hangul character weighing three Latin letters.
     *  2. A script that decides the language alone (Hangul, Thai, Greek, ...; CJK: kana -> ja, else zh) decides it.
     *  3. Latin text: the function-word tables (FunctionWords) decide most turns in the big European languages.
     *     They read up to four times sampleChars: a table lookup per word costs far less than Lingua.
 *  4. Otherwise Lingua, restricted to the configured languages, on a bounded sample of the dominant script's
     *     text: sampleChars code points taken from the start, middle and end. Lingua's values are relative to the
     *     best language (best = 1.0); confidence is the distance to the runner-up scaled so that 0.25 is 1.0,
     *     and below minConfidence the turn is "und".
     * Fewer than minLetters letters is "und" at once: "ok", "hola" and emoji have no reliable language.
     * Spans: each run of another script with at least SPAN_MIN_LETTERS letters; its language is told the same
     * way when it has minLetters letters, else "und" with its script. Within Latin script, paragraphs (blank-line
     * separated) that the function-word tables give to another language become spans too; sentence-level
     * switching inside a paragraph is not reported: telling it needs Lingua on every sentence.
     */

    public static final String NAME = "language";

    /** The default Lingua set: common languages of chat corpora in Latin, Cyrillic and Arabic script. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl", "pl",
            "cs", "sk", "sv", "da", "nb", "fi", "hu", "ro", "tr", "id", "ms", "vi", "ca", "hr", "ru", "uk", "bg",
            "ar", "fa", "ur");

    private static final int SPAN_MIN_LETTERS = 3;
    private static final FunctionWords FUNCTION_WORDS = new FunctionWords();

    private final Set<Language> lingua;
    private final Set<String> allowed;
    private final int minLetters;
    private final int sampleChars;
    private final double minConfidence;
    private final boolean lowAccuracy;

    /**
     * @param languages     ISO 639-1 codes Lingua may choose among (scripts that decide alone are always known)
     * @param minLetters    fewer letters than this give "und"
     * @param sampleChars   at most this many characters of a turn go to Lingua
     * @param minConfidence below this confidence a turn is "und"
     * @param lowAccuracy   Lingua's low-accuracy mode: trigrams only, ~35 MB instead of ~900 MB for the defaults
     */
    public LanguageIdentifier(List<String> languages, int minLetters, int sampleChars, double minConfidence,
                              boolean lowAccuracy) {
        Set<Language> set = EnumSet.noneOf(Language.class);
        Set<String> codes = new LinkedHashSet<>();
        for (String code : languages) {
            Language l = parse(code);
            set.add(l);
            codes.add(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
        }
        if (set.size() < 2) {
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
        this.lingua = set;
        this.allowed = Set.copyOf(codes);
        this.minLetters = minLetters;
        this.sampleChars = sampleChars;
        this.minConfidence = minConfidence;
        this.lowAccuracy = lowAccuracy;
    }

    public LanguageIdentifier() {
        this(DEFAULT_LANGUAGES, 10, 200, 0.4, true);
    }

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
        List<Turn> turns = c.turns();
        List<Turn> out = new ArrayList<>(turns.size());
        List<TurnLanguage> found = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            TurnLanguage tl = identify(i, turns.get(i).text());
            found.add(tl);
            out.add(turns.get(i).withFindings(List.of(tl)));
        }
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
        return StepResult.kept(c.withTurns(out).withFindings(mismatches));
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
     * Paragraphs of a Latin-script turn that the function-word tables give to another language than the turn's:
     * an English turn quoting a German paragraph. Lingua is not asked, to keep the cost at one tokenization.
     */
    private void latinSwitches(String text, String language, List<LanguageSpan> spans) {
        int from = 0;
        boolean several = text.indexOf("\n\n") >= 0;
        while (several && from < text.length()) {
            int brk = text.indexOf("\n\n", from);
            int to = brk < 0 ? text.length() : brk;
            String paragraph = text.substring(from, to);
            FunctionWords.Decision d = FUNCTION_WORDS.decide(Tokens.of(paragraph), allowed);
            if (d != null && !d.language().equals(language)) {
                int lead = paragraph.length() - paragraph.stripLeading().length();
                int start = text.codePointCount(0, from + lead);
                String body = paragraph.strip();
                spans.add(new LanguageSpan(start, start + body.codePointCount(0, body.length()), d.language(),
                        Script.LATIN.code()));
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
        if (!script.needsDetector()) {
            return Guess.NONE;
        }
        if (script == Script.LATIN) {
            // Function words are cheap, so they get a larger sample than Lingua: more words, surer decisions.
            String words = sample(text, runs, script, sampleChars * 4);
            FunctionWords.Decision d = FUNCTION_WORDS.decide(Tokens.of(words), allowed);
            if (d != null) {
                return new Guess(d.language(), round(d.confidence()), TurnLanguage.Method.FUNCTION_WORDS);
            }
        }
        return lingua(sample(text, runs, script, sampleChars));
    }

    private Guess lingua(String sample) {
        SortedMap<Language, Double> values = LinguaDetectors.get(lingua, lowAccuracy)
                .computeLanguageConfidenceValues(sample);
        if (values.isEmpty()) {
            return Guess.NONE;
        }
        // Lingua sorts this map by descending value; its first entry is the best language.
        Iterator<Map.Entry<Language, Double>> it = values.entrySet().iterator();
        Map.Entry<Language, Double> best = it.next();
        double second = it.hasNext() ? it.next().getValue() : 0;
        double confidence = Math.min(1.0, (best.getValue() - second) / best.getValue() * 4);
        if (confidence < minConfidence || best.getKey() == Language.UNKNOWN) {
            return Guess.NONE;
        }
        String code = best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
        return new Guess(code, round(confidence), TurnLanguage.Method.LINGUA);
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

    /** Builds {@link LanguageIdentifier} from {@code languages}, {@code min_letters}, {@code sample_chars},
     * {@code min_confidence} and {@code accuracy} ({@code low} or {@code high}). */
    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Tells each turn's language (ISO 639-1), code-switched spans, and replies in another language.";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("languages", "min_letters", "sample_chars", "min_confidence", "accuracy");
        }

        @Override
        public Step create(StepParameters p) {
            List<String> languages = p.getStringList("languages", DEFAULT_LANGUAGES);
            int minLetters = p.getInt("min_letters", 10);
            int sample = p.getInt("sample_chars", 200);
            double minConfidence = p.getDouble("min_confidence", 0.4);
            String accuracy = p.getString("accuracy", "low");
            p.requireAllConsumed(parameters());
            if (!accuracy.equals("low") && !accuracy.equals("high")) {
                throw new IllegalArgumentException("Step '" + NAME + "': parameter 'accuracy' must be low or high, was '"
                        + accuracy + "'");
            }
            return new LanguageIdentifier(languages, minLetters, sample, minConfidence, accuracy.equals("low"));
        }
    }
}
