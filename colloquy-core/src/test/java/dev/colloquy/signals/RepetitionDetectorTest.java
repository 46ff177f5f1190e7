package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepParameters;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepetitionDetectorTest {

    private final RepetitionDetector step = new RepetitionDetector();

    // Real sentences from Debian's translation catalogs, repeated the way degenerate generations repeat.
    private static final String EN = "Set this to TRUE to activate the screensaver when the session is idle.";
    private static final String DE = "Klicken Sie auf diesen Paletteneintrag, um ihn zur aktuellen Farbe zu machen.";
    private static final String ZH = "可用输入源标识的列表。每个源以一对字符串构成的元组指定。";

    /** The step's finding on a one-turn conversation of {@code text}, or null when it finds none. */
    private static Repetition measure(RepetitionDetector detector, String text) {
        var found = Fixtures.kept(detector, Fixtures.dialogue(text)).turns().get(0).findings(Repetition.class);
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void findsNoRepetitionInTheSeed() {
        Conversation c = Fixtures.kept(step, Fixtures.seed());
        assertThat(c.turns()).allMatch(t -> t.findings(Repetition.class).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {EN, DE, ZH})
    void findsRepeatedLines(String line) {
        String text = (line + "\n").repeat(6) + "This key is deprecated and ignored.";
        Repetition r = measure(step, text);
        assertThat(r).isNotNull();
        assertThat(r.duplicateLineFraction()).isGreaterThan(0.7);
        assertThat(r.exceeded()).contains("dup_line_frac>0.30");
    }

    @Test
    void findsASentenceSaidOverAndOverInOneParagraph() {
        Repetition r = measure(step, (EN + " ").repeat(8));
        assertThat(r).isNotNull();
        assertThat(r.repeatedRunCopies()).isEqualTo(8);
        assertThat(r.exceeded()).containsExactly("repeated_run>=12_tokens");
    }

    @Test
    void appliesTheGopherNgramRulesFromMinWords() {
        Repetition r = measure(new RepetitionDetector(50, 1.0), (EN + " ").repeat(8));
        assertThat(r).isNotNull();
        assertThat(r.duplicateNgramFractions().get(0)).isGreaterThan(0.9);
        assertThat(r.exceeded()).contains("dup_5gram_char_frac>0.15", "dup_10gram_char_frac>0.10");
    }

    // Planted clean turns of the example corpus that Gopher's document thresholds rejected (issue 11):
    // openai.jsonl:67 turn 7 (mke2fs), and lists that repeat a frame with a different slot.
    @ParameterizedTest
    @ValueSource(strings = {
        "disk.  This option requires that the flex_bg file system feature to be enabled in order for it to have"
            + " effect, and will also create the journal at the beginning of the file system.  This option is useful"
            + " for flash devices that use SLC flash at the beginning of the disk.",
        "determines (x) > (y) without an exception determines (x) >= (y) without an exception determines (x) < (y)"
            + " without an exception",
        "Usa FICHERO como la copia original de la base de datos para passwd. El valor Usa FICHERO como la copia"
            + " original de la base de datos para group. El valor",
        "(WARN) A tree contains an entry named (WARN) A tree contains an entry named (WARN) A tree contains an entry"
            + " named (ERROR) Author is missing.",
        "the expression evaluates True, then that item is listed. For more details and examples of filter expressions,"
            + " run $ gcloud topic filters. This flag interacts with other flags that are applied in this order:"
            + " --flatten, Maximum number of resources to list. The default is unlimited. This flag interacts with"
            + " other flags that are applied in this order: --flatten, Some services group resource list output into"
            + " pages. This flag specifies the"})
    void keepsShortTurnsOfRealProseThatRepeatAPhraseOnceOrTwice(String text) {
        assertThat(measure(step, text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Checks are enabled when the second file parameter is specified or is specified or is specified or is"
            + " specified or is specified or is specified or when",
        "Tout est en ordre. Tout est en ordre. Tout est en ordre. Tout est en ordre. Tout est en ordre.",
        "可用输入源标识的列表可用输入源标识的列表可用输入源标识的列表可用输入源标识的列表。",
        "Klicken Sie hier. Klicken Sie hier. Klicken Sie hier. Klicken Sie hier. Klicken Sie hier. Danke."})
    void findsAPhraseLoopingThroughAShortTurn(String text) {
        Repetition r = measure(step, text);
        assertThat(r).as(text).isNotNull();
        assertThat(r.repeatedRunCopies()).isGreaterThanOrEqualTo(4);
        assertThat(r.exceeded()).contains("repeated_run>=12_tokens");
    }

    @Test
    void findsAWholeAnswerSaidFourTimesOver() {
        String answer = "The following options are used after any mandatory argument in archive creation or update"
                + " mode. These options are positional and affect only arguments that follow them. Each source is"
                + " specified as a tuple of two strings; the first string is the type and the second the name.";
        Repetition r = measure(step, (answer + " ").repeat(4));
        assertThat(r).isNotNull();
        assertThat(r.repeatedRunCopies()).isEqualTo(4);
        assertThat(r.repeatedRunTokens()).isGreaterThan(4 * RepetitionDetector.MAX_PERIOD);
    }

    @Test
    void doesNotCountCodeFencesAndBracesAsDuplicateLines() {
        String text = "Try this:\n```\nint a = 1;\n}\n```\nor this:\n```\nint b = 2;\n}\n```\nEither works.";
        assertThat(measure(step, text)).isNull();
    }

    @Test
    void needsTwoDuplicateLinesBeforeTheLineRulesApply() {
        assertThat(measure(step, "Yes.\nI think so.\nYes.")).isNull();
        assertThat(measure(step, "Yes.\nI think so.\nYes.\nYes.").exceeded()).contains("dup_line_frac>0.30");
    }

    @Test
    void leavesLongHanTextToTheRunAndLineRules() {
        // 240 Han characters of real catalog text, two of its sentences said twice: the character 5-grams are
        // words, so Gopher's word thresholds would reject it; it is not a loop.
        String text = (ZH + "此键已弃用并被忽略。" + ZH + "请使用新的设置来代替它。").repeat(3);
        assertThat(Tokens.of(text).size()).isGreaterThan(200);
        assertThat(measure(step, text)).isNull();
    }

    @Test
    void scalesItsThresholds() {
        String text = EN + " " + EN + " " + "The following options are used after any mandatory argument in archive"
                + " creation or update mode. These options are positional and affect only arguments that follow them."
                + " Each source is specified as a tuple of two strings; the first string is the type.";
        assertThat(measure(new RepetitionDetector(10, 1.0), text)).isNotNull();
        assertThat(measure(new RepetitionDetector(10, 4.0), text)).isNull();
    }

    @Test
    void rejectsANonPositiveScale() {
        assertThatThrownBy(() -> new RepetitionDetector.Factory()
                .create(new StepParameters("repetition", Map.of("threshold_scale", 0))))
                .hasMessageContaining("threshold_scale");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndKeepsFractionsInRange(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 50; k++) {
            for (Turn t : Fixtures.kept(step, Fixtures.randomConversation(rnd)).turns()) {
                for (Repetition r : t.findings(Repetition.class)) {
                    assertThat(r.duplicateLineFraction()).as("seed %d", seed).isBetween(0.0, 1.0);
                    assertThat(r.topNgramFractions()).allMatch(f -> f >= 0 && f <= 1);
                    assertThat(r.duplicateNgramFractions()).allMatch(f -> f >= 0 && f <= 1);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void splitsParagraphsWhereTheBlankLinePatternDoes(long seed) {
        java.util.regex.Pattern blankLine = java.util.regex.Pattern.compile("\n\\s*\n");
        String[] pieces = {"\n", "\n", " ", "\t", "\r", "\u000B", "\f", "a", "bc", "\u2028", "\u00A0", "\n\n"};
        Random rnd = new Random(seed);
        for (int k = 0; k < 2_000; k++) {
            StringBuilder text = new StringBuilder();
            for (int n = rnd.nextInt(16); n > 0; n--) {
                text.append(pieces[rnd.nextInt(pieces.length)]);
            }
            assertThat(RepetitionDetector.paragraphs(text.toString())).as("seed %d: '%s'", seed, text)
                    .containsExactly(blankLine.split(text));
        }
    }
}
