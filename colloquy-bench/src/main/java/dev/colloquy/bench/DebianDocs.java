package dev.colloquy.bench;

import dev.colloquy.io.Utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real English text from a Debian system: package documentation under {@code /usr/share/doc}
 * (READMEs, changelogs, Markdown, FAQs, NEWS) and the English manual pages under {@code /usr/share/man}.
 */
final class DebianDocs {

    /*
     * Files are listed once, sorted, then shuffled with a seed, so a run draws from many packages
     * instead of those whose names sort first, and the same machine gives the same text. Gzipped
     * files are decompressed. A file that is not valid UTF-8 is skipped whole (it is not "clean").
     * Manual pages are roff source: request lines (starting with '.' or ''') are dropped and the
     * common inline escapes (fonts, dashes, zero-width) are turned into their text, which leaves the
     * prose a reader sees, in its source line breaks.
     */
    static final Path DOC_ROOT = Path.of("/usr/share/doc");
    static final Path MAN_ROOT = Path.of("/usr/share/man");

    private static final Pattern DOC_NAME = Pattern.compile(
            "(?i)(readme|changelog|news|faq|todo|authors|thanks|history|.*\\.md|.*\\.txt|.*\\.rst)(\\.gz)?");
    private static final Pattern ROFF_FONT = Pattern.compile("\\\\f(\\[[^]]*]|\\(..|.)");
    private static final Pattern ROFF_SIZE = Pattern.compile("\\\\s[-+]?\\d");
    private static final long MAX_FILE = 4L << 20;

    private DebianDocs() {
    }

    /** The documentation and man page files, shuffled by {@code seed}; man pages only from the English sections. */
    static List<Path> files(long seed) {
        List<Path> all = new ArrayList<>();
        all.addAll(list(DOC_ROOT, p -> DOC_NAME.matcher(p.getFileName().toString()).matches()));
        List<Path> man = new ArrayList<>(list(MAN_ROOT, p -> {
            Path rel = MAN_ROOT.relativize(p);
            return rel.getNameCount() == 2 && rel.getName(0).toString().startsWith("man");
        }));
        Collections.sort(man);
        // One installed SDK can ship most of the man pages (the Google Cloud CLI brings ~16,000 near-identical
        // gcloud pages); keeping one in fifty of a generated family stops it from drowning everything else.
        int[] seen = {0};
        man.removeIf(p -> p.getFileName().toString().startsWith("gcloud") && seen[0]++ % 50 != 0);
        all.addAll(man);
        Collections.sort(all);
        Collections.shuffle(all, new Random(seed));
        return all;
    }

    /** The text lines of one file; empty when it is unreadable or not valid UTF-8. */
    static Optional<List<String>> lines(Path file) {
        try {
            byte[] bytes = read(file);
            if (!Utf8.isValid(bytes, 0, bytes.length)) {
                return Optional.empty();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean roff = file.startsWith(MAN_ROOT);
            List<String> out = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                String l = roff ? unroff(line) : line;
                if (l != null && isText(l)) {
                    out.add(l);
                }
            }
            return Optional.of(out);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) {
            throw new IOException("too large for benchmark text: " + file);
        }
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > 4 * MAX_FILE) {
                    throw new IOException("too large for benchmark text: " + file);
                }
            }
            return out.toByteArray();
        }
    }

    /** Prose of one roff source line, or null for a request or comment line. */
    static String unroff(String line) {
        if (line.startsWith(".") || line.startsWith("'")) {
            return null;
        }
        String s = ROFF_FONT.matcher(line).replaceAll("");
        s = ROFF_SIZE.matcher(s).replaceAll("");
        return s.replace("\\(em", "—").replace("\\(en", "–").replace("\\(aq", "'").replace("\\(dq", "\"")
                .replace("\\(bu", "•").replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")
                .replace("\\ ", " ").replace("\\|", "").replace("\\^", "");
    }

    private static boolean isText(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || c == '\uFFFD' || c >= 0x80 && c <= 0x9F) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> list(Path root, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(keep).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
