package dev.colloquy.signals;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HoleDetectorTest {

    /** Marks where a fixture expects a hole; removed before detection. */
    private static final String MARK = "⟦⟧";
    private static final Pattern TURN_START = Pattern.compile("(?m)^\\[[AB]\\]: ");

    private final HoleDetector detector = new HoleDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "I believe in ⟦⟧. When two people chase the same dream",
            "the one where someone just ⟦⟧ you without effort.",
            "Let the silence stretch. Now ⟦⟧ revolutionary.",
            "I think you nailed it when you said ⟦⟧ There’s something grounding about it.",
            "I love the idea of love as a ⟦⟧—layered, intentional, and unfolding.",
            "two people fall in love not ⟦⟧ the work, but ⟦⟧ of it.",
            "They’re not just made up. They're ⟦⟧, even if we didn’t live them.",
            "You hit the nail on the head—⟦⟧. That’s the missing ingredient.",
            "Absolutely — ⟦⟧. It’s funny how silence works.",
            "See the ⟦⟧ section for details.",
            "He said “⟦⟧” and walked out.",
            "The command keyword (⟦⟧ a leading dot is not needed) comes first.",
            "Paths with a double slash (of ⟦⟧ or ⟦⟧) are deprecated.",
            "Ich glaube an eine ⟦⟧. Das ist alles.",
            "Das ist ein ⟦⟧ Problem für uns.",
            "Je crois en la ⟦⟧. C'est tout.",
            "C'est une ⟦⟧ idée, vraiment.",
            "Creo en el ⟦⟧. Es verdad.",
            "Es un ⟦⟧ problema para todos.",
            // issue 11: holes in every language, from translated man pages with their emphasis cut
            "キーワードを検索する。 apropos ⟦⟧ と同様です。",
            "对于上面的例子，给 ⟦⟧ 加上 ⟦⟧ 选项，就能限制搜索。",
            "此选项会覆盖 $⟦⟧ 环境变量。",
            "可以在参数字符串中包含系统名 ⟦⟧。",
            "正常操作时，⟦⟧ 会优先显示它。",
            "このオプションを使用した場合、 ⟦⟧ はデータベースを削除します。",
            "자세한 정보는 하단 ⟦⟧를 참고하십시오.",
            "Si $⟦⟧ está establecida, su valor es una lista.",
            "Nähere Informationen finden Sie in ⟦⟧(5).",
            "Algunas secciones comunes son ⟦⟧, ⟦⟧, ⟦⟧, etc.",
            "Bu genelde ⟦⟧'yi içerir.",
            // issue 11, second round: option headers, sentence openings and compounds cut, more pairs and slots
            "⟦⟧, ⟦⟧ ⟦⟧ Po neúspěšném přihlášení zamkne účet.",
            "⟦⟧ ⟦⟧, ⟦⟧, ⟦⟧ Busca solo las secciones indicadas.",
            "⟦⟧[⟦⟧], ⟦⟧[=⟦⟧] Deze optie toont de uitvoer.",
            "Busca solo las secciones del manual indicadas.  ⟦⟧ es una lista de secciones.",
            "Verkettung und Auffüllung sind für ⟦⟧-Dateien nicht erlaubt.",
            "Om det inte finns några ⟦⟧-direktiv i filen.",
            "Geeft het bouw-⟦⟧ op vanuit een lijst.",
            "verschillende onderhouderscripts (⟦⟧, ⟦⟧, ⟦⟧, ⟦⟧). Om fouten te vermijden",
            "Förval är ”⟦⟧” om inget har satts.",
            "deux-points (U+003A « ⟦⟧ ») puis un espace",
            "⟦⟧는 파일 또는 원시 스트림에서 온 하나 이상의 스트림",
            "$⟦⟧ 또는 $⟦⟧를 설정하면 이 값을 사용합니다.",
            "NewOS'un kılavuz sayfa adlarını aramak için ⟦⟧ ⟦⟧ seçeneğini kullanın.",
            "bakmak için ⟦⟧(5)'in bölümüne bakın.",
            "⟦⟧(1) の呼び出しに失敗した場合",
            "注意: ⟦⟧(8)、⟦⟧(8)、または APT ベースのパッケージ管理フロントエンドを使います。",
            "次のコマンドを実行してください。 ⟦⟧ ⟦⟧ ⟦⟧ ⟦⟧ ここで、",
            "オプションは ⟦⟧,⟦⟧, などのように指定します。",
            "デフォルトは on です。⟦⟧(1) の呼び出し失敗の影響を最小限にするため、インストールします。",
            "通常为正则表达式，视同使用(⟦⟧)选项；或包含通配符(⟦⟧)。",
    })
    void findsHoleWhereSpanWasStripped(String fixture) {
        List<Integer> expected = new ArrayList<>();
        String text = fixture;
        for (int at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK)) {
            expected.add(text.codePointCount(0, at));
            text = text.substring(0, at) + text.substring(at + MARK.length());
        }

        assertThat(detector.find(text)).extracting(Hole::offset).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A markdown line break  \nand the next line.",
            "Two spaces after a sentence.  Then the next one.",
            "Is it?  Yes!  Of course: it is.",
            "Note:  this is fine.",
            "Indented:\n    int x  = 1 ;\n\tfoo  bar ,",
            "```\nfor x in  xs :\n    pass\n```\nplain text after.",
            "Run `ls  -l .` in the shell.",
            "A spaced dash — like this — is fine.",
            "| name  | value |\n|---|---|\n| a  | b |",
            "-  first item\n*  second item\n1.  third item",
            "key        value\nother      thing",
            "+-----+\n|  x  |\n+-----+\n  /\\_/\\  \n ( o.o ) ",
            "And so on ... and so forth …",
            "That was great :) see you ;) bye",
            "We ship a .NET build and a .deb package.",
            "使用 xz 命令压缩文件。你好 世界。",
            "apropos と同様です。キーワード apropos を使います。",
            "이 옵션을 사용하십시오. xz를 참고하십시오.",
            "Two options: (1) use it, (2) leave it.",
            "It costs $ 5 or $10.",
            "Bonjour ! Comment ça va ? Très bien : merci beaucoup ; à demain !",
            "Just an ordinary sentence, with commas, and nothing missing.",
            "Spaced parentheses ( like these ) are a style.",
            "[ ] todo\n..., and so on.",
            "$ ls -la\n$ make  install",
            "  -s, --show-parents  显示所选进程的父进程",
            "Use find with -name to match, or gcc -Wall.",
            "Ein- und Ausgabe, pre- and post-processing.",
            "(1) 起動時に実行します。",
            "Name   Size\nfoo.txt   12",
            "Call f() and g(x) here.",
    })
    void leavesIntactTextAlone(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void findsTheSeedHolesInLightlyFixedText() {
        List<String> turns = seedTurns(lightlyFixed(seed()));

        List<List<Hole>> holes = turns.stream().map(detector::find).toList();

        assertThat(holes.stream().mapToInt(List::size).sum()).isBetween(30, 40);
        assertHoleAt(turns, holes, "I believe in ", ".");
        assertHoleAt(turns, holes, "Now ", " revolutionary.");
        assertNoHoleAtTrailingSpaces(turns, holes);
    }

    @Test
    void findsTheSeedHolesInRawMojibake() {
        List<String> turns = seedTurns(seed());

        List<List<Hole>> holes = turns.stream().map(detector::find).toList();

        assertThat(holes.stream().mapToInt(List::size).sum()).isBetween(20, 40);
        assertHoleAt(turns, holes, "I believe in ", ".");
        assertHoleAt(turns, holes, "Now ", " revolutionary.");
        assertNoHoleAtTrailingSpaces(turns, holes);
    }

    @Test
    void attachesHolesToTheirTurnsAndKeepsTheConversation() {
        Conversation c = new Conversation("c1", new SourcePosition("x.txt", 1), List.of(
                new Turn("A", Role.USER, "Do you believe in fate?"),
                new Turn("B", Role.ASSISTANT, "I believe in . Nothing more.")));

        StepResult result = detector.apply(c);

        assertThat(result).isInstanceOf(StepResult.Kept.class);
        Conversation out = ((StepResult.Kept) result).conversation();
        assertThat(out.turns().get(0).findings(Hole.class)).isEmpty();
        assertThat(out.turns().get(1).findings(Hole.class)).singleElement()
                .satisfies(h -> {
                    assertThat(h.offset()).isEqualTo(13);
                    assertThat(h.type()).isEqualTo("holes");
                    assertThat(h.confidence()).isBetween(0.5, 0.99);
                });
    }

    @Test
    void countsOffsetsInCodePoints() {
        String text = "😀😀 I believe in . Yes.";

        assertThat(detector.find(text)).extracting(Hole::offset).containsExactly(16);
    }

    @Test
    void reportsFewerHolesAtAHigherThreshold() {
        String text = lightlyFixed(seed());

        int strict = new HoleDetector(0.85, true).find(text).size();

        assertThat(strict).isPositive().isLessThan(detector.find(text).size());
    }

    @Test
    void factoryReadsItsParametersAndRejectsUnknownOnes() {
        HoleDetector.Factory factory = new HoleDetector.Factory();

        assertThat(factory.name()).isEqualTo("holes");
        assertThat(factory.create(new StepParameters("holes", Map.of("min_confidence", 0.7, "grammar", false))))
                .isInstanceOf(HoleDetector.class);
        assertThatThrownBy(() -> factory.create(new StepParameters("holes", Map.of("min_confidence", 2.0))))
                .hasMessageContaining("min_confidence");
        assertThatThrownBy(() -> factory.create(new StepParameters("holes", Map.of("treshold", 0.7))))
                .hasMessageContaining("treshold");
    }

    @Test
    void givesTheSameHolesWhenShared() throws Exception {
        List<String> turns = seedTurns(lightlyFixed(seed()));
        List<List<Hole>> expected = turns.stream().map(detector::find).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Hole>>>> runs = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                runs.add(pool.submit(() -> turns.stream().map(detector::find).toList()));
            }
            for (Future<List<List<Hole>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void isSerializable() throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(detector);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261125})
    void neverFailsAndStaysInsideTheTextOnRandomInput(long seed) {
        Random random = new Random(seed);
        String alphabet = "ab  .,;:!?—–-\"“”()`|\n\t*_#1😀中é’'";
        for (int n = 0; n < 300; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String text = s.toString();
            List<Hole> holes = detector.find(text);
            int codePoints = text.codePointCount(0, text.length());
            assertThat(holes).as("seed %d, text %s", seed, text)
                    .allSatisfy(h -> assertThat(h.offset()).isBetween(0, codePoints));
        }
    }

    private static void assertHoleAt(List<String> turns, List<List<Hole>> holes, String before, String after) {
        boolean found = false;
        for (int t = 0; t < turns.size(); t++) {
            String text = turns.get(t);
            int at = text.indexOf(before + after);
            if (at >= 0) {
                int offset = text.codePointCount(0, at + before.length());
                found = holes.get(t).stream().anyMatch(h -> Math.abs(h.offset() - offset) <= 1);
            }
        }
        assertThat(found).as("hole between '%s' and '%s'", before, after).isTrue();
    }

    private static void assertNoHoleAtTrailingSpaces(List<String> turns, List<List<Hole>> holes) {
        for (int t = 0; t < turns.size(); t++) {
            String text = turns.get(t);
            for (Hole h : holes.get(t)) {
                int index = text.offsetByCodePoints(0, h.offset());
                String rest = text.substring(index);
                assertThat(rest).as("turn %d, hole at %d", t, h.offset()).doesNotMatch("(?s) *\\n.*");
            }
        }
    }

    private static List<String> seedTurns(String transcript) {
        List<String> turns = new ArrayList<>();
        for (String part : TURN_START.split(transcript)) {
            if (!part.isEmpty()) {
                turns.add(part.endsWith("\n") ? part.substring(0, part.length() - 1) : part);
            }
        }
        return turns;
    }

    /** Undoes only the commonest mojibake, as a light repair would; the holes stay as they are. */
    private static String lightlyFixed(String raw) {
        return raw.replace("â€™", "’").replace("â€”", "—").replace("â€¦", "…").replace("â€œ", "“")
                .replace("â€", "”");
    }

    private static String seed() {
        try (InputStream in = HoleDetectorTest.class.getResourceAsStream("/holes/seed-000_56435348c4483cfc.txt")) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
