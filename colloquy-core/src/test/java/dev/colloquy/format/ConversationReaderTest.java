package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationReaderTest {

    private static final String GOOD = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"hello\"}]}";

    @TempDir
    Path dir;

    private List<ReadResult> read(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return read(p, InputFormat.AUTO);
    }

    private dev.colloquy.io.InputSource source(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return InputSources.of(p);
    }

    private static List<ReadResult> read(Path p, InputFormat format) {
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), format, RoleMap.defaults())) {
            return s.toList();
        }
    }

    private List<ReadResult> read(String name, String text) throws IOException {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Rejection onlyRejection(List<ReadResult> results) {
        List<Rejection> bad = results.stream().filter(ReadResult.Bad.class::isInstance)
                .map(r -> ((ReadResult.Bad) r).rejection()).toList();
        assertThat(bad).hasSize(1);
        return bad.get(0);
    }

    private static List<Conversation> conversations(List<ReadResult> results) {
        return results.stream().filter(ReadResult.Ok.class::isInstance)
                .map(r -> ((ReadResult.Ok) r).conversation()).toList();
    }

    @Test
    void quarantinesTruncatedJsonWithItsLine() throws IOException {
        List<ReadResult> r = read("t.jsonl", GOOD + "\n{\"messages\":[{\"role\":\"user\",\"con\n" + GOOD + "\n");
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("malformed_json");
        assertThat(bad.source().line()).isEqualTo(2);
        assertThat(bad.record()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"con");
        assertThat(conversations(r)).hasSize(2);
    }

    @Test
    void quarantinesInvalidJson() throws IOException {
        Rejection bad = onlyRejection(read("i.jsonl", GOOD + "\n{messages: nope}\n"));
        assertThat(bad.reason()).isEqualTo("malformed_json");
        assertThat(bad.source().line()).isEqualTo(2);
        assertThat(bad.message()).startsWith("invalid JSON at column");
    }

    @Test
    void quarantinesJsonThatIsNotAnObject() throws IOException {
        Rejection bad = onlyRejection(read("n.jsonl", GOOD + "\n" + GOOD + "\n{\"a\":1} \n\"just text\"\n"
                .replace("{\"a\":1} \n", "")));
        assertThat(bad.reason()).isEqualTo("not_an_object");
        assertThat(bad.source().line()).isEqualTo(3);
        assertThat(bad.record()).isEqualTo("just text");
    }

    @Test
    void quarantinesARecordWithoutMessages() throws IOException {
        Rejection bad = onlyRejection(read("m.jsonl", "{\"id\":\"x\",\"text\":\"hello\"}\n" + GOOD));
        assertThat(bad.reason()).isEqualTo("no_messages");
        assertThat(bad.source().line()).isEqualTo(1);
        assertThat(bad.record()).isInstanceOf(java.util.Map.class);
    }

    @Test
    void quarantinesAnUnknownRoleNamingIt() throws IOException {
        Rejection bad = onlyRejection(read("r.jsonl", GOOD + "\n{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"));
        assertThat(bad.reason()).isEqualTo("unknown_role");
        assertThat(bad.source().line()).isEqualTo(2);
        assertThat(bad.message()).contains("'robot'");
    }

    @Test
    void quarantinesInvalidUtf8NamingTheBytes() throws IOException {
        byte[] line = "{\"messages\":[{\"role\":\"user\",\"content\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(line, line.length);
        int at = new String(line, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        broken[at] = (byte) 0xE9;
        broken[at + 1] = (byte) 0x22; // the quote after é: 0xE9 now starts an incomplete sequence
        byte[] file = concat(GOOD.getBytes(StandardCharsets.UTF_8), new byte[] {'\n'}, broken, new byte[] {'\n'});
        Rejection bad = onlyRejection(read("u.jsonl", file));
        assertThat(bad.reason()).isEqualTo("invalid_utf8");
        assertThat(bad.source().line()).isEqualTo(2);
        assertThat(bad.message()).contains("0xE9 at byte " + at);
        assertThat((String) bad.record()).contains("\uFFFD");
    }

    @Test
    void quarantinesNulJunk() throws IOException {
        byte[] junk = {0, 1, 2, 'a', 0, (byte) 0xff, 3};
        Rejection bad = onlyRejection(read("z.jsonl", concat(GOOD.getBytes(StandardCharsets.UTF_8),
                new byte[] {'\n'}, junk, new byte[] {'\n'}, GOOD.getBytes(StandardCharsets.UTF_8))));
        assertThat(bad.reason()).isEqualTo("binary_junk");
        assertThat(bad.source().line()).isEqualTo(2);
    }

    @Test
    void quarantinesAMultiMegabyteLineOverTheCapWithoutHoldingIt() throws IOException {
        StringBuilder big = new StringBuilder("{\"messages\":[{\"role\":\"user\",\"content\":\"");
        big.append("x".repeat(5_000_000)).append("\"}]}");
        Path p = dir.resolve("big.jsonl");
        Files.writeString(p, GOOD + "\n" + big + "\n" + GOOD + "\n", StandardCharsets.UTF_8);
        List<ReadResult> r;
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, RoleMap.defaults(),
                1 << 20)) {
            r = s.toList();
        }
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("line_too_long");
        assertThat(bad.source().line()).isEqualTo(2);
        assertThat((String) bad.record()).hasSize(ReadFailures.KEPT_PREFIX_CHARS);
        assertThat(bad.message()).contains(String.format(java.util.Locale.ROOT, "%,d bytes", big.length()));
        assertThat(conversations(r)).hasSize(2);
        assertThat(r.get(2).source().line()).isEqualTo(3);
    }

    @Test
    void readsAMultiMegabyteLineUnderTheDefaultCap() throws IOException {
        String text = "y".repeat(5_000_000);
        List<ReadResult> r = read("ok.jsonl", "{\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}\n");
        assertThat(conversations(r)).singleElement().satisfies(c -> assertThat(c.turns().get(0).text()).isEqualTo(text));
    }

    @Test
    void accountsForAnEmptyFileAtLineZero() throws IOException {
        Rejection bad = onlyRejection(read("empty.jsonl", new byte[0]));
        assertThat(bad.reason()).isEqualTo("empty_file");
        assertThat(bad.source().line()).isZero();
    }

    @Test
    void treatsABlankFileAsEmpty() throws IOException {
        assertThat(onlyRejection(read("blank.txt", "\n  \n\n")).reason()).isEqualTo("empty_file");
    }

    @Test
    void treatsABlankFileLongerThanTheLookAheadAsEmptyToo() throws IOException {
        // 1 MiB of newlines is far past the 64 KiB the format detection looks at.
        byte[] newlines = "\n".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        LineTally tally = new LineTally();
        List<ReadResult> r;
        try (Stream<ReadResult> s = ConversationReader.read(source("newlines.jsonl", newlines), InputFormat.AUTO,
                RoleMap.defaults(), ConversationReader.DEFAULT_MAX_LINE_BYTES, tally)) {
            r = s.toList();
        }
        assertThat(onlyRejection(r).reason()).isEqualTo("empty_file");
        assertThat(tally.jsonLines()).isTrue();
        assertThat(tally.lines()).isEqualTo(1 << 20);
        assertThat(tally.blankLines()).isEqualTo(1 << 20);
    }

    @Test
    void countsBlankJsonLinesSoEveryLineIsARecordOrBlank() throws IOException {
        String good = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String text = "\n" + good + "\n\n  \n{broken\n\t\n" + good + "\n\n";
        LineTally tally = new LineTally();
        List<ReadResult> r;
        try (Stream<ReadResult> s = ConversationReader.read(source("b.jsonl", text.getBytes(StandardCharsets.UTF_8)),
                InputFormat.AUTO, RoleMap.defaults(), ConversationReader.DEFAULT_MAX_LINE_BYTES, tally)) {
            r = s.toList();
        }
        assertThat(r).extracting(x -> x.source().line()).containsExactly(2L, 5L, 7L);
        assertThat(tally.lines()).isEqualTo(8);
        assertThat(tally.blankLines()).isEqualTo(5);
        assertThat(r.size() + tally.blankLines()).isEqualTo(tally.lines());
    }

    @Test
    void emitsEverythingReadableFromATruncatedGzipThenOneRejection() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("{\"id\":\"r").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"line ")
                    .append(i).append(" ").append(Integer.toHexString(i * 7919)).append("\"}]}\n");
        }
        byte[] gz = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        List<ReadResult> r = read("cut.jsonl.gz", Arrays.copyOf(gz, gz.length / 2));
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("truncated_archive");
        assertThat(r.get(r.size() - 1)).isInstanceOf(ReadResult.Bad.class);
        List<Conversation> ok = conversations(r);
        assertThat(ok).isNotEmpty().hasSizeLessThan(2000);
        assertThat(bad.source().line()).isEqualTo(ok.size() + 1);
        for (int i = 0; i < ok.size(); i++) {
            assertThat(ok.get(i).id()).isEqualTo("r" + i);
        }
    }

    @Test
    void detectsJsonLinesEvenWhenTheFirstLineIsJunk() throws IOException {
        List<ReadResult> r = read("junkfirst.jsonl", "\u0000\u0000 garbage\n" + GOOD + "\n" + GOOD + "\n");
        assertThat(conversations(r)).hasSize(2);
        assertThat(onlyRejection(r).reason()).isEqualTo("binary_junk");
    }

    @Test
    void readsGzipAndZstdByMagicBytes() throws IOException {
        byte[] plain = (GOOD + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(conversations(read("a.jsonl.gz", gzip(plain)))).hasSize(2);
        assertThat(conversations(read("b.jsonl.zst", zstd(plain)))).hasSize(2);
        assertThat(conversations(read("unlabelled", zstd(plain)))).hasSize(2);
    }

    @Test
    void readsSeveralTranscriptConversationsSeparatedByDashes() throws IOException {
        List<ReadResult> r = read("t.txt", "[A]: one\n[B]: two\n---\n[A]: three\n\n[B]: four\n");
        List<Conversation> c = conversations(r);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).turns()).extracting(Turn::text).containsExactly("one", "two");
        assertThat(c.get(1).source().line()).isEqualTo(4);
        assertThat(c.get(1).turns()).extracting(Turn::text).containsExactly("three", "four");
    }

    @Test
    void readsAShareGptJsonArrayFile() throws IOException {
        String json = "[\n {\"id\":\"s1\",\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"},"
                + "{\"from\":\"gpt\",\"value\":\"yo\"}]},\n 42\n]\n";
        List<ReadResult> r = read("sg.json", json);
        assertThat(conversations(r)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("s1");
            assertThat(c.turns()).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT);
        });
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("not_an_object");
        assertThat(bad.source().line()).isEqualTo(3);
    }

    @Test
    void skipsMillionsOfBlankLinesBetweenConversationsAndAccountsForABlankFile() throws IOException {
        String blank = "\n".repeat(1_000_000);
        List<ReadResult> r = read("t.txt", "[A]: hi\n[B]: yo\n---" + blank + "[A]: again\n[B]: yes\n");
        assertThat(conversations(r)).hasSize(2);
        assertThat(conversations(r).get(1).source().line()).isEqualTo(1_000_003);
        Rejection empty = onlyRejection(read("blank.txt", blank));
        assertThat(empty.reason()).isEqualTo("empty_file");
        assertThat(empty.source().line()).isZero();
    }

    @Test
    void quarantinesAStreamStoppedAsADecompressionBombAndKeepsWhatCameBefore() {
        byte[] good = (GOOD + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        dev.colloquy.io.InputSource bomb = new dev.colloquy.io.InputSource() {
            @Override
            public String name() {
                return "bomb.jsonl.gz";
            }

            @Override
            public java.io.InputStream open() {
                return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(good), new java.io.InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new dev.colloquy.io.ExpansionLimitException("the gzip stream expands more than 200-fold");
                    }
                });
            }

            @Override
            public long size() {
                return -1;
            }
        };
        List<ReadResult> r;
        try (Stream<ReadResult> s = ConversationReader.read(bomb, InputFormat.AUTO, RoleMap.defaults())) {
            r = s.toList();
        }
        assertThat(conversations(r)).hasSize(2);
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("decompression_bomb");
        assertThat(bad.message()).contains("200-fold");
    }

    @Test
    void quarantinesAJsonArrayElementWithADuplicateKeyWholeAndReadsTheRest() throws IOException {
        String json = "[\n {\"conversations\":[{\"from\":\"human\",\"value\":\"first\"}],"
                + "\"conversations\":[{\"from\":\"human\",\"value\":\"second\"}]},\n"
                + " {\"id\":\"s2\",\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"},"
                + "{\"from\":\"gpt\",\"value\":\"yo\"}]}\n]\n";
        List<ReadResult> r = read("dup.json", json);
        assertThat(conversations(r)).extracting(Conversation::id).containsExactly("s2");
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("duplicate_key");
        assertThat(bad.source().line()).isEqualTo(2);
        assertThat((String) bad.record()).contains("first").contains("second");
    }

    @Test
    void quarantinesAJsonlLineWithADuplicateKeyWholeAndReadsTheRest() throws IOException {
        String dup = "{\"messages\":[{\"role\":\"user\",\"content\":\"first\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"second\"}]}";
        List<ReadResult> r = read("dup.jsonl", dup + "\n" + GOOD + "\n");
        assertThat(conversations(r)).hasSize(1);
        Rejection bad = onlyRejection(r);
        assertThat(bad.reason()).isEqualTo("duplicate_key");
        assertThat(bad.message()).contains("'messages'");
        assertThat(bad.record()).isEqualTo(dup);
    }

    @Test
    void detectsOpenAiAndShareGptPerLine() throws IOException {
        List<Conversation> c = conversations(read("mixed.jsonl", GOOD
                + "\n{\"conversations\":[{\"from\":\"human\",\"value\":\"q\"}]}\n"));
        assertThat(c).hasSize(2);
        assertThat(c.get(1).turns().get(0).speaker()).isEqualTo("human");
    }

    @Test
    void readsStandardInput() {
        byte[] bytes = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(new ByteArrayInputStream(bytes)),
                InputFormat.AUTO, RoleMap.defaults())) {
            List<ReadResult> r = s.toList();
            assertThat(r).singleElement().isInstanceOf(ReadResult.Ok.class);
            assertThat(r.get(0).source().toString()).isEqualTo("-:1");
        }
    }

    @Test
    void skipsBlankLinesAndAUtf8ByteOrderMark() throws IOException {
        List<ReadResult> r = read("bom.jsonl", "\uFEFF" + GOOD + "\n\n   \n" + GOOD + "\n");
        assertThat(r).hasSize(2).allMatch(ReadResult.Ok.class::isInstance);
        assertThat(r.get(1).source().line()).isEqualTo(4);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1L, 7L, 1234L, 98765L})
    void accountsForEveryNonBlankLineAsKeptOrQuarantined(long seed) throws IOException {
        java.util.Random rnd = new java.util.Random(seed);
        String[] pool = {GOOD, "{\"messages\":[", "[]", "{\"x\":1}", "{\"messages\":[{\"role\":\"bot\",\"content\":\"a\"}]}",
                "{\"conversations\":[{\"from\":\"gpt\",\"value\":\"v\"}]}", "\u0000\u0001junk", "", "   "};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int records = 0;
        for (int i = 0; i < 300; i++) {
            byte[] line;
            if (rnd.nextInt(10) == 0) {
                line = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(line);
                for (int k = 0; k < line.length; k++) {
                    line[k] = line[k] == '\n' ? (byte) 'n' : line[k];
                }
            } else {
                line = pool[rnd.nextInt(pool.length)].getBytes(StandardCharsets.UTF_8);
            }
            if (i == 0) {
                line = GOOD.getBytes(StandardCharsets.UTF_8);
            }
            if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                records++;
            }
            file.writeBytes(line);
            file.write('\n');
        }
        List<ReadResult> r = read("p" + seed + ".jsonl", file.toByteArray());
        assertThat(r).as("seed %d", seed).hasSize(records);
        assertThat(r.stream().map(ReadResult::source).map(p -> p.line()).toList()).as("seed %d", seed).isSorted();
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] zstd(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new ZstdOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
