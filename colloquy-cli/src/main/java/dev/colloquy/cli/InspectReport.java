package dev.colloquy.cli;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Turn;
import dev.colloquy.repair.Repair;
import dev.colloquy.repair.UnresolvedSpan;
import dev.colloquy.signals.AgreementLoop;
import dev.colloquy.signals.Echo;
import dev.colloquy.signals.Hole;
import dev.colloquy.signals.LanguageMismatch;
import dev.colloquy.signals.LanguageSpan;
import dev.colloquy.signals.Pii;
import dev.colloquy.signals.Repetition;
import dev.colloquy.signals.StructureCounts;
import dev.colloquy.signals.StructureFinding;
import dev.colloquy.signals.TurnLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human form of {@code colloquy inspect}: per conversation a summary, then per turn its findings with short
 * excerpts that mark the place ({@code believe in ⟦…⟧.}, {@code “â€™” → “’”}). Colour only when asked.
 */
final class InspectReport {

    private static final int CONTEXT = 32;
    private static final int MAX_REPAIRS_SHOWN = 3;
    private static final String HOLE_MARK = "⟦…⟧";

    private final boolean colour;

    InspectReport(boolean colour) {
        this.colour = colour;
    }

    String render(Conversation c) {
        StringBuilder sb = new StringBuilder();
        sb.append(bold(c.source() + "  " + c.id())).append('\n');
        for (StructureCounts n : c.findings(StructureCounts.class)) {
            sb.append(String.format(Locale.ROOT, "  %d turns (%d user, %d assistant), %,d characters%n",
                    n.turnCount(), n.userTurns(), n.assistantTurns(), n.characters()));
        }
        sb.append("  languages: ").append(languages(c)).append('\n');
        sb.append("  findings: ").append(counts(c)).append('\n');
        for (Finding f : c.findings()) {
            String line = conversationFinding(f);
            if (line != null) {
                sb.append("  ").append(line).append('\n');
            }
        }
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            List<String> lines = turnFindings(t);
            if (lines.isEmpty()) {
                continue;
            }
            TurnLanguage lang = t.findings(TurnLanguage.class).stream().findFirst().orElse(null);
            String who = t.speaker().equals(t.role().wireName()) ? t.speaker() : t.speaker() + " " + t.role().wireName();
            sb.append(dim(String.format(Locale.ROOT, "  turn %d [%s]%s", i, who,
                    lang == null ? "" : " " + lang.language()))).append('\n');
            for (String l : lines) {
                sb.append("    ").append(l).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String languages(Conversation c) {
        Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int i = 0; i < c.turns().size(); i++) {
            for (TurnLanguage l : c.turns().get(i).findings(TurnLanguage.class)) {
                byLanguage.computeIfAbsent(l.language(), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> parts = new ArrayList<>();
        byLanguage.forEach((lang, turns) -> parts.add(lang + " (" + ranges(turns) + ")"));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String counts(Conversation c) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Turn t : c.turns()) {
            for (Finding f : t.findings()) {
                if (!(f instanceof TurnLanguage)) {
                    n.merge(f.type(), 1, Integer::sum);
                }
            }
        }
        for (Finding f : c.findings()) {
            if (!(f instanceof StructureCounts)) {
                n.merge(f.type(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        n.forEach((type, k) -> parts.add(k + " " + type));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private String conversationFinding(Finding f) {
        if (f instanceof AgreementLoop l) {
            return yellow("agreement_loop") + String.format(Locale.ROOT, " turns %s, score %.2f", ranges(l.turns()),
                    l.score());
        }
        if (f instanceof LanguageMismatch m) {
            return yellow("language_mismatch") + " turn " + m.turns().get(1) + " answers " + m.answered()
                    + " (turn " + m.turns().get(0) + ") in " + m.language();
        }
        if (f instanceof StructureFinding s) {
            return yellow("structure") + " " + s.kind().name().toLowerCase(Locale.ROOT)
                    + (s.turns().isEmpty() ? "" : " turns " + ranges(s.turns()));
        }
        return null;
    }

    private List<String> turnFindings(Turn t) {
        String text = t.text();
        List<String> out = new ArrayList<>();
        int repairs = 0;
        Map<String, Integer> hidden = new LinkedHashMap<>();
        for (Finding f : t.findings()) {
            // A badly broken turn has hundreds of repairs; the first few show what happened, a tally the rest.
            if (f instanceof Repair r && ++repairs > MAX_REPAIRS_SHOWN) {
                hidden.merge("“" + oneLine(r.before()) + "” → “" + oneLine(r.after()) + "”", 1, Integer::sum);
                continue;
            }
            if (f instanceof Hole h) {
                out.add(red("hole") + String.format(Locale.ROOT, " %.2f %s: ", h.confidence(),
                        h.cue().name().toLowerCase(Locale.ROOT)) + excerpt(text, h.offset(), h.offset(),
                        red(HOLE_MARK)));
            } else if (f instanceof Repair r) {
                out.add(green("repaired") + " “" + oneLine(r.before()) + "” → “" + oneLine(r.after()) + "”"
                        + (r.chain() == null ? "" : " (" + r.chain() + ")") + ": "
                        + excerpt(text, r.outputStart(), r.outputEnd(), null));
            } else if (f instanceof UnresolvedSpan u) {
                out.add(yellow("unresolved") + " “" + oneLine(u.text()) + "” (" + String.join(" or ", u.candidates())
                        + "?): " + excerpt(text, u.offset(), u.offset() + u.length(), null));
            } else if (f instanceof Pii p) {
                out.add(red("pii") + " " + p.kind().name().toLowerCase(Locale.ROOT) + ": "
                        + excerpt(text, p.start(), p.end(), null));
            } else if (f instanceof Repetition r) {
                out.add(yellow("repetition") + " " + String.join(", ", r.exceeded()));
            } else if (f instanceof Echo e) {
                out.add(yellow("echo") + String.format(Locale.ROOT, " %.0f%% of its %d-grams copied from turn %d",
                        e.share() * 100, e.n(), e.source()));
            } else if (f instanceof TurnLanguage l) {
                for (LanguageSpan s : l.spans()) {
                    out.add("span " + s.script() + " " + s.language() + ": " + excerpt(text, s.start(), s.end(), null));
                }
            }
        }
        if (!hidden.isEmpty()) {
            List<String> common = new ArrayList<>();
            hidden.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                    .forEach(e -> common.add(e.getKey() + " ×" + e.getValue()));
            out.add(green("repaired") + " … " + (repairs - MAX_REPAIRS_SHOWN) + " more (most often "
                    + String.join(", ", common) + ")");
        }
        return out;
    }

    /** Context around code points [start, end): the span in brackets, or {@code mark} at an empty span. */
    private String excerpt(String text, int start, int end, String mark) {
        int cps = text.codePointCount(0, text.length());
        int s = Math.max(0, Math.min(start, cps));
        int e = Math.max(s, Math.min(end, cps));
        int from = Math.max(0, s - CONTEXT);
        int to = Math.min(cps, e + CONTEXT);
        String before = slice(text, from, s);
        String inside = slice(text, s, e);
        String after = slice(text, e, to);
        String middle = mark != null && inside.isEmpty() ? mark : bold("[" + inside + "]");
        return (from > 0 ? "…" : "") + oneLine(before) + middle + oneLine(after) + (to < cps ? "…" : "");
    }

    private static String slice(String text, int fromCp, int toCp) {
        return text.substring(text.offsetByCodePoints(0, fromCp), text.offsetByCodePoints(0, toCp));
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "⏎");
    }

    private static String ranges(List<Integer> turns) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < turns.size(); ) {
            int j = i;
            while (j + 1 < turns.size() && turns.get(j + 1) == turns.get(j) + 1) {
                j++;
            }
            parts.add(j > i ? turns.get(i) + "-" + turns.get(j) : String.valueOf(turns.get(i)));
            i = j + 1;
        }
        return String.join(",", parts);
    }

    private String bold(String s) {
        return ansi("1", s);
    }

    private String dim(String s) {
        return ansi("2", s);
    }

    private String red(String s) {
        return ansi("31", s);
    }

    private String green(String s) {
        return ansi("32", s);
    }

    private String yellow(String s) {
        return ansi("33", s);
    }

    private String ansi(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
