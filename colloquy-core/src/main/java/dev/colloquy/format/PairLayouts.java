package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Preference pairs: a prompt, a chosen answer and a rejected answer, read into one Conversation whose turns are
 * prompt + chosen + rejected (model.Preference says where each starts). The layouts, by keys:
 *   prompt + chosen + rejected          TRL: each a list of messages (conversational) or a string (standard);
 *                                       a string prompt is one user turn, a string answer one assistant turn
 *   chosen + rejected (no prompt)       TRL's implicit prompt: two whole dialogues, the prompt their common start
 *   conversations/messages/conversation LLaMA-Factory ranking (sharegpt: conversations + one {from, value} message
 *     + chosen + rejected               each; openai: messages + ...); an answer may also be a string or a list
 *   instruction (+ input, ...)          LLaMA-Factory ranking, alpaca: the Alpaca prompt + string answers
 *     + chosen + rejected
 *   chosen_messages + rejected_messages LLaMA-Factory's DPO sample: two whole dialogues (or answers after a prompt)
 *   input.messages + preferred_output   OpenAI's preference fine-tuning format (what --to openai writes)
 *     + non_preferred_output
 * All messages of a pair go through RecordDecoder as one list, so roles, content parts, column and role mappings
 * and our meta.speakers / meta.message_extra (indexed over prompt + chosen + rejected) read as for a conversation.
 */
final class PairLayouts {

    static final String OPENAI_CHOSEN = "preferred_output";
    static final String OPENAI_REJECTED = "non_preferred_output";

    private static final List<String[]> ANSWER_KEYS = List.of(new String[] {"chosen", "rejected"},
            new String[] {"chosen_messages", "rejected_messages"}, new String[] {OPENAI_CHOSEN, OPENAI_REJECTED});
    private static final Set<String> ALPACA_PROMPT_KEYS = Set.of("instruction", "input", "system", "history");

    private PairLayouts() {
    }

    /** The chosen and rejected keys of the pair layout these keys have, or null. */
    static String[] answerKeys(Set<String> keys) {
        for (String[] k : ANSWER_KEYS) {
            if (keys.contains(k[0]) && keys.contains(k[1])) {
                return k;
            }
        }
        return null;
    }

    static ReadResult decode(Map<String, Object> rec, SourcePosition pos, RoleMap roles, String[] answerKeys) {
        Object chosenValue = rec.get(answerKeys[0]);
        Object rejectedValue = rec.get(answerKeys[1]);
        Map<String, Object> rest = new LinkedHashMap<>(rec);
        rest.remove(answerKeys[0]);
        rest.remove(answerKeys[1]);
        List<Object> prompt;
        List<Object> chosen;
        List<Object> rejected;
        String promptKey = promptKey(rest.keySet());
        if (promptKey == null) {
            // the implicit prompt: two whole dialogues sharing their start
            if (!(chosenValue instanceof List<?> c) || !(rejectedValue instanceof List<?> r)) {
                return ReadResult.bad(pos, ReadReason.NO_MESSAGES, "a preference pair without a prompt needs \""
                        + answerKeys[0] + "\" and \"" + answerKeys[1] + "\" as lists of messages (the prompt is"
                        + " their common start); got " + JsonTypes.describe(chosenValue) + " and "
                        + JsonTypes.describe(rejectedValue), rec);
            }
            int common = 0;
            while (common < c.size() && common < r.size() && c.get(common).equals(r.get(common))) {
                common++;
            }
            prompt = new ArrayList<>(c.subList(0, common));
            chosen = new ArrayList<>(c.subList(common, c.size()));
            rejected = new ArrayList<>(r.subList(common, r.size()));
        } else {
            Object p = promptKey.equals("instruction") ? Layouts.alpacaMessages(rest) : rest.get(promptKey);
            if (p instanceof ReadResult.Bad bad) {
                return ReadResult.bad(pos, ReadReason.MALFORMED_MESSAGE, bad.rejection().message(), rec);
            }
            if (promptKey.equals("instruction")) {
                ALPACA_PROMPT_KEYS.forEach(rest::remove);
            } else if (promptKey.equals("input") && p instanceof Map<?, ?> input) {
                p = input.get("messages");
                input.forEach((k, v) -> {
                    if (!"messages".equals(k)) {
                        rest.putIfAbsent(String.valueOf(k), v);
                    }
                });
            }
            rest.remove(promptKey);
            prompt = p instanceof String s ? List.of(message("user", s)) : asList(p);
            if (prompt == null) {
                return ReadResult.bad(pos, ReadReason.NO_MESSAGES, "the prompt \"" + promptKey + "\" is "
                        + JsonTypes.describe(p) + ", not a list of messages or a string", rec);
            }
            chosen = answer(chosenValue);
            rejected = answer(rejectedValue);
        }
        for (int i = 0; i < 2; i++) {
            List<Object> a = i == 0 ? chosen : rejected;
            if (a == null || a.isEmpty()) {
                Object v = i == 0 ? chosenValue : rejectedValue;
                return ReadResult.bad(pos, ReadReason.EMPTY_ANSWER, "the " + (i == 0 ? "chosen" : "rejected")
                        + " answer \"" + answerKeys[i] + "\" is " + (a == null ? JsonTypes.describe(v)
                        + ", not a message, a list of messages or a string" : "empty"), rec);
            }
        }
        List<Object> all = new ArrayList<>(prompt);
        all.addAll(chosen);
        all.addAll(rejected);
        rest.put("messages", all);
        ReadResult r = RecordDecoder.decode(rest, pos, roles, "messages", true);
        if (r instanceof ReadResult.Bad bad) {
            return bad.of(pos, rec);
        }
        Conversation flat = ((ReadResult.Ok) r).conversation();
        List<Turn> turns = flat.turns();
        int c0 = prompt.size();
        int r0 = c0 + chosen.size();
        Conversation pair = flat.withPair(turns.subList(0, c0), turns.subList(c0, r0), turns.subList(r0, turns.size()));
        String problem = problem(pair);
        if (problem != null) {
            return ReadResult.bad(pos, reasonOf(problem), problem, rec);
        }
        return new ReadResult.Ok(pair);
    }

    /** The reason of a {@link #problem} message. */
    static ReadReason reasonOf(String problem) {
        return problem.startsWith("identical") ? ReadReason.IDENTICAL_ANSWERS
                : problem.endsWith("is empty") ? ReadReason.EMPTY_ANSWER : ReadReason.ANSWER_NOT_ASSISTANT;
    }

    /** What makes this pair unusable for training, or null. */
    static String problem(Conversation pair) {
        for (int i = 0; i < 2; i++) {
            List<Turn> answer = i == 0 ? pair.chosen() : pair.rejected();
            String which = i == 0 ? "chosen" : "rejected";
            if (answer.get(0).role() != Role.ASSISTANT) {
                return "the " + which + " answer starts with a " + answer.get(0).role().wireName()
                        + " message, not an assistant one";
            }
            if (answer.stream().allMatch(t -> t.text().isBlank() && !t.extra().containsKey("tool_calls"))) {
                return "the " + which + " answer is empty";
            }
        }
        if (sameAnswer(pair.chosen(), pair.rejected())) {
            return "identical answers: the chosen answer equals the rejected one, so the pair prefers nothing";
        }
        return null;
    }

    private static boolean sameAnswer(List<Turn> a, List<Turn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Turn x = a.get(i);
            Turn y = b.get(i);
            if (x.role() != y.role() || !x.text().equals(y.text())
                    || !java.util.Objects.equals(x.extra().get("tool_calls"), y.extra().get("tool_calls"))) {
                return false;
            }
        }
        return true;
    }

    /** The key holding the prompt: prompt, input (OpenAI preference), or a conversation layout's list key. */
    private static String promptKey(Set<String> keys) {
        if (keys.contains("prompt")) {
            return "prompt";
        }
        if (keys.contains("input") && !keys.contains("instruction")) {
            return "input";
        }
        return Layouts.of(keys);
    }

    /** An answer as a list of messages: a string is one assistant message, a message a list of one. */
    private static List<Object> answer(Object v) {
        if (v instanceof String s) {
            return List.of(message("assistant", s));
        }
        if (v instanceof Map<?, ?> m) {
            return List.of(m);
        }
        return asList(v);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object v) {
        return v instanceof List<?> l ? (List<Object>) l : null;
    }

    private static Map<String, Object> message(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
