package dev.colloquy.format;

import dev.colloquy.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * The record layouts read with --from auto, recognized by their keys (after the column mapping), first match
 * wins:
 *   messages                         OpenAI / Hugging Face chat (KTO's boolean "label" beside it is metadata)
 *   conversations                    ShareGPT (from/value), or role/content messages under that name
 *   conversation                     lmsys-chat style: a list of {role, content}
 *   instruction (+ input, output,    Alpaca, as LLaMA-Factory reads it: an optional system turn, the history
 *     system, history)               pairs, then user = instruction + "\n" + input (when input is not empty)
 *                                    and assistant = output
 *   prompt                           TRL's prompt-only layout: a list of messages (also a conversation's row in
 *                                    a Parquet file of preference pairs)
 * Preference pairs (two answers) are read first, by PairLayouts. Other keys are metadata. The turn list of each
 * layout goes through RecordDecoder, so role aliases, content
 * parts and checks are the same for all.
 */
final class Layouts {

    static final String HELP = "expected one of the layouts \"messages\" (OpenAI, Hugging Face), \"conversations\""
            + " (ShareGPT), \"conversation\" (lmsys), \"instruction\"/\"output\" (Alpaca), \"prompt\" (TRL), a preference"
            + " pair (\"chosen\" + \"rejected\" beside a prompt); map other column names"
            + " with --columns (input.columns), e.g. --columns messages=dialog";

    private static final Set<String> ALPACA_KEYS = Set.of("instruction", "input", "output", "system", "history");

    private Layouts() {
    }

    /** The list key of the layout these top-level keys have, or null. */
    static String of(Set<String> keys) {
        for (String k : List.of("messages", "conversations", "conversation", "instruction", "prompt")) {
            if (keys.contains(k)) {
                return k;
            }
        }
        return null;
    }

    static ReadResult decode(Map<String, Object> rec, SourcePosition pos, RoleMap roles) {
        String[] pair = PairLayouts.answerKeys(rec.keySet());
        if (pair != null) {
            return PairLayouts.decode(rec, pos, roles, pair);
        }
        String layout = of(rec.keySet());
        if (layout == null) {
            return ReadResult.bad(pos, ReadReason.NO_MESSAGES, "the record has no conversation layout (keys "
                    + Excerpt.of(rec.keySet().toString()) + "): " + HELP, rec);
        }
        return switch (layout) {
            case "instruction" -> alpaca(rec, pos, roles);
            case "conversations" -> RecordDecoder.shareGpt(rec, pos, roles);
            default -> RecordDecoder.decode(rec, pos, roles, layout, true);
        };
    }

    private static ReadResult alpaca(Map<String, Object> rec, SourcePosition pos, RoleMap roles) {
        Object messages = alpacaMessages(rec);
        if (messages instanceof ReadResult.Bad bad) {
            return ReadResult.bad(pos, ReadReason.MALFORMED_MESSAGE, bad.rejection().message(), rec);
        }
        Map<String, Object> asChat = new LinkedHashMap<>();
        rec.forEach((k, v) -> {
            if (!ALPACA_KEYS.contains(k)) {
                asChat.put(k, v);
            }
        });
        asChat.put("messages", messages);
        ReadResult r = RecordDecoder.openAi(asChat, pos, roles);
        if (r instanceof ReadResult.Bad bad) {
            return bad.of(pos, rec);
        }
        return r;
    }

    /**
     * The messages of an Alpaca record (system, history pairs, instruction + input, output when present), or a
     * {@link ReadResult.Bad} (at no position) whose message says which field is not text.
     */
    static Object alpacaMessages(Map<String, Object> rec) {
        SourcePosition pos = new SourcePosition("", 0);
        List<Map<String, Object>> messages = new ArrayList<>();
        if (rec.get("system") instanceof String system && !system.isEmpty()) {
            messages.add(message("system", system));
        } else if (rec.get("system") != null && !(rec.get("system") instanceof String)) {
            return malformed(rec, pos, "\"system\"", rec.get("system"));
        }
        Object history = rec.get("history");
        if (history instanceof List<?> pairs) {
            for (int i = 0; i < pairs.size(); i++) {
                if (!(pairs.get(i) instanceof List<?> pair) || pair.size() != 2
                        || !(pair.get(0) instanceof String q) || !(pair.get(1) instanceof String a)) {
                    return malformed(rec, pos, "history entry " + i + " (expected [question, answer])", pairs.get(i));
                }
                messages.add(message("user", q));
                messages.add(message("assistant", a));
            }
        } else if (history != null) {
            return malformed(rec, pos, "\"history\"", history);
        }
        Object instruction = rec.get("instruction");
        Object input = rec.get("input");
        if (!(instruction instanceof String ins)) {
            return malformed(rec, pos, "\"instruction\"", instruction);
        }
        if (input != null && !(input instanceof String)) {
            return malformed(rec, pos, "\"input\"", input);
        }
        String in = (String) input;
        messages.add(message("user", in == null || in.isEmpty() ? ins : ins + "\n" + in));
        Object output = rec.get("output");
        if (output instanceof String out) {
            messages.add(message("assistant", out));
        } else if (output != null) {
            return malformed(rec, pos, "\"output\"", output);
        }
        return messages;
    }

    private static Map<String, Object> message(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    private static ReadResult malformed(Map<String, Object> rec, SourcePosition pos, String what, Object value) {
        return ReadResult.bad(pos, ReadReason.MALFORMED_MESSAGE,
                "Alpaca record: " + what + " is " + JsonTypes.describe(value) + ", not text", rec);
    }
}
