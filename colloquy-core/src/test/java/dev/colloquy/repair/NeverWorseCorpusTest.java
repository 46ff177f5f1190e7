package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import dev.colloquy.pipeline.steps.RepairStep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Never worse on whole corpora, in every mode: clean multilingual chat turns (real sentences of 33 locales,
 * every script our code pages serve plus CJK, Korean, Thai, Hindi, Arabic, Persian, Hebrew; 1-8 sentences
 * per turn, emoji and chat punctuation between them) come back unchanged per turn, per line, through a
 * {@link TextRepairer.Session} that has first seen any amount of damaged and clean input, and through the
 * pipeline's {@code repair} step. Each seed is one corpus; the count of changed turns must be 0.
 *
 * <p>The larger run over every installed gettext catalog (132 locales, 20,000 conversations) is
 * {@code bench/repair-corpus.sh}, and {@code RepairCorpusTest} in colloquy-bench.
 */
class NeverWorseCorpusTest {

    private static final List<MultilingualSentences> SENTENCES = MultilingualSentences.load();
    private static final Map<String, List<String>> BY_LOCALE = SENTENCES.stream().collect(Collectors.groupingBy(
            MultilingualSentences::locale, TreeMap::new, Collectors.mapping(MultilingualSentences::text,
                    Collectors.toList())));
    private static final String[] EMOJI = {"😀", "😂", "🙏", "👍", "❤️", "✨", "🎬", "💡", "🔥", "🤔", "👨‍👩‍👧",
        "🇩🇪", "✅", "❌", "⚠️", "☕", "🙂", "💯", "👉🏽", "🌍"};
    private static final String[] GLUE = {" ", " ", "\n", " — ", "… ", "!! ", "?! ", " :) ", " (", ") ", " « ",
        " » ", " “", "” ", " „", " ‘", "’ ", " -> ", " • ", " № ", " ¿", " ¡", " 100€ ", " ±2 ", " ° ", " × ",
        "，", "。", "、", " ¬ ", " © ", " ½ ", "\u00A0", "\u200B"};
    private static final TextRepairer REPAIRER = TextRepairer.defaults();

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 6).mapToObj(i -> 7919L * i);
    }

    @ParameterizedTest(name = "corpus seed {0}")
    @MethodSource("seeds")
    void changesNoCleanTurnPerTurnPerLineOrThroughThePipeline(long seed) {
        List<String> turns = corpus(seed, 150);
        List<String> changed = new ArrayList<>();
        for (String turn : turns) {
            if (!REPAIRER.repair(turn).text().equals(turn)) {
                changed.add("turn: " + turn);
            }
            for (String line : turn.split("\n")) {
                if (!REPAIRER.repair(line).text().equals(line)) {
                    changed.add("line: " + line);
                }
            }
        }
        List<Turn> asTurns = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            asTurns.add(new Turn(i % 2 == 0 ? "A" : "B", i % 2 == 0 ? Role.USER : Role.ASSISTANT, turns.get(i)));
        }
        Conversation c = new Conversation("corpus-" + seed, new SourcePosition("corpus", 1), asTurns);
        Conversation out = ((StepResult.Kept) new RepairStep().apply(c)).conversation();
        assertThat(out).as("the pipeline's repair step").isSameAs(c);
        assertThat(changed).as("changed clean turns/lines of %d", turns.size()).isEmpty();
    }

    @ParameterizedTest(name = "session seed {0}")
    @MethodSource("seeds")
    void changesNoCleanTurnInASessionWhateverItSawBefore(long seed) {
        Random rnd = new Random(seed);
        TextRepairer.Session session = REPAIRER.session();
        // earlier input: damaged lines of every kind (what a session learns from), then clean and damaged mixed
        int earlier = rnd.nextInt(120);
        for (int i = 0; i < earlier; i++) {
            session.repair(damaged(rnd));
        }
        List<String> changed = new ArrayList<>();
        for (String turn : corpus(seed ^ 0x5EED, 120)) {
            if (rnd.nextInt(3) == 0) {
                session.repair(damaged(rnd));
            }
            if (!session.repair(turn).text().equals(turn)) {
                changed.add(turn);
            }
        }
        assertThat(changed).as("clean turns a session changed after %d damaged lines", earlier).isEmpty();
    }

    /** Clean chat turns: 1-8 real sentences of one locale (one turn in ten mixes two), with emoji and glue. */
    static List<String> corpus(long seed, int size) {
        Random rnd = new Random(seed);
        List<String> locales = new ArrayList<>(BY_LOCALE.keySet());
        List<String> turns = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            String locale = locales.get(t % locales.size());
            StringBuilder turn = new StringBuilder();
            int n = 1 + rnd.nextInt(8);
            for (int s = 0; s < n; s++) {
                String loc = rnd.nextInt(10) == 0 ? locales.get(rnd.nextInt(locales.size())) : locale;
                List<String> pool = BY_LOCALE.get(loc);
                if (s > 0) {
                    turn.append(GLUE[rnd.nextInt(GLUE.length)]);
                }
                String sentence = pool.get(rnd.nextInt(pool.size()));
                // one sentence in twelve as a table row, its words glued to box-drawing rules (│Имя│Фамилия│): DOS
                // and KOI8 pages read a rule after a letter as a UTF-8 continuation
                turn.append(rnd.nextInt(12) == 0 ? "│" + String.join("│", sentence.split(" ")) + "│" : sentence);
                if (rnd.nextInt(3) == 0) {
                    turn.append(' ').append(EMOJI[rnd.nextInt(EMOJI.length)]);
                    if (rnd.nextBoolean()) {
                        turn.append(EMOJI[rnd.nextInt(EMOJI.length)]);
                    }
                }
            }
            turns.add(turn.toString());
        }
        return turns;
    }

    /** A real sentence mis-decoded with a random code page, sometimes twice, sometimes losing bytes. */
    static String damaged(Random rnd) {
        String s = SENTENCES.get(rnd.nextInt(SENTENCES.size())).text();
        if (rnd.nextInt(4) == 0) {
            s += " " + EMOJI[rnd.nextInt(EMOJI.length)];
        }
        CodePage page = CodePages.ALL.get(rnd.nextInt(CodePages.ALL.size()));
        int layers = rnd.nextInt(5) == 0 ? 2 : 1;
        boolean lossy = rnd.nextInt(3) == 0;
        for (int l = 0; l < layers; l++) {
            StringBuilder sb = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                int x = b & 0xFF;
                char c = page.charOf(x);
                if (c == '\uFFFD' || lossy && page.isUndefined(x)) {
                    continue;
                }
                sb.append(lossy && c == '\u00A0' ? ' ' : c);
            }
            s = sb.toString();
        }
        return s;
    }
}
