package dev.colloquy.repair;

import java.util.ArrayList;
import java.util.List;

/*
 * Keeps the map from the original text to the current one across layers of repair, so that each
 * reported Repair spans the original input and the final output even when a span was decoded twice.
 * Segments are changed spans, sorted and disjoint; between them the two texts agree, shifted by
 * the sum of the length changes of the segments before. A new edit that overlaps earlier segments
 * absorbs them, and its chain lists the layers innermost first (the order the damage was done),
 * as code page names joined by '+'.
 */
final class EditLog {

    private final List<Segment> segments = new ArrayList<>();

    boolean isEmpty() {
        return segments.isEmpty();
    }

    List<Segment> segments() {
        return List.copyOf(segments);
    }

    /**
     * Records one layer's edits, made on the current text; returns the new current text.
     * {@code edits} are sorted and disjoint; touching edits merge into one segment.
     */
    int[] apply(int[] current, List<Edit> edits, String layer, RepairKind kind) {
        List<Edit> merged = mergeTouching(edits);
        int[] next = applyToText(current, merged);
        List<Segment> out = new ArrayList<>();
        int shift = 0;
        int si = 0;
        int k = 0;
        while (k < merged.size()) {
            int cs = merged.get(k).start();
            int ce = merged.get(k).end();
            int delta = 0;
            int lost = 0;
            double conf = 1;
            java.util.Set<String> inner = new java.util.LinkedHashSet<>();
            RepairKind segKind = kind;
            while (si < segments.size() && segments.get(si).curEnd <= cs
                    && !(segments.get(si).curEnd == cs && segments.get(si).curStart == cs)) {
                out.add(segments.get(si++).shifted(shift));
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                while (k < merged.size() && merged.get(k).start() < ce || k < merged.size() && merged.get(k).start() == cs) {
                    Edit e = merged.get(k++);
                    ce = Math.max(ce, e.end());
                    delta += e.replacement().length - (e.end() - e.start());
                    lost += e.bytesLost();
                    conf = Math.min(conf, e.modelConfidence() * (1 - Math.exp(-Math.max(0.1, e.gain()))));
                    grew = true;
                }
                while (si < segments.size() && segments.get(si).curStart < ce) {
                    Segment s = segments.get(si++);
                    cs = Math.min(cs, s.curStart);
                    ce = Math.max(ce, s.curEnd);
                    lost += s.bytesLost;
                    conf = Math.min(conf, s.confidence);
                    inner.add(s.chain);
                    if (s.kind != segKind) {
                        segKind = s.kind == RepairKind.LOSSY_MOJIBAKE || segKind == RepairKind.LOSSY_MOJIBAKE
                                ? RepairKind.LOSSY_MOJIBAKE : RepairKind.MOJIBAKE;
                    }
                    grew = true;
                }
            }
            // this layer was done to the text before the absorbed ones: inner layers come first
            String chain = inner.isEmpty() ? layer : layer + "+" + String.join("+", inner);
            int newStart = cs + shift;
            int newEnd = ce + shift + delta;
            out.add(new Segment(toOrig(cs), toOrig(ce), newStart, newEnd, chain, segKind, lost, conf));
            shift += delta;
        }
        while (si < segments.size()) {
            out.add(segments.get(si++).shifted(shift));
        }
        segments.clear();
        segments.addAll(out);
        return next;
    }

    /** Whether current positions {@code [start, end)} lie inside one changed segment. */
    boolean covers(int start, int end) {
        for (Segment s : segments) {
            if (s.curStart <= start && end <= s.curEnd) {
                return true;
            }
        }
        return false;
    }

    /** {@code current} with {@code edits} (sorted, disjoint) applied. */
    static int[] applyEdits(int[] current, List<Edit> edits) {
        return applyToText(current, edits);
    }

    private static int[] applyToText(int[] current, List<Edit> edits) {
        int extra = 0;
        for (Edit e : edits) {
            extra += Math.max(0, e.replacement().length - (e.end() - e.start()));
        }
        int[] next = new int[current.length + extra];
        int o = 0;
        int i = 0;
        for (Edit e : edits) {
            while (i < e.start()) {
                next[o++] = current[i++];
            }
            for (int cp : e.replacement()) {
                next[o++] = cp;
            }
            i = e.end();
        }
        while (i < current.length) {
            next[o++] = current[i++];
        }
        return java.util.Arrays.copyOf(next, o);
    }

    /** The original position of current position {@code p}, which is not strictly inside a segment. */
    private int toOrig(int p) {
        int delta = 0;
        for (Segment s : segments) {
            if (s.curEnd <= p) {
                delta += (s.curEnd - s.curStart) - (s.origEnd - s.origStart);
            } else {
                break;
            }
        }
        return p - delta;
    }

    private static List<Edit> mergeTouching(List<Edit> edits) {
        List<Edit> out = new ArrayList<>();
        for (Edit e : edits) {
            if (!out.isEmpty() && out.get(out.size() - 1).end() == e.start()) {
                Edit p = out.remove(out.size() - 1);
                int[] rep = java.util.Arrays.copyOf(p.replacement(), p.replacement().length + e.replacement().length);
                System.arraycopy(e.replacement(), 0, rep, p.replacement().length, e.replacement().length);
                out.add(new Edit(p.start(), e.end(), rep, p.bytesLost() + e.bytesLost(), Math.min(p.gain(), e.gain()),
                        Math.min(p.modelConfidence(), e.modelConfidence())));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    record Segment(int origStart, int origEnd, int curStart, int curEnd, String chain, RepairKind kind, int bytesLost,
                   double confidence) {
        Segment shifted(int by) {
            return new Segment(origStart, origEnd, curStart + by, curEnd + by, chain, kind, bytesLost, confidence);
        }
    }
}
