package dev.colloquy.repair;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A character-level model of text: how likely is code point {@code cp} right after {@code preceding}, in a
 * text that looks like a given sample. Used to rank the candidate fillings of dropped bytes and the candidate
 * charsets of raw bytes. Thread-safe; {@link #standard()} is shared and loads its data lazily.
 *
 * <pre>
 * log P(cp | preceding) = log P(class of cp | preceding)        class: letter, space, digit, punctuation,
 *                                                                 symbol, emoji, format, control, private
 *                       + log P(cp | class, preceding)
 * Letters:  P(script) from the sample's letter mix (smoothed; a script absent from the sample is unlikely,
 *           a letter glued to a letter of another script more so), times
 *           sum over the script's languages L of w(L) * P_L(lower(cp) | previous letter), where the Lingua
 *           n-gram models give P_L (bigram interpolated with unigram and a floor; Greek, Hebrew and Korean take
 *           their bigrams and trigrams from {@link DetectorProfiles}) and w(L) is the posterior of
 *           L given the sample's letters of that script (bigram likelihood, uniform prior), times a case
 *           factor (an upper-case letter inside a lower-case word is rare), and after a space a word-start
 *           factor where a language has one (Korean: {@link KoreanMessageGrams#wordStarts}); for a letter after two letters of
 *           its script, the trigrams of the languages weighing >= 0.3 rescale the estimate:
 *           sum w (0.75 P_tri + 0.25 P_bi) / sum w P_bi (trigram tables load only for such languages).
 *           Chinese and Japanese (Lingua has unigrams only): the larger of the unigram and ICU's CJK dictionary
 *           (single-character word cost, 0.32 exp(-cost / 15); costs are ~ -15 ln(frequency) + const, see
 *           {@link CjkDictionary}); Han, Hiragana and Katakana share one script share, a switch between the
 *           kana costs x0.5; a character that completes a dictionary word w of 2..6 characters gets the
 *           word's association, exp(PMI) = exp((sum of its characters' single costs - cost(w)) / 15), at most
 *           e^8 (a character found only inside words counts as cost 100): the word vouches for its characters,
 *           which matters for 怎 (rare alone, common in 怎么) and for katakana.
 * Others:   Lingua has no data for them, so priors come from Unicode properties (general category, Unicode
 *           age: older is likelier) plus a few context rules: a closing quote after its unmatched opening
 *           quote is likely, an opening quote while one is open is not; a zero-width joiner belongs between
 *           emoji; bidi marks belong in right-to-left text. See {@link SymbolPrior}.
 * Invalid:  unassigned, surrogate and non-characters get -infinity.
 * </pre>
 * Scripts get their languages from the unigram models themselves: a language serves every script holding at
 * least 5% of its unigram mass (so Japanese serves Han, Hiragana and Katakana).
 */
final class CharLikelihood implements CharModel {

    /** Log-probability of an impossible character. */
    static final double IMPOSSIBLE = Double.NEGATIVE_INFINITY;

    private static final double FLOOR = 1e-6;
    private static final double P_LETTER = 0.78;
    /** Letters of the sample used for script shares and language weights: enough to tell languages apart. */
    private static final int SAMPLE_LETTERS = 400;
    /** ー: about 1% of Japanese text, but missing from Lingua's ja model, which keeps letters only. */
    private static final int PROLONGED_SOUND_MARK = 0x30FC;
    /** How many code units of left context {@link Scorer#logProb(CharSequence, int, int)} looks at. */
    static final int RECENT_CHARS = 6;

    private final LinguaNgrams ngrams;
    private final CjkDictionary dictionary;
    private volatile Map<Integer, List<String>> languagesByScript;
    private final Map<String, Integer> mainScripts = new ConcurrentHashMap<>();
    private final Map<String, LogInterpolated> logInterpolated = new ConcurrentHashMap<>();

    CharLikelihood(LinguaNgrams ngrams, CjkDictionary dictionary) {
        this.ngrams = ngrams;
        this.dictionary = dictionary;
    }

    /** The shared model over Lingua's bundled n-grams; data loads on first use. */
    static CharLikelihood standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final CharLikelihood STANDARD = new CharLikelihood(new LinguaNgrams(), CjkDictionary.standard());
    }

    /** A scorer tuned to texts like {@code sample} (its scripts and languages). */
    @Override
    public Scorer scorer(CharSequence sample) {
        return new Scorer(sample, true);
    }

    /** ICU's word costs are about -15 ln(frequency) + const ({@link CjkDictionary}): a split's cost / 15 is in nats. */
    @Override
    public double wordsLogProb(CharSequence run) {
        return -dictionary.splitCost(run) / 15.0;
    }

    /** A cheaper scorer (bigrams at most): for ranking many whole decodings, where trigrams add little. */
    Scorer bigramScorer(CharSequence sample) {
        return new Scorer(sample, false);
    }

    /**
     * The last {@link #RECENT_CHARS} code units of {@code preceding} (a surrogate pair kept whole): all of it a
     * scorer's question reads but the quote open in it ({@link SymbolPrior#unmatchedOpener}) and, after a ZWJ, the
     * emoji before it.
     */
    static CharSequence recent(CharSequence preceding) {
        int from = Math.max(0, preceding.length() - RECENT_CHARS);
        if (from > 0 && Character.isLowSurrogate(preceding.charAt(from))) {
            from--;
        }
        return preceding.subSequence(from, preceding.length());
    }

    /** Scores characters in the language mix of one sample. Cheap to create; not shared across threads. */
    final class Scorer implements CharModel.Scorer {
        private final Map<Integer, Integer> scriptCounts = new HashMap<>();
        private final int letterCount;
        /** Letters of Han, Hiragana and Katakana together: one writing system, whatever the mix. */
        private final int japaneseOrChinese;
        /** Per script (a UScript code), its languages' weights and tables, built on first use. */
        private final LanguageMix[] mixes = new LanguageMix[UScript.CODE_LIMIT];
        private final Map<Integer, List<String>> lettersByScript = new HashMap<>();
        private final boolean rightToLeft;
        private final SymbolPrior symbols;
        private final LongDoubleMap cache = new LongDoubleMap();
        private final Map<String, Double> wordCache = new HashMap<>();
        private final LongDoubleMap trigramCache = new LongDoubleMap();
        private final LongDoubleMap quadrigramCache = new LongDoubleMap();
        private final LongDoubleMap wordEndCache = new LongDoubleMap();
        private final boolean useTrigrams;

        Scorer(CharSequence sample, boolean useTrigrams) {
            this.useTrigrams = useTrigrams;
            int letters = 0;
            int rtl = 0;
            Map<Integer, StringBuilder> text = new HashMap<>();
            int previousScript = -1;
            for (int i = 0; i < sample.length(); ) {
                int cp = Character.codePointAt(sample, i);
                i += Character.charCount(cp);
                if (isLetterLike(cp)) {
                    int script = scriptOf(cp);
                    letters++;
                    if (letters > SAMPLE_LETTERS) {
                        break;
                    }
                    scriptCounts.merge(script, 1, Integer::sum);
                    StringBuilder sb = text.computeIfAbsent(script, s -> new StringBuilder());
                    if (previousScript != script && sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.appendCodePoint(UCharacter.toLowerCase(cp));
                    previousScript = script;
                    if (script == UScript.ARABIC || script == UScript.HEBREW) {
                        rtl++;
                    }
                } else {
                    previousScript = -1;
                    for (StringBuilder sb : text.values()) {
                        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                            sb.append(' ');
                        }
                    }
                }
            }
            this.letterCount = letters;
            this.japaneseOrChinese = scriptCounts.getOrDefault(UScript.HAN, 0)
                    + scriptCounts.getOrDefault(UScript.HIRAGANA, 0) + scriptCounts.getOrDefault(UScript.KATAKANA, 0);
            this.rightToLeft = rtl > 0;
            text.forEach((script, sb) -> lettersByScript.put(script, List.of(sb.toString())));
            int mainScript = -1;
            for (Map.Entry<Integer, Integer> e : scriptCounts.entrySet()) {
                if (mainScript < 0 || e.getValue() > scriptCounts.get(mainScript)) {
                    mainScript = e.getKey();
                }
            }
            int main = mainScript;
            this.symbols = new SymbolPrior(sample, scriptCounts, rightToLeft,
                    () -> main < 0 ? Map.of() : quoteWeights(main));
        }

        /** Log-probability (natural log) of {@code cp} directly after {@code preceding}. */
        @Override
        public double logProb(CharSequence preceding, int cp) {
            return withZwj(preceding, cp, logProb(recent(preceding), SymbolPrior.unmatchedOpener(preceding), cp));
        }

        /** As {@link #logProb(CharSequence, int)} for each char, with the left context and its open quote read once. */
        @Override
        public void logProbs(CharSequence preceding, int[] cps, int n, double[] out) {
            CharSequence recent = recent(preceding);
            int openQuote = SymbolPrior.unmatchedOpener(preceding);
            for (int k = 0; k < n; k++) {
                out[k] = withZwj(preceding, cps[k], logProb(recent, openQuote, cps[k]));
            }
        }

        /** {@code lp}, the log-probability of {@code cp} after {@code preceding}, with the ZWJ sequences' factor. */
        private static double withZwj(CharSequence preceding, int cp, double lp) {
            if (cp == 0x200D || lp != IMPOSSIBLE && preceding.length() > 0
                    && preceding.charAt(preceding.length() - 1) == '\u200D') {
                // a ZWJ after an emoji, an emoji after a ZWJ: the sequences Unicode recommends (🏳️‍🌈, 👨‍🍳)
                double factor = SymbolPrior.zwjSequenceFactor(preceding, cp);
                lp += factor == 1 ? 0 : Math.log(factor);
            }
            return lp;
        }

        /**
         * Log-probability of {@code cp} after {@code recent} (the last few characters: {@link #RECENT_CHARS}
         * code units suffice), while the quote {@code openQuote} is open (-1: none; see
         * {@link SymbolPrior#openQuoteAfter}).
         */
        double logProb(CharSequence recent, int openQuote, int cp) {
            int previous = recent.length() == 0 ? -1 : Character.codePointBefore(recent, recent.length());
            double lp = logProb(previous, openQuote, cp);
            if (lp != IMPOSSIBLE && isCjkLetter(cp) && previous >= 0 && isCjkLetter(previous)) {
                lp += Math.log(wordFactor(recent, cp));
            } else if (lp != IMPOSSIBLE && previous >= 0 && isLetterLike(cp) && isLetterLike(previous)) {
                int cut = recent.length() - Character.charCount(previous);
                int second = cut <= 0 ? -1 : Character.codePointBefore(recent, cut);
                if (useTrigrams && second >= 0 && isLetterLike(second)) {
                    lp += trigramLogFactor(second, previous, cp);
                    int cut2 = cut - Character.charCount(second);
                    int third = cut2 <= 0 ? -1 : Character.codePointBefore(recent, cut2);
                    if (third >= 0 && isLetterLike(third)) {
                        lp += quadrigramLogFactor(third, second, previous, cp);
                    }
                }
            } else if (lp != IMPOSSIBLE && useTrigrams && previous >= 0 && previous <= 0xFFFF && isLetterLike(previous)
                    && !isLetterLike(cp)) {
                // a word ends here: how often the line's languages end a word after its last letters
                int cut = recent.length() - 1;
                int second = cut <= 0 ? -1 : Character.codePointBefore(recent, cut);
                lp += wordEndLogFactor(second >= 0 && isLetterLike(second) ? second : ' ', previous);
            }
            return lp;
        }

        /**
         * How much likelier than average a word is to end after {@code second previous} ({@code second} a space: a
         * word of one letter), in the languages of their script that have such counts ({@link
         * LinguaNgrams#wordEnds}), weighed by their posterior: log(sum w e^f / sum w), f the language's factor (0
         * where it has none). 0 for a script without such languages, or two letters of different scripts.
         * Ukrainian у alone 2.1, с alone -1.6; Russian -ся 0.9, -сс -0.8 (each language alone).
         */
        private double wordEndLogFactor(int second, int previous) {
            int script = scriptOf(previous);
            if (second > 0xFFFF || second != ' ' && scriptOf(second) != script) {
                return 0;
            }
            long key = NgramTable.key(second == ' ' ? ' ' : UCharacter.toLowerCase(second),
                    UCharacter.toLowerCase(previous));
            if (wordEndCache.find(key)) {
                return wordEndCache.lastValue();
            }
            double factor = mixedLogFactor(mix(script), ngrams::wordEnds, key);
            wordEndCache.put(key, factor);
            return factor;
        }

        /**
         * log(sum w e^f / sum w) over the languages of {@code mix} that have a table of such factors ({@code tables},
         * by language; empty for one without), w the language's posterior, f its factor for {@code key} (0 where its
         * table has none); 0 when no language of the mix has a table.
         */
        private <K> double mixedLogFactor(LanguageMix mix, java.util.function.Function<String, Map<K, Float>> tables, K key) {
            double with = 0;
            double weight = 0;
            for (int l = 0; l < mix.w.length; l++) {
                Map<K, Float> factors = tables.apply(mix.languages[l]);
                if (factors.isEmpty() || mix.w[l] <= 0) {
                    continue;
                }
                Float f = factors.get(key);
                with += mix.w[l] * (f == null ? 1 : Math.exp(f));
                weight += mix.w[l];
            }
            return weight > 0 ? Math.log(with / weight) : 0;
        }

        /**
         * How the trigrams P(cp | second previous) of the script's likely languages (weight >= 0.3) change the
         * bigram estimate: log(sum w (0.75 tri + 0.25 bi) / sum w bi).
         */
        private double trigramLogFactor(int second, int previous, int cp) {
            int script = scriptOf(cp);
            if (scriptOf(previous) != script || scriptOf(second) != script) {
                return 0;
            }
            int a = UCharacter.toLowerCase(second);
            int b = UCharacter.toLowerCase(previous);
            int c = UCharacter.toLowerCase(cp);
            long trigram = NgramTable.key(a, b, c);
            if (trigramCache.find(trigram)) {
                return trigramCache.lastValue();
            }
            double withTrigrams = 0;
            double without = 0;
            LanguageMix mix = mix(script);
            for (int l = 0; l < mix.w.length; l++) {
                double w = mix.w[l];
                if (w < 0.3) {
                    continue;
                }
                NgramTable trigrams = mix.trigrams(l);
                double bi = interpolated(mix.unigrams[l], mix.bigrams[l], b, c);
                double tri = trigrams.isEmpty() ? bi : trigrams.get(trigram);
                withTrigrams += w * (0.75 * tri + 0.25 * bi);
                without += w * bi;
            }
            double factor = without > 0 ? Math.log(withTrigrams / without) : 0;
            trigramCache.put(trigram, factor);
            return factor;
        }

        /**
         * How the quadrigrams P(cp | third, second, previous) of the same languages change the trigram estimate, as
         * the trigrams change the bigram one: log(sum w (0.75 quad + 0.25 est) / sum w est), est the trigram
         * estimate 0.75 tri + 0.25 bi. Three letters of context tell "ошибка" from "осибка" (D1 88 / D1 81 under
         * windows-1257), where "ши" and "си" are both common.
         */
        private double quadrigramLogFactor(int third, int second, int previous, int cp) {
            int script = scriptOf(cp);
            if (scriptOf(previous) != script || scriptOf(second) != script || scriptOf(third) != script) {
                return 0;
            }
            int a = UCharacter.toLowerCase(third);
            int b = UCharacter.toLowerCase(second);
            int c = UCharacter.toLowerCase(previous);
            int d = UCharacter.toLowerCase(cp);
            long key = ((long) QuadrigramTable.fingerprint(a, b, c, d) << 20) ^ d;
            if (quadrigramCache.find(key)) {
                return quadrigramCache.lastValue();
            }
            double withQuadrigrams = 0;
            double without = 0;
            LanguageMix mix = mix(script);
            long trigram = NgramTable.key(b, c, d);
            for (int l = 0; l < mix.w.length; l++) {
                double w = mix.w[l];
                if (w < 0.3) {
                    continue;
                }
                QuadrigramTable quadrigrams = mix.quadrigrams(l);
                NgramTable trigrams = mix.trigrams(l);
                double bi = interpolated(mix.unigrams[l], mix.bigrams[l], c, d);
                double est = trigrams.isEmpty() ? bi : 0.75 * trigrams.get(trigram) + 0.25 * bi;
                double quad = quadrigrams.size() == 0 ? est : quadrigrams.get(a, b, c, d);
                withQuadrigrams += w * (0.75 * quad + 0.25 * est);
                without += w * est;
            }
            double factor = without > 0 ? Math.log(withQuadrigrams / without) : 0;
            quadrigramCache.put(key, factor);
            return factor;
        }

        /** A character's own dictionary cost; characters found only inside words count as rare (100). */
        private double singleCost(int cp) {
            int cost = dictionary.cost(cp);
            return cost < 0 ? CjkDictionary.UNKNOWN_CHAR : cost;
        }

        /** How much likelier {@code cp} is because it ends a dictionary word begun in {@code recent}. */
        private double wordFactor(CharSequence recent, int cp) {
            String key = recent.toString() + new String(Character.toChars(cp));
            Double cached = wordCache.get(key);
            if (cached != null) {
                return cached;
            }
            double logFactor = 0;
            double singles = singleCost(cp);
            for (int start = key.length() - Character.charCount(cp) - 1; start >= 0; start--) {
                int c = Character.codePointAt(key, start);
                if (Character.isLowSurrogate(key.charAt(start)) || !isCjkLetter(c)) {
                    break;
                }
                singles += singleCost(c);
                int cost = dictionary.cost(key.substring(start));
                if (cost >= 0) {
                    logFactor = Math.max(logFactor, (singles - cost) / 15.0);
                }
            }
            double factor = Math.exp(Math.min(8, logFactor));
            wordCache.put(key, factor);
            return factor;
        }

        /**
         * Log-probability of {@code cp} after the character {@code previous} (-1 at the start), while the quote
         * {@code openQuote} is open (-1: none; see {@link SymbolPrior#openQuoteAfter}).
         */
        double logProb(int previous, int openQuote, int cp) {
            long key = (((long) (previous + 1) << 38) | ((long) (openQuote + 1) << 21) | cp) * 0x9E3779B97F4A7C15L;
            if (cache.find(key)) {
                return cache.lastValue();
            }
            double lp;
            if (!isAssigned(cp)) {
                lp = IMPOSSIBLE;
            } else if (SymbolPrior.isVariationSelector(cp)) {
                // a mark by category, but it belongs to the emoji or symbol before it, not to any language
                lp = symbols.variationSelector(previous, cp);
            } else if (isLetterLike(cp)) {
                lp = Math.log(P_LETTER) + letterLogProb(previous, cp);
            } else {
                lp = symbols.logProb(previous, openQuote, cp);
            }
            cache.put(key, lp);
            return lp;
        }

        private double letterLogProb(int previous, int cp) {
            int script = scriptOf(cp);
            double scriptShare = (scriptCounts.getOrDefault(script, 0) + 0.25) / (letterCount + 1.0);
            if (isJapaneseOrChinese(script)) {
                // one writing system: the zh/ja unigrams already weigh kanji against kana
                scriptShare = (japaneseOrChinese + 0.25) / (letterCount + 1.0);
            }
            double lp = Math.log(Math.max(scriptShare, 1e-4));
            boolean previousLetter = previous >= 0 && isLetterLike(previous);
            if (previousLetter) {
                int previousScript = scriptOf(previous);
                if (!sameWritingSystem(previousScript, script)) {
                    lp += Math.log(0.05);
                } else if (previousScript != script && isKana(previousScript) && isKana(script)) {
                    lp += Math.log(0.5);
                }
            }
            lp += Math.log(languageProbability(script, previousLetter ? previous : -1, cp));
            lp += caseLogFactor(previous, cp);
            if (previous == ' ' && useTrigrams) {
                lp += wordStartLogFactor(script, cp);
            }
            return lp;
        }

        /**
         * How much likelier than average {@code cp} is to start a word after a space, in the languages of its script
         * that have such counts ({@link LinguaNgrams#wordStarts}: Korean), weighed by their posterior: log(sum w
         * e^f / sum w), f the language's factor (0 where it has none for {@code cp}); 0 for other scripts.
         */
        private double wordStartLogFactor(int script, int cp) {
            return mixedLogFactor(mix(script), ngrams::wordStarts, cp);
        }

        private double languageProbability(int script, int previous, int cp) {
            LanguageMix mix = mix(script);
            if (mix.w.length == 0) {
                return SymbolPrior.isMathAlphanumeric(cp) ? 1e-7 : 1e-4;
            }
            int c = UCharacter.toLowerCase(cp);
            int before = previous < 0 ? -1 : UCharacter.toLowerCase(previous);
            double p = 0;
            for (int l = 0; l < mix.w.length; l++) {
                p += mix.w[l] * interpolated(mix.unigrams[l], mix.bigrams[l], before, c);
            }
            if (cp == PROLONGED_SOUND_MARK && p < 1e-4) {
                p = 0.01;
            }
            if (isCjkLetter(cp)) {
                int cost = dictionary.cost(c);
                p = Math.max(p, cost < 0 ? 0 : 0.32 * Math.exp(-cost / 15.0));
            }
            return p;
        }

        private Map<String, Double> languageWeights(int script) {
            List<String> languages = languagesOf(script);
            if (languages.isEmpty()) {
                return new HashMap<>();
            }
            List<String> sampleText = lettersByScript.getOrDefault(script, List.of(""));
            SamplePairs pairs = new SamplePairs(sampleText.get(0));
            double[] logLikelihood = new double[languages.size()];
            double[] pairLog = new double[pairs.count];
            for (int l = 0; l < languages.size(); l++) {
                LogInterpolated logs = logInterpolated(languages.get(l));
                for (int d = 0; d < pairs.count; d++) {
                    pairLog[d] = logs.get(pairs.previous[d], pairs.letter[d]);
                }
                // the terms in the sample's order, as a walk over the letters adds them: the same double
                double ll = 0;
                for (int t = 0; t < pairs.terms; t++) {
                    ll += pairLog[pairs.pairOf[t]];
                }
                logLikelihood[l] = ll;
            }
            return posterior(languages, logLikelihood, null);
        }

        /**
         * Each language's posterior given its log-likelihood (a uniform prior), averaged with {@code averagedWith}
         * where that is not null; languages under 0.01 are dropped and the rest weigh 1 together.
         */
        private static Map<String, Double> posterior(List<String> languages, double[] logLikelihood, double[] averagedWith) {
            double best = Double.NEGATIVE_INFINITY;
            for (double ll : logLikelihood) {
                best = Math.max(best, ll);
            }
            double total = 0;
            for (double ll : logLikelihood) {
                total += Math.exp(ll - best);
            }
            Map<String, Double> weights = new HashMap<>();
            for (int l = 0; l < languages.size(); l++) {
                double p = Math.exp(logLikelihood[l] - best) / total;
                double w = averagedWith == null ? p : 0.5 * averagedWith[l] + 0.5 * p;
                if (w >= 0.01) {
                    weights.put(languages.get(l), w);
                }
            }
            double kept = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            weights.replaceAll((language, w) -> w / kept);
            return weights;
        }

        /**
         * The languages whose quotation marks a line follows: the average of {@code script}'s posterior by bigrams
         * ({@link #languageWeights}) and the posterior of the same languages by their trigrams and quadrigrams over
         * the sample's letters of that script, rated as the letters themselves are (0.75 quad + 0.25 (0.75 tri +
         * 0.25 bi)). On a short line bigrams alone are unsure: Finnish {@code Tunnistamaton tilabitti} reads as Latin
         * 0.40, Italian 0.29, Finnish 0.04 (its {@code nn}, {@code tt}, {@code ti} are Italian's too), and the twin
         * page that can have lost 0x9E filled the Polish opener „ where Finnish writes ” (quadrigrams: Finnish 1.0).
         * Quadrigrams alone are no surer: they read Swedish {@code ogiltigt tecken i typsträngen} as German 0.81.
         * Only where the bigram posterior gives no language the majority; asked on a line's first quotation mark.
         */
        private Map<String, Double> quoteWeights(int script) {
            LanguageMix mix = mix(script);
            double top = 0;
            for (double w : mix.w) {
                top = Math.max(top, w);
            }
            if (top >= 0.5) {
                // bigrams that give one language the majority are kept: longer n-grams read a Lithuanian line's
                // English product name as English, where its translator's „…“ stood
                return mix.weights;
            }
            String letters = lettersByScript.getOrDefault(script, List.of("")).get(0);
            double[] logLikelihood = new double[mix.w.length];
            for (int l = 0; l < mix.w.length; l++) {
                NgramTable trigrams = mix.trigrams(l);
                QuadrigramTable quadrigrams = mix.quadrigrams(l);
                double ll = 0;
                int a = -1;
                int b = -1;
                int c = -1;
                for (int i = 0; i < letters.length(); ) {
                    int d = letters.codePointAt(i);
                    i += Character.charCount(d);
                    if (d == ' ') {
                        a = b = c = -1;
                        continue;
                    }
                    double p = interpolated(mix.unigrams[l], mix.bigrams[l], c, d);
                    if (b >= 0 && !trigrams.isEmpty()) {
                        p = 0.75 * trigrams.get(NgramTable.key(b, c, d)) + 0.25 * p;
                    }
                    if (a >= 0 && quadrigrams.size() != 0) {
                        p = 0.75 * quadrigrams.get(a, b, c, d) + 0.25 * p;
                    }
                    ll += Math.log(p);
                    a = b;
                    b = c;
                    c = d;
                }
                logLikelihood[l] = ll;
            }
            return posterior(java.util.Arrays.asList(mix.languages), logLikelihood, mix.w);
        }

        /** The languages of {@code script} with their weights and tables, built once per scorer. */
        private LanguageMix mix(int script) {
            if (script < 0 || script >= mixes.length) {
                return new LanguageMix(languageWeights(script));
            }
            LanguageMix mix = mixes[script];
            if (mix == null) {
                mix = new LanguageMix(languageWeights(script));
                mixes[script] = mix;
            }
            return mix;
        }

        /**
         * P_L(c | previous) for lower-case code points, from language L's {@code unigrams} and {@code bigrams};
         * {@code previous} -1 at the start of a word.
         */
        private static double interpolated(NgramTable unigrams, NgramTable bigrams, int previous, int c) {
            double uni = unigrams.get(NgramTable.key(c));
            if (previous < 0 || bigrams.isEmpty()) {
                return 0.98 * uni + 0.02 * FLOOR;
            }
            double bi = bigrams.get(NgramTable.key(previous, c));
            return 0.7 * bi + 0.29 * uni + 0.01 * FLOOR;
        }
    }

    /**
     * A sample's letters as the terms of its log-likelihood under a language, log P_L(letter | previous) with previous
     * -1 at a word's start, each distinct (previous, letter) pair numbered once: {@code Scorer.languageWeights} rates
     * each pair once per language (a 400-letter sample holds far fewer distinct pairs than letters, and each rating is
     * a lookup in that language's tables, 45 of them for Latin) and adds the terms in the sample's order.
     */
    static final class SamplePairs {
        /** Per term, in the sample's order: its pair. */
        final int[] pairOf;
        final int terms;
        /** Per pair: the letter before (-1: none) and the letter. */
        final int[] previous;
        final int[] letter;
        final int count;

        /** @param letters lower-case letters, words separated by single spaces */
        SamplePairs(String letters) {
            pairOf = new int[letters.length()];
            previous = new int[letters.length()];
            letter = new int[letters.length()];
            LongDoubleMap numbers = new LongDoubleMap();
            int t = 0;
            int n = 0;
            int before = -1;
            for (int i = 0; i < letters.length(); ) {
                int cp = letters.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == ' ') {
                    before = -1;
                    continue;
                }
                long key = (long) (before + 1) << 21 | cp;
                int number;
                if (numbers.find(key)) {
                    number = (int) numbers.lastValue();
                } else {
                    number = n++;
                    numbers.put(key, number);
                    previous[number] = before;
                    letter[number] = cp;
                }
                pairOf[t++] = number;
                before = cp;
            }
            terms = t;
            count = n;
        }
    }

    /** {@link LogInterpolated} of {@code language}, built on first use. */
    private LogInterpolated logInterpolated(String language) {
        LogInterpolated logs = logInterpolated.get(language);
        return logs != null ? logs : logInterpolated.computeIfAbsent(language,
                l -> new LogInterpolated(ngrams.unigramTable(l), ngrams.bigramTable(l)));
    }

    /**
     * log P_L(c | previous) ({@code Math.log} of {@link Scorer#interpolated}) for one language, worked out once for
     * every n-gram of its tables: every scorer weighs the languages of each script it meets by this sum over the
     * sample's letters (45 Latin languages x up to 400 letters), which was a tenth of repairing damaged text as two
     * table lookups and a logarithm per term. The values are those very logarithms, so every sum is the same double.
     * Immutable; thread-safe.
     */
    private static final class LogInterpolated {
        private final NgramTable unigrams;
        private final NgramTable bigrams;
        /** Per slot of {@code bigrams}: the log of that bigram's interpolated probability. */
        private final double[] bigramLog;
        /** Per slot of {@code unigrams}: the log at the start of a word, and after a letter with no bigram. */
        private final double[] startLog;
        private final double[] unseenBigramLog;
        /** The same for a char the unigrams lack. */
        private final double unknownStartLog;
        private final double unknownAfterLetterLog;

        LogInterpolated(NgramTable unigrams, NgramTable bigrams) {
            this.unigrams = unigrams;
            this.bigrams = bigrams;
            bigramLog = new double[bigrams.slots()];
            for (int slot = 0; slot < bigramLog.length; slot++) {
                long key = bigrams.keyAt(slot);
                if (key != 0) {
                    int previous = (int) (key >>> 21);
                    int c = (int) (key & 0x1FFFFF);
                    bigramLog[slot] = Math.log(Scorer.interpolated(unigrams, bigrams, previous, c));
                }
            }
            startLog = new double[unigrams.slots()];
            unseenBigramLog = new double[unigrams.slots()];
            for (int slot = 0; slot < startLog.length; slot++) {
                if (unigrams.keyAt(slot) != 0) {
                    double uni = unigrams.valueAt(slot);
                    startLog[slot] = Math.log(0.98 * uni + 0.02 * FLOOR);
                    unseenBigramLog[slot] = Math.log(0.7 * 0f + 0.29 * uni + 0.01 * FLOOR);
                }
            }
            unknownStartLog = Math.log(0.98 * 0f + 0.02 * FLOOR);
            unknownAfterLetterLog = Math.log(0.7 * 0f + 0.29 * 0f + 0.01 * FLOOR);
        }

        /** {@code Math.log(interpolated(unigrams, bigrams, previous, c))}. */
        double get(int previous, int c) {
            if (previous >= 0 && !bigrams.isEmpty()) {
                int slot = bigrams.slotOf(NgramTable.key(previous, c));
                if (slot >= 0) {
                    return bigramLog[slot];
                }
                int uni = unigrams.slotOf(NgramTable.key(c));
                return uni >= 0 ? unseenBigramLog[uni] : unknownAfterLetterLog;
            }
            int uni = unigrams.slotOf(NgramTable.key(c));
            return uni >= 0 ? startLog[uni] : unknownStartLog;
        }
    }

    /**
     * The weights of one script's languages (the map {@code languageWeights} made) as arrays in the map's order,
     * with each language's tables: the scorer sums over them for every letter it rates, in the same order as
     * the map would, so every sum is the same double.
     */
    private final class LanguageMix {
        final Map<String, Double> weights;
        final String[] languages;
        final double[] w;
        final NgramTable[] unigrams;
        final NgramTable[] bigrams;
        private final NgramTable[] trigrams;
        private final QuadrigramTable[] quadrigrams;

        LanguageMix(Map<String, Double> weights) {
            this.weights = weights;
            int n = weights.size();
            languages = new String[n];
            w = new double[n];
            unigrams = new NgramTable[n];
            bigrams = new NgramTable[n];
            trigrams = new NgramTable[n];
            quadrigrams = new QuadrigramTable[n];
            int l = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                languages[l] = e.getKey();
                w[l] = e.getValue();
                unigrams[l] = ngrams.unigramTable(e.getKey());
                bigrams[l] = ngrams.bigramTable(e.getKey());
                l++;
            }
        }

        /** Language {@code l}'s quadrigrams, loaded on first use (only languages weighing >= 0.3 ask). */
        QuadrigramTable quadrigrams(int l) {
            QuadrigramTable t = quadrigrams[l];
            if (t == null) {
                t = ngrams.quadrigramTable(languages[l]);
                quadrigrams[l] = t;
            }
            return t;
        }

        /** Language {@code l}'s trigrams, loaded on first use (only languages weighing >= 0.3 ask). */
        NgramTable trigrams(int l) {
            NgramTable t = trigrams[l];
            if (t == null) {
                t = ngrams.trigramTable(languages[l]);
                trigrams[l] = t;
            }
            return t;
        }
    }

    /** Languages whose models cover a script (Latin: ~45, Han: zh and ja, Greek: el...). */
    List<String> languagesOf(int script) {
        Map<Integer, List<String>> byScript = languagesByScript;
        if (byScript == null) {
            synchronized (this) {
                byScript = languagesByScript;
                if (byScript == null) {
                    byScript = indexScripts();
                    languagesByScript = byScript;
                }
            }
        }
        return byScript.getOrDefault(script, List.of());
    }

    private Map<Integer, List<String>> indexScripts() {
        Map<Integer, List<String>> byScript = new HashMap<>();
        for (String language : LinguaNgrams.LANGUAGES) {
            Map<Integer, Double> mass = new HashMap<>();
            double total = 0;
            for (Map.Entry<String, Float> e : ngrams.unigrams(language).entrySet()) {
                int cp = e.getKey().codePointAt(0);
                if (isLetterLike(cp)) {
                    mass.merge(scriptOf(cp), (double) e.getValue(), Double::sum);
                    total += e.getValue();
                }
            }
            for (Map.Entry<Integer, Double> e : mass.entrySet()) {
                if (e.getValue() >= 0.05 * total) {
                    byScript.computeIfAbsent(e.getKey(), s -> new ArrayList<>()).add(language);
                }
            }
        }
        byScript.replaceAll((script, languages) -> List.copyOf(languages));
        return Map.copyOf(byScript);
    }

    private static double caseLogFactor(int previous, int cp) {
        boolean upper = UCharacter.isUUppercase(cp) || UCharacter.getType(cp) == UCharacterCategory.TITLECASE_LETTER;
        boolean lower = UCharacter.isULowercase(cp);
        if (!upper && !lower) {
            return 0;
        }
        boolean previousLetter = previous >= 0 && UCharacter.isLetter(previous);
        if (previousLetter && UCharacter.isULowercase(previous)) {
            return upper ? Math.log(0.02) : Math.log(0.98);
        }
        if (previousLetter && UCharacter.isUUppercase(previous)) {
            return Math.log(0.5);
        }
        return upper ? Math.log(0.25) : Math.log(0.75);
    }

    /*
     * scriptOf, isLetterLike and isAssigned of a char in one short, remembered per char of the BMP and plane 1
     * (BmpMemo) from the definitions below: every model question asks them of the char and of up to three before it,
     * and each is an ICU lookup (a BitSet for the chars shared between scripts). Bits 0..8: the script (UScript
     * codes are below 512); bit 9: letter-like; bit 10: assigned.
     */
    private static final int SCRIPT_BITS = 0x1FF;
    private static final int LETTER_LIKE = 1 << 9;
    private static final int ASSIGNED = 1 << 10;
    private static final BmpMemo CHAR_CLASS = BmpMemo.withPlane1(CharLikelihood::computeCharClass);

    private static int computeCharClass(int cp) {
        int script = computeScriptOf(cp);
        if (script < 0 || script > SCRIPT_BITS) {
            throw new IllegalStateException("script code out of range: " + script + ", U+" + Integer.toHexString(cp));
        }
        return script | (computeIsLetterLike(cp) ? LETTER_LIKE : 0) | (computeIsAssigned(cp) ? ASSIGNED : 0);
    }

    /** Letters and the marks that attach to them (Thai vowels, Devanagari signs) share the letter model. */
    static boolean isLetterLike(int cp) {
        return cp >= 0 && cp < 0x20000 ? (CHAR_CLASS.get(cp) & LETTER_LIKE) != 0 : computeIsLetterLike(cp);
    }

    private static boolean computeIsLetterLike(int cp) {
        int type = UCharacter.getType(cp);
        return UCharacter.isLetter(cp) || type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK;
    }

    static boolean isAssigned(int cp) {
        return cp >= 0 && cp < 0x20000 ? (CHAR_CLASS.get(cp) & ASSIGNED) != 0 : computeIsAssigned(cp);
    }

    private static boolean computeIsAssigned(int cp) {
        int type = UCharacter.getType(cp);
        return type != UCharacterCategory.UNASSIGNED && type != UCharacterCategory.SURROGATE
                && !UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT);
    }

    /** The script, or for shared characters (the long-vowel mark ー) the first script they extend to. */
    static int scriptOf(int cp) {
        return cp >= 0 && cp < 0x20000 ? CHAR_CLASS.get(cp) & SCRIPT_BITS : computeScriptOf(cp);
    }

    private static int computeScriptOf(int cp) {
        int script = UScript.getScript(cp);
        if (script == UScript.COMMON || script == UScript.INHERITED) {
            java.util.BitSet extensions = new java.util.BitSet();
            int single = UScript.getScriptExtensions(cp, extensions);
            if (single < 0 && !extensions.isEmpty()) {
                return extensions.nextSetBit(0);
            }
        }
        return script;
    }

    private static boolean sameWritingSystem(int a, int b) {
        return a == b || isJapaneseOrChinese(a) && isJapaneseOrChinese(b)
                || a == UScript.INHERITED || b == UScript.INHERITED || a == UScript.COMMON || b == UScript.COMMON;
    }

    static boolean isCjkLetter(int cp) {
        return isJapaneseOrChinese(scriptOf(cp));
    }

    private static boolean isKana(int script) {
        return script == UScript.HIRAGANA || script == UScript.KATAKANA;
    }

    private static boolean isJapaneseOrChinese(int script) {
        return script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA;
    }
}
