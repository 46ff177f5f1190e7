package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/*
 * Builds the JSON tree of one output record. The inverse of RecordDecoder: what it takes from "meta" is what
 * this puts there.
 *
 * OpenAI messages carry only keys fine-tuning accepts (role, content, name, weight, tool_calls, tool_call_id,
 * function_call), and every message of a file the same ones (tool fields aside), so column loaders (Arrow,
 * datasets) type "messages" as the chat schema list<{role, content}>. The speaker label therefore goes to
 * meta.speakers[i] (when it differs from the role's own name), not to "name"; with names on (convert --names),
 * it becomes "name" instead: OpenAI requires names to match ^[a-zA-Z0-9_-]{1,64}$, so other characters become
 * "_" (a label with no letter or digit left is dropped) and the label as written also goes to meta.speakers[i].
 *
 * ShareGPT entries use one vocabulary, human/gpt/system/tool unless OutputStyle names others: a label that is another ShareGPT name
 * (user, assistant, chatgpt, ...) goes to meta.speakers[i] too, and comes back from there when read. Everything else of a turn (unknown keys,
 * content_parts, ...) goes to meta.message_extra[i]; findings go to meta.findings and meta.turn_findings[i].
 * Lists indexed by turn are written only when some entry is non-empty, and then hold one entry per turn (null
 * where there is nothing), so every field keeps one JSON type on every line.
 */
final class RecordEncoder {

    private static final Set<String> OPENAI_MESSAGE_KEYS =
            Set.of("name", "weight", "tool_calls", "tool_call_id", "function_call");
    private static final Pattern OPENAI_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** How a tree holds findings: as maps (TREE), or as values the mapper writes itself (WRITE, faster). */
    enum Form {
        TREE, WRITE;

        Object finding(Finding f) {
            return this == TREE ? findingJson(f) : new FindingJson(f);
        }
    }

    private RecordEncoder() {
    }

    /** The record as a tree of maps, lists and values. */
    static Map<String, Object> openAi(Conversation c) {
        return openAi(c, false, Form.TREE);
    }

    /**
     * The record as a tree to be written with {@link Json#MAPPER} ({@code form} WRITE: its findings are left for
     * the mapper to write, see {@link FindingJson}) or to be read as maps ({@code form} TREE).
     */
    static Map<String, Object> openAi(Conversation c, boolean names, Form form) {
        List<Turn> turns = c.turns();
        List<Object> messages = new ArrayList<>(turns.size());
        List<Object> messageExtra = new ArrayList<>(turns.size());
        List<Object> speakers = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", t.role().wireName());
            String rawSpeaker = null;
            if (!names && !t.speaker().equals(t.role().wireName())) {
                rawSpeaker = t.speaker();
            } else if (!t.speaker().equals(t.role().wireName()) && !t.extra().containsKey("name")) {
                String name = openAiName(t.speaker());
                if (name != null) {
                    m.put("name", name);
                }
                if (!t.speaker().equals(name)) {
                    rawSpeaker = t.speaker();
                }
            }
            boolean contentNull = Boolean.TRUE.equals(t.extra().get(MetaKeys.CONTENT_NULL)) && t.text().isEmpty();
            m.put("content", contentNull ? null : t.text());
            Map<String, Object> rest = new LinkedHashMap<>();
            t.extra().forEach((k, v) -> {
                if (OPENAI_MESSAGE_KEYS.contains(k) && (names || !k.equals("name"))) {
                    m.put(k, v);
                } else {
                    rest.put(k, v);
                }
            });
            messages.add(m);
            messageExtra.add(rest.isEmpty() ? null : rest);
            speakers.add(rawSpeaker);
        }
        Map<String, Object> rec = record(c, "messages", messages, messageExtra, speakers, form);
        return c.isPair() ? openAiPair(c, rec) : rec;
    }

    /**
     * A pair in OpenAI's preference fine-tuning format: {"input": {"messages": prompt}, "preferred_output": chosen,
     * "non_preferred_output": rejected}. meta's per-turn lists stay indexed over prompt + chosen + rejected.
     */
    private static Map<String, Object> openAiPair(Conversation c, Map<String, Object> flat) {
        List<?> all = (List<?>) flat.get("messages");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("messages", all.subList(0, c.preference().chosenStart()));
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", flat.get("id"));
        rec.put("input", input);
        rec.put(PairLayouts.OPENAI_CHOSEN, all.subList(c.preference().chosenStart(), c.preference().rejectedStart()));
        rec.put(PairLayouts.OPENAI_REJECTED, all.subList(c.preference().rejectedStart(), all.size()));
        rec.put(MetaKeys.META, flat.get(MetaKeys.META));
        return rec;
    }

    /**
     * A pair in LLaMA-Factory's ranking layout: "conversations" (the prompt) + "chosen" + "rejected", each answer
     * one {from, value} message (a list when an answer has several turns, which LLaMA-Factory cannot read but
     * which loses nothing).
     */
    private static Map<String, Object> shareGptPair(Conversation c, Map<String, Object> flat) {
        List<?> all = (List<?>) flat.get("conversations");
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", flat.get("id"));
        rec.put("conversations", all.subList(0, c.preference().chosenStart()));
        List<?> chosen = all.subList(c.preference().chosenStart(), c.preference().rejectedStart());
        List<?> rejected = all.subList(c.preference().rejectedStart(), all.size());
        rec.put("chosen", chosen.size() == 1 ? chosen.get(0) : chosen);
        rec.put("rejected", rejected.size() == 1 ? rejected.get(0) : rejected);
        rec.put(MetaKeys.META, flat.get(MetaKeys.META));
        return rec;
    }

    /** The record as a tree of maps, lists and values. */
    static Map<String, Object> shareGpt(Conversation c) {
        return shareGpt(c, OutputStyle.defaults(), Form.TREE);
    }

    /** ShareGPT in {@code style}'s vocabulary (human/gpt/system/tool by default); {@code form} as for openAi. */
    static Map<String, Object> shareGpt(Conversation c, OutputStyle style, Form form) {
        List<Turn> turns = c.turns();
        List<Object> entries = new ArrayList<>(turns.size());
        List<Object> speakers = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            Map<String, Object> m = new LinkedHashMap<>();
            String from = style.shareGptFrom(t.role());
            boolean speakerIsFrom = t.speaker().equals(from);
            m.put("from", from);
            boolean contentNull = Boolean.TRUE.equals(t.extra().get(MetaKeys.CONTENT_NULL)) && t.text().isEmpty();
            m.put("value", contentNull ? null : t.text());
            t.extra().forEach((k, v) -> {
                if (!k.equals(MetaKeys.CONTENT_NULL)) {
                    m.put(k, v);
                }
            });
            entries.add(m);
            speakers.add(speakerIsFrom ? null : t.speaker());
        }
        Map<String, Object> rec = record(c, "conversations", entries, List.of(), speakers, form);
        return c.isPair() ? shareGptPair(c, rec) : rec;
    }

    private static Map<String, Object> record(Conversation c, String listKey, List<Object> messages,
                                              List<Object> messageExtra, List<Object> speakers, Form form) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", c.id());
        rec.put(listKey, messages);
        Map<String, Object> meta = new LinkedHashMap<>();
        // meta.source is always a string; an input's own non-string "source" field moves to input_source.
        Object source = c.metadata().get(MetaKeys.SOURCE);
        meta.put(MetaKeys.SOURCE, source instanceof String ? source : c.source().toString());
        if (source != null && !(source instanceof String)) {
            meta.put(MetaKeys.INPUT_SOURCE, source);
        }
        c.metadata().forEach((k, v) -> {
            if (!k.equals(MetaKeys.SOURCE) && !k.equals(MetaKeys.FINDINGS) && !k.equals(MetaKeys.TURN_FINDINGS)) {
                meta.put(k, v);
            }
        });
        List<Object> findings = new ArrayList<>();
        if (c.metadata().get(MetaKeys.FINDINGS) instanceof List<?> earlier) {
            findings.addAll(earlier);
        }
        c.findings().forEach(f -> findings.add(form.finding(f)));
        if (!findings.isEmpty()) {
            meta.put(MetaKeys.FINDINGS, findings);
        }
        List<?> earlierTurnFindings = c.metadata().get(MetaKeys.TURN_FINDINGS) instanceof List<?> l ? l : List.of();
        List<Object> turnFindings = new ArrayList<>();
        boolean anyTurnFinding = false;
        for (int i = 0; i < c.turns().size(); i++) {
            List<Object> list = new ArrayList<>();
            if (i < earlierTurnFindings.size() && earlierTurnFindings.get(i) instanceof List<?> e) {
                list.addAll(e);
            }
            c.turns().get(i).findings().forEach(f -> list.add(form.finding(f)));
            anyTurnFinding |= !list.isEmpty();
            turnFindings.add(list);
        }
        if (anyTurnFinding) {
            meta.put(MetaKeys.TURN_FINDINGS, turnFindings);
        }
        if (messageExtra.stream().anyMatch(x -> x != null)) {
            meta.put(MetaKeys.MESSAGE_EXTRA, messageExtra);
        }
        if (speakers.stream().anyMatch(x -> x != null)) {
            meta.put(MetaKeys.SPEAKERS, speakers);
        }
        rec.put(MetaKeys.META, meta);
        return rec;
    }

    /** A finding as JSON: {"type": ..., then its record components}. */
    static Map<String, Object> findingJson(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", f.type());
        Object fields = Json.MAPPER.convertValue(f, Object.class);
        if (fields instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.putIfAbsent(String.valueOf(k), v));
        }
        return m;
    }

    /** The label as an OpenAI {@code name}, or null when nothing of it survives. */
    static String openAiName(String label) {
        if (OPENAI_NAME.matcher(label).matches()) {
            return label;
        }
        StringBuilder b = new StringBuilder();
        boolean alnum = false;
        for (int i = 0; i < label.length() && b.length() < 64; i++) {
            char ch = label.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            alnum |= ok;
            b.append(ok || ch == '-' || ch == '_' ? ch : '_');
        }
        return alnum ? b.toString() : null;
    }
}
