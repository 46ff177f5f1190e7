package dev.colloquy.signals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in any string with placeholders, one numbering for everything it is given: the same
 * e-mail address is {@code <EMAIL_1>} in a turn, in a speaker label and in a metadata field. One masker per record
 * (numbering restarts with each, so results do not depend on processing order); not thread-safe.
 *
 * <p>{@link PiiRedactor} masks a conversation's turns with it; the pipeline's output edge masks every other string
 * of a record with it (ids, metadata, unknown keys, quarantined records and messages), after {@link #reserve}-ing
 * the placeholders already in the record, so a value met at the edge never takes a number the step gave another.
 */
public final class PiiMasker {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Z_]+)_(\\d{1,9})>");

    private final Map<PiiKind, Map<String, String>> assigned = new EnumMap<>(PiiKind.class);
    private final Map<PiiKind, Integer> used = new EnumMap<>(PiiKind.class);

    /** One replacement made by {@link #replacements}: UTF-16 offsets in the original text. */
    record Replacement(PiiKind kind, int start, int end, String placeholder) {
    }

    /** Notes the placeholders {@code text} already holds, so new values are numbered after them. */
    public void reserve(String text) {
        if (text.indexOf('<') < 0) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            for (PiiKind k : PiiKind.values()) {
                if (k.placeholderStem().equals(m.group(1))) {
                    used.merge(k, Integer.parseInt(m.group(2)), Math::max);
                }
            }
        }
    }

    /** {@code text} with every value replaced; the same instance when there was none. */
    public String mask(String text) {
        List<Replacement> rs = replacements(text);
        if (rs.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        for (Replacement r : rs) {
            sb.append(text, last, r.start()).append(r.placeholder());
            last = r.end();
        }
        return sb.append(text, last, text.length()).toString();
    }

    /**
     * A JSON-like value (maps, lists, strings, numbers...) with every string masked, map keys included; the same
     * instance when nothing changed.
     */
    public Object maskTree(Object value) {
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                String mk = mask(k);
                Object mv = maskTree(e.getValue());
                changed |= mk != k || mv != e.getValue() || !(e.getKey() instanceof String);
                out.put(mk, mv);
            }
            return changed ? out : value;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            boolean changed = false;
            for (Object o : l) {
                Object mo = maskTree(o);
                changed |= mo != o;
                out.add(mo);
            }
            return changed ? out : value;
        }
        return value;
    }

    /** The values found in {@code text}, in order, each with its placeholder. */
    List<Replacement> replacements(String text) {
        List<PiiScanner.Match> matches = PiiScanner.scan(text);
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Replacement> out = new ArrayList<>(matches.size());
        for (PiiScanner.Match m : matches) {
            String value = text.substring(m.start(), m.end());
            out.add(new Replacement(m.kind(), m.start(), m.end(), placeholder(m.kind(), value)));
        }
        return out;
    }

    private String placeholder(PiiKind kind, String value) {
        Map<String, String> byValue = assigned.computeIfAbsent(kind, k -> new HashMap<>());
        return byValue.computeIfAbsent(normalise(kind, value), v -> {
            int n = used.merge(kind, 1, Integer::sum);
            return "<" + kind.placeholderStem() + "_" + n + ">";
        });
    }

    private static String normalise(PiiKind kind, String value) {
        return switch (kind) {
            case PHONE, CREDIT_CARD -> value.replaceAll("[^0-9+]", "");
            case EMAIL, IP_ADDRESS -> value.strip().toLowerCase(Locale.ROOT);
            case URL_CREDENTIALS -> value.strip();
        };
    }
}
