package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * Turns one parsed JSON object (OpenAI or ShareGPT shape) into a Conversation, keeping every field:
 * - record level: "id" becomes the id; every other top-level key goes to Conversation.metadata, and the keys of a
 *   "meta" object are lifted into metadata too (this is where our own writers put them), except
 *   meta.message_extra[i] (merged back into turn i's extra) and meta.speakers[i] (turn i's raw speaker label).
 * - message level: role/content (OpenAI) or from/value (ShareGPT) become role/text; name becomes the speaker
 *   label; every other key, known (weight, tool_calls, ...) or not, goes to Turn.extra in order.
 * Content given as a list of parts is flattened to text (text parts joined by "\n") and the list itself kept in
 * extra.content_parts, so writers can emit a plain string while nothing is lost.
 */
final class RecordDecoder {

    static final Map<String, Role> OPENAI_ROLES = Map.of(
            "system", Role.SYSTEM, "developer", Role.SYSTEM, "user", Role.USER, "assistant", Role.ASSISTANT,
            "tool", Role.TOOL, "function", Role.TOOL);

    static final Map<String, Role> SHAREGPT_FROM = Map.ofEntries(
            Map.entry("human", Role.USER), Map.entry("user", Role.USER),
            Map.entry("gpt", Role.ASSISTANT), Map.entry("assistant", Role.ASSISTANT),
            Map.entry("chatgpt", Role.ASSISTANT), Map.entry("bard", Role.ASSISTANT), Map.entry("bing", Role.ASSISTANT),
            Map.entry("model", Role.ASSISTANT), Map.entry("bot", Role.ASSISTANT), Map.entry("ai", Role.ASSISTANT),
            Map.entry("function_call", Role.ASSISTANT),
            Map.entry("system", Role.SYSTEM),
            Map.entry("tool", Role.TOOL), Map.entry("function", Role.TOOL), Map.entry("observation", Role.TOOL),
            Map.entry("function_response", Role.TOOL), Map.entry("ipython", Role.TOOL));

    /** The JSON type of each optional message key the OpenAI output carries (null is allowed for each). */
    static final Map<String, Class<?>> OPENAI_KEY_TYPES = Map.of("name", String.class, "weight", Number.class,
            "tool_calls", List.class, "tool_call_id", String.class, "function_call", Map.class);
    private static final Map<String, String> OPENAI_KEY_TYPE_NAMES = Map.of("name", "a string", "weight", "a number",
            "tool_calls", "a list", "tool_call_id", "a string", "function_call", "an object");

    private RecordDecoder() {
    }

    static ReadResult openAi(Map<String, Object> rec, SourcePosition pos, RoleMap roles) {
        return decode(rec, pos, roles, "messages", true);
    }

    static ReadResult shareGpt(Map<String, Object> rec, SourcePosition pos, RoleMap roles) {
        return decode(rec, pos, roles, "conversations", false);
    }

    /**
     * A record whose turns are the list under {@code listKey}. Each message is read by its own keys: one with
     * {@code from} (and no {@code role}) as ShareGPT, one with {@code role} as OpenAI, any other as
     * {@code openAi} says; so {@code conversations} holding role/content reads too.
     */
    static ReadResult decode(Map<String, Object> rec, SourcePosition pos, RoleMap roles, String listKey,
                             boolean openAi) {
        Object list = rec.get(listKey);
        if (!(list instanceof List<?> messages)) {
            String why = list == null ? "the record has no \"" + listKey + "\" list"
                    : "\"" + listKey + "\" is " + JsonTypes.describe(list) + ", not a list";
            return ReadResult.bad(pos, ReadReason.NO_MESSAGES, why, rec);
        }
        if (messages.isEmpty()) {
            return ReadResult.bad(pos, ReadReason.NO_MESSAGES, "\"" + listKey + "\" is empty", rec);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<?> messageExtra = List.of();
        List<?> speakers = List.of();
        for (Map.Entry<String, Object> e : rec.entrySet()) {
            String k = e.getKey();
            if (k.equals("id") || k.equals(listKey)) {
                continue;
            }
            if (k.equals(MetaKeys.META) && e.getValue() instanceof Map<?, ?> meta) {
                for (Map.Entry<?, ?> m : meta.entrySet()) {
                    String mk = String.valueOf(m.getKey());
                    if (mk.equals(MetaKeys.MESSAGE_EXTRA) && m.getValue() instanceof List<?> l) {
                        messageExtra = l;
                    } else if (mk.equals(MetaKeys.SPEAKERS) && m.getValue() instanceof List<?> l) {
                        speakers = l;
                    } else if (mk.equals(MetaKeys.INPUT_SOURCE)) {
                        metadata.put(MetaKeys.SOURCE, m.getValue());
                    } else {
                        metadata.putIfAbsent(mk, m.getValue());
                    }
                }
            } else {
                metadata.put(k, e.getValue());
            }
        }
        List<Turn> turns = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Object m = messages.get(i);
            if (!(m instanceof Map<?, ?> msg)) {
                return ReadResult.bad(pos, ReadReason.MALFORMED_MESSAGE,
                        "message " + i + " of \"" + listKey + "\" is " + JsonTypes.describe(m) + ", not an object", rec);
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            if (i < messageExtra.size() && messageExtra.get(i) instanceof Map<?, ?> more) {
                more.forEach((k, v) -> extra.put(String.valueOf(k), v));
            }
            String rawSpeaker = i < speakers.size() && speakers.get(i) instanceof String s ? s : null;
            boolean oa = msg.containsKey("role") || (openAi && !msg.containsKey("from"));
            MessageResult message = oa
                    ? openAiTurn(msg, i, roles, extra, rawSpeaker)
                    : shareGptTurn(msg, i, roles, extra, rawSpeaker);
            if (message instanceof Problem p) {
                return ReadResult.bad(pos, p.reason(), p.message(), rec);
            }
            turns.add(((Decoded) message).turn());
        }
        Object idValue = rec.get("id");
        String id = idValue == null || idValue instanceof Map || idValue instanceof List
                ? ConversationIds.derive(pos, turns) : String.valueOf(idValue);
        if (idValue instanceof Map || idValue instanceof List) {
            metadata.put(MetaKeys.INPUT_ID, idValue); // an id that is no string or number is kept, not dropped
        }
        Conversation c = new Conversation(id, pos, turns, metadata, List.of());
        if (metadata.get(MetaKeys.PREFERENCE) instanceof Map<?, ?> shape
                && shape.get("chosen_start") instanceof Integer c0 && shape.get("rejected_start") instanceof Integer r0
                && 0 <= c0 && c0 < r0 && r0 < turns.size()) {
            Map<String, Object> rest = new LinkedHashMap<>(metadata);
            rest.remove(MetaKeys.PREFERENCE);
            c = c.withMetadata(rest).withPair(turns.subList(0, c0), turns.subList(c0, r0), turns.subList(r0, turns.size()));
            String problem = PairLayouts.problem(c);
            if (problem != null) {
                return ReadResult.bad(pos, PairLayouts.reasonOf(problem), problem, rec);
            }
        }
        return new ReadResult.Ok(c);
    }

    /** The turn, or a Problem saying what is wrong with the message. */
    private static MessageResult openAiTurn(Map<?, ?> msg, int i, RoleMap roles, Map<String, Object> extra, String rawSpeaker) {
        Object rawRole = msg.get("role");
        if (!(rawRole instanceof String roleName)) {
            return new Problem(ReadReason.UNKNOWN_ROLE, "message " + i + " has " + (rawRole == null ? "no role"
                    : "a role that is " + JsonTypes.describe(rawRole) + ", not a string"));
        }
        Role role = roles.forTag(roleName, OPENAI_ROLES).orElse(null);
        if (role == null) {
            return new Problem(ReadReason.UNKNOWN_ROLE, "message " + i + " has unknown role " + Excerpt.quote(roleName)
                    + "; expected system, developer, user, assistant, tool or function (or map it with --roles)");
        }
        if (!roleName.equals(role.wireName())) {
            extra.putIfAbsent(MetaKeys.ORIGINAL_ROLE, roleName);
        }
        String text;
        Object content = msg.get("content");
        if (content instanceof String s) {
            text = s;
        } else if (content == null) {
            text = "";
            if (msg.containsKey("content")) {
                extra.put(MetaKeys.CONTENT_NULL, Boolean.TRUE);
            }
        } else if (content instanceof List<?> parts) {
            text = joinTextParts(parts);
            extra.put(MetaKeys.CONTENT_PARTS, parts);
        } else {
            return new Problem(ReadReason.MALFORMED_MESSAGE, "message " + i + " content is "
                    + JsonTypes.describe(content) + ", not a string or a list of parts");
        }
        for (Map.Entry<String, Class<?>> key : OPENAI_KEY_TYPES.entrySet()) {
            Object v = msg.get(key.getKey());
            if (v != null && !key.getValue().isInstance(v)) {
                // copied as it is, "name": 7 would give the column a second JSON type and break loaders
                return new Problem(ReadReason.MALFORMED_MESSAGE, "message " + i + " \"" + key.getKey() + "\" is "
                        + JsonTypes.describe(v) + ", not " + OPENAI_KEY_TYPE_NAMES.get(key.getKey()));
            }
        }
        String speaker = role.wireName();
        for (Map.Entry<?, ?> e : msg.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.equals("role") || k.equals("content")) {
                continue;
            }
            if (k.equals("name") && e.getValue() instanceof String name && !name.equals(role.wireName())) {
                speaker = name;
                continue;
            }
            extra.put(k, e.getValue());
        }
        return new Decoded(new Turn(rawSpeaker != null ? rawSpeaker : speaker, role, text, extra, List.of()));
    }

    private static MessageResult shareGptTurn(Map<?, ?> msg, int i, RoleMap roles, Map<String, Object> extra,
                                       String rawSpeaker) {
        Object from = msg.get("from");
        if (!(from instanceof String fromName)) {
            return new Problem(ReadReason.UNKNOWN_ROLE, "message " + i + " has " + (from == null
                    ? "no \"from\" role" : "a \"from\" role that is " + JsonTypes.describe(from) + ", not a string"));
        }
        Role role = roles.forTag(fromName, SHAREGPT_FROM).orElse(null);
        if (role == null) {
            return new Problem(ReadReason.UNKNOWN_ROLE, "message " + i + " has unknown \"from\" role "
                    + Excerpt.quote(fromName) + "; expected human, gpt, system, tool, ... (or map it with --roles)");
        }
        Object value = msg.get("value");
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value == null) {
            text = "";
            if (msg.containsKey("value")) {
                extra.put(MetaKeys.CONTENT_NULL, Boolean.TRUE);
            }
        } else {
            return new Problem(ReadReason.MALFORMED_MESSAGE, "message " + i + " value is "
                    + JsonTypes.describe(value) + ", not a string");
        }
        for (Map.Entry<?, ?> e : msg.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!k.equals("from") && !k.equals("value")) {
                extra.put(k, e.getValue());
            }
        }
        return new Decoded(new Turn(rawSpeaker != null ? rawSpeaker : fromName, role, text, extra, List.of()));
    }

    private static String joinTextParts(List<?> parts) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object p : parts) {
            if (p instanceof Map<?, ?> part && part.get("text") instanceof String t) {
                if (!first) {
                    b.append('\n');
                }
                b.append(t);
                first = false;
            } else if (p instanceof String s) {
                if (!first) {
                    b.append('\n');
                }
                b.append(s);
                first = false;
            }
        }
        return b.toString();
    }

    /** What one message decodes to: its turn, or why the record is set aside. */
    private sealed interface MessageResult permits Decoded, Problem {
    }

    private record Decoded(Turn turn) implements MessageResult {
    }

    private record Problem(ReadReason reason, String message) implements MessageResult {
    }
}
