package dev.colloquy.repair;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import dev.colloquy.io.Utf8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the charset of bytes that are not UTF-8 (a GBK, Big5, Shift_JIS, EUC-KR or windows-125x file, or one
 * such line in a mixed file) and decodes them.
 *
 * <pre>
 * Candidates: ICU4J's CharsetDetector matches (with their 0..100 confidences) plus a fixed list of common
 * legacy charsets ICU may not rank on short input (GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, windows-1250..1258,
 * KOI8-R, ISO-8859-x). Each candidate must decode the bytes strictly (no malformed or unmappable byte).
 * Score = sum over the decoded characters of log P(char | preceding) under CharLikelihood (fitted to that
 * decoding's own scripts and languages; all candidates explain the same bytes, so sums compare fairly)
 *       + log((icu + 5) / 105), icu = ICU's confidence for that charset (0 when ICU did not list it).
 * The model decides on short lines, where ICU's statistics are weak; ICU breaks near-ties. Only the first
 * 4 KB (cut at a line break) are scored; the winner decodes everything.
 * Confidence = softmax of the scores over the candidates: the posterior of the winner.
 * </pre>
 * Thread-safe.
 */
final class RawCharsetDetector {

    /** What was detected: the charset (Java name), the decoded text, and the posterior probability. */
    record Detection(String charset, String text, double confidence) {
    }

    private static final int SCORED_BYTES = 4096;
    private static final List<String> COMMON = List.of("GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR",
            "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255",
            "windows-1256", "windows-1257", "windows-1258", "KOI8-R", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7",
            "ISO-8859-15");

    private final CharLikelihood model;

    RawCharsetDetector(CharLikelihood model) {
        this.model = model;
    }

    /** The most likely decoding of {@code bytes}; empty only when no candidate charset decodes them at all. */
    Optional<Detection> detect(byte[] bytes) {
        byte[] scored = prefix(bytes);
        Map<String, Integer> icu = icuConfidences(scored);
        Map<String, Integer> candidates = new LinkedHashMap<>(icu);
        candidates.putIfAbsent("UTF-8", 0);
        for (String name : COMMON) {
            candidates.putIfAbsent(name, 0);
        }
        String best = null;
        List<Double> scores = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        Map<String, Double> textScores = new java.util.HashMap<>();
        for (Map.Entry<String, Integer> candidate : candidates.entrySet()) {
            Optional<String> text = decodeStrictly(scored, candidate.getKey());
            if (text.isEmpty()) {
                continue;
            }
            double score = textScores.computeIfAbsent(text.get(), this::textLogProb)
                    + Math.log((candidate.getValue() + 5) / 105.0);
            scores.add(score);
            if (score > bestScore) {
                bestScore = score;
                best = candidate.getKey();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double total = 0;
        for (double score : scores) {
            total += Math.exp(score - bestScore);
        }
        Optional<String> text = decodeStrictly(bytes, best);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(best, text.get(), 1 / total));
    }

    private double textLogProb(String text) {
        CharLikelihood.Scorer scorer = model.bigramScorer(text);
        double sum = 0;
        int from = 0;
        int openQuote = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double lp = scorer.logProb(text.subSequence(from, i), openQuote, cp);
            sum += lp == CharLikelihood.IMPOSSIBLE ? -50 : lp;
            openQuote = SymbolPrior.openQuoteAfter(openQuote, cp);
            i += Character.charCount(cp);
            from = Math.max(0, i - CharLikelihood.RECENT_CHARS);
            if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
                from--;
            }
        }
        return sum;
    }

    private static Map<String, Integer> icuConfidences(byte[] bytes) {
        Map<String, Integer> confidences = new LinkedHashMap<>();
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        if (matches == null) {
            return confidences;
        }
        for (CharsetMatch match : matches) {
            String name = javaName(match.getName());
            if (name != null) {
                confidences.merge(name, match.getConfidence(), Math::max);
            }
        }
        return confidences;
    }

    /** ICU's name as the JDK knows it, or null when the JDK lacks it (or it is a UTF-16/32 form). */
    private static String javaName(String icuName) {
        String name = icuName.equals("ISO-8859-8-I") ? "ISO-8859-8" : icuName;
        if (name.startsWith("UTF-16") || name.startsWith("UTF-32") || !Charset.isSupported(name)) {
            return null;
        }
        return Charset.forName(name).name();
    }

    static Optional<String> decodeStrictly(byte[] bytes, String charsetName) {
        if (charsetName.equals("UTF-8")) {
            // the one UTF-8 validator (issue 10); well-formed bytes decode alike however they are decoded
            String text = Utf8.isValid(bytes, 0, bytes.length) ? new String(bytes, StandardCharsets.UTF_8) : null;
            return text == null || text.indexOf('\uFFFD') >= 0 ? Optional.empty() : Optional.of(text);
        }
        Charset charset = Charset.forName(charsetName);
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.indexOf('\uFFFD') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The first 4 KB, cut after a byte no multi-byte charset here uses inside a character (0x00..0x2F: trail
     * bytes are 0x40 and up, GB18030's four-byte digits 0x30..0x39), so no character is split.
     */
    private static byte[] prefix(byte[] bytes) {
        if (bytes.length <= SCORED_BYTES) {
            return bytes;
        }
        int end = SCORED_BYTES;
        while (end > 0 && (bytes[end - 1] & 0xFF) > 0x2F) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end == 0 ? SCORED_BYTES : end);
    }
}
