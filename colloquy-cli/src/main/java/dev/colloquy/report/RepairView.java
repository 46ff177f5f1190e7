package dev.colloquy.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A repaired turn side by side with the text it was repaired from. The pipeline keeps only the repaired text
 * and, per repair, the output span (code points) and the input span's text, so the original is rebuilt by
 * putting each {@code before} back in place of its output span. Overlapping or out-of-range spans (a later
 * step changed the text) make the pair unavailable rather than wrong.
 */
final class RepairView {

    private record Span(int start, int end, String before) {
    }

    private RepairView() {
    }

    /** HTML for {@code [before, after]}, each clipped to about {@code clip} code points around the first repair. */
    static Optional<String[]> beforeAfter(String after, List<JsonNode> repairs, int clip) {
        int len = after.codePointCount(0, after.length());
        List<Span> spans = new ArrayList<>();
        for (JsonNode f : repairs) {
            spans.add(new Span(f.path("outputStart").asInt(-1), f.path("outputEnd").asInt(-1), f.path("before").asText()));
        }
        spans.sort(Comparator.comparingInt(Span::start));
        int prev = 0;
        for (Span s : spans) {
            if (s.start() < prev || s.end() < s.start() || s.end() > len) {
                return Optional.empty();
            }
            prev = s.end();
        }
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        int from = Math.max(0, spans.get(0).start() - 40);
        int to = Math.min(len, from + clip);
        StringBuilder before = new StringBuilder(from > 0 ? "…" : "");
        StringBuilder fixed = new StringBuilder(from > 0 ? "…" : "");
        int at = from;
        for (Span s : spans) {
            if (s.start() >= to) {
                break;
            }
            if (s.start() < from) {
                continue;
            }
            String plain = Html.text(slice(after, at, s.start()));
            before.append(plain).append("<mark class=\"before\">").append(Html.text(s.before())).append("</mark>");
            fixed.append(plain).append("<mark class=\"after\">").append(Html.text(slice(after, s.start(), s.end())))
                    .append("</mark>");
            at = s.end();
        }
        String tail = Html.text(slice(after, at, Math.max(at, to))) + (to < len ? "…" : "");
        return Optional.of(new String[] {before.append(tail).toString(), fixed.append(tail).toString()});
    }

    private static String slice(String s, int fromCp, int toCp) {
        int a = s.offsetByCodePoints(0, fromCp);
        return s.substring(a, s.offsetByCodePoints(a, toCp - fromCp));
    }
}
