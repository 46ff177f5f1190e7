package dev.colloquy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The real text fragments conversations are assembled from: prose lines of Debian documentation and
 * man pages, question/answer pairs found in that documentation (FAQs and any "question?" line
 * followed by a paragraph), and translated catalog sentences per language.
 *
 * @param prose     English prose lines, in source order (consecutive lines continue each other)
 * @param questions questions, each answered by {@code answers} at the same index
 * @param answers   the paragraph that follows each question, joined into one line
 * @param catalogs  catalog sentences per locale, shuffled
 */
record TextPools(List<String> prose, List<String> questions, List<String> answers, Map<String, List<String>> catalogs) {

    /*
     * A prose line has at least 4 words, at least 25 characters and mostly letters and spaces: this
     * drops code, tables, headers and changelog bullets' trailers while keeping real sentences.
     * Lines are trimmed, since indentation means nothing once a line is part of a chat turn.
     * A question is a line that starts like one (after an optional "Q:" or section number) and ends
     * with '?', followed by a paragraph of at least 40 characters.
     */
    private static final int MAX_LINES_PER_FILE = 150;
    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile(
            "(Q[:.]\\s*|\\d+(\\.\\d+)*[.)]?\\s+)?(How|What|Why|When|Where|Which|Who|Can|Could|Is|Are|Does|Do|Should|Will|Would|May|I|My)\\b.{10,200}\\?");

    static TextPools load(long seed, int maxProseLines) {
        List<String> prose = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        java.util.Set<String> seenQuestions = new java.util.HashSet<>();
        for (Path file : DebianDocs.files(seed)) {
            if (prose.size() >= maxProseLines) {
                break;
            }
            Optional<List<String>> lines = DebianDocs.lines(file);
            if (lines.isEmpty()) {
                continue;
            }
            List<String> ls = lines.get();
            int taken = 0;
            for (int i = 0; i < ls.size(); i++) {
                String t = ls.get(i).strip();
                // A cap per file keeps one long changelog from filling the pool.
                if (taken < MAX_LINES_PER_FILE && isProse(t)) {
                    prose.add(t);
                    taken++;
                }
                if (QUESTION.matcher(t).matches()) {
                    String answer = paragraphAfter(ls, i + 1);
                    if (answer.length() >= 40 && seenQuestions.add(t)) {
                        questions.add(t);
                        answers.add(answer);
                    }
                }
            }
        }
        Map<String, List<String>> catalogs = new TreeMap<>();
        for (String locale : AccuracyHarness.LANGUAGES) {
            List<String> s = CatalogSentences.load(CatalogSentences.DEFAULT_ROOT, locale, seed);
            if (!s.isEmpty()) {
                catalogs.put(locale, s);
            }
        }
        if (prose.isEmpty()) {
            throw new IllegalStateException("no prose found under " + DebianDocs.DOC_ROOT + " or " + DebianDocs.MAN_ROOT);
        }
        return new TextPools(prose, questions, answers, catalogs);
    }

    static boolean isProse(String t) {
        if (t.length() < 25 || t.length() > 400) {
            return false;
        }
        int letters = 0;
        int spaces = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (c == ' ') {
                spaces++;
            }
        }
        return spaces >= 3 && (letters + spaces) * 10 >= t.length() * 8;
    }

    /** The first paragraph starting at line {@code from} (blank lines before it skipped), as one line; at most 12 lines. */
    private static String paragraphAfter(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank() && i < from + 2) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; i < lines.size() && !lines.get(i).isBlank() && n < 12; i++, n++) {
            String t = lines.get(i).strip();
            if (t.endsWith("?")) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }
}
