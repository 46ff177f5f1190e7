package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps only what renders through the strict chat templates of common models (Llama, Mistral, Gemma, and the
 * tool-calling templates of Llama 3.1, Mistral and Qwen): an optional system turn first, then user turns, each
 * answered by one assistant reply, no empty turns, and at least one assistant reply with text.
 *
 * <p>An assistant reply may use tools, as OpenAI's fine-tuning format allows: an assistant turn with
 * {@code tool_calls} (its content may be null), then one {@code tool} turn per call carrying the call's
 * {@code tool_call_id}, in any order, then further calls or the assistant's final turn with text. The legacy
 * form, an assistant {@code function_call} answered by one {@code function} turn, is the same shape with one
 * call. Strict templates reject a tool result that answers no call, a call left unanswered and a reply that
 * ends in tool results, so those are quarantined.
 */
public record TrainingReadyFilter() implements Step {

    public static final String NAME = "training_ready";
    public static final Reason NOT_TRAINING_READY = Reason.of("not_training_ready");

    // Turn.extra keys as the OpenAI reader stores them (dev.colloquy.format.MetaKeys for the last two).
    private static final String TOOL_CALLS = "tool_calls";
    private static final String TOOL_CALL_ID = "tool_call_id";
    private static final String FUNCTION_CALL = "function_call";
    private static final String CONTENT_NULL = "content_null";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<Turn> turns = c.turns();
        int n = turns.size();
        int start = n > 0 && turns.get(0).role() == Role.SYSTEM ? 1 : 0;
        if (n == start) {
            return reject(c, "has no user or assistant turn");
        }
        boolean replied = false;
        int i = start;
        while (i < n) {
            String problem = unexpected(turns.get(i), i, Role.USER);
            if (problem == null && turns.get(i).text().isBlank()) {
                problem = "turn " + i + " (user) is empty";
            }
            if (problem != null) {
                return reject(c, problem);
            }
            i++;
            if (i == n) {
                break; // a last question without its answer is fine for training, as before
            }
            // One assistant reply: zero or more tool rounds, then a turn with text.
            while (true) {
                Turn t = turns.get(i);
                problem = unexpected(t, i, Role.ASSISTANT);
                if (problem != null) {
                    return reject(c, problem);
                }
                Object calls = toolCalls(t, i);
                if (calls instanceof String callProblem) {
                    return reject(c, callProblem);
                }
                if (calls == null) {
                    if (t.text().isBlank()) {
                        return reject(c, "turn " + i + " (assistant) is empty");
                    }
                    replied = true;
                    i++;
                    break;
                }
                int callTurn = i;
                @SuppressWarnings("unchecked")
                Set<String> pending = (Set<String>) calls;
                i++;
                while (i < n && turns.get(i).role() == Role.TOOL) {
                    problem = answer(turns.get(i), i, pending, callTurn);
                    if (problem != null) {
                        return reject(c, problem);
                    }
                    i++;
                }
                if (!pending.isEmpty()) {
                    return reject(c, "tool call '" + pending.iterator().next() + "' of turn " + callTurn
                            + " has no tool result after it");
                }
                if (i == n) {
                    return reject(c, "ends with tool results and no assistant turn after them");
                }
            }
        }
        if (!replied) {
            return reject(c, "has no assistant reply");
        }
        return StepResult.kept(c);
    }

    /** Why {@code t} cannot stand where {@code expected} is due, or null when it can. */
    private static String unexpected(Turn t, int i, Role expected) {
        if (t.role() == expected) {
            return null;
        }
        String where = t.role() == Role.SYSTEM ? "a system turn after the start"
                : t.role() == Role.TOOL ? "a tool turn without a tool call before it"
                : t.role() + " where " + expected + " was due";
        return "turn " + i + " is " + where;
    }

    /**
     * The ids of an assistant turn's tool calls (a fresh mutable set), null when it calls no tool, or a String
     * saying what is malformed. A legacy {@code function_call} is one call with the id {@code ""}.
     */
    private static Object toolCalls(Turn t, int i) {
        Object calls = t.extra().get(TOOL_CALLS);
        Object legacy = t.extra().get(FUNCTION_CALL);
        if (calls == null && legacy == null) {
            return null;
        }
        if (calls != null && legacy != null) {
            return "turn " + i + " (assistant) has both tool_calls and function_call";
        }
        Set<String> ids = new LinkedHashSet<>();
        if (legacy != null) {
            String bad = function(legacy);
            if (bad != null) {
                return "turn " + i + " (assistant) has a malformed function_call: " + bad;
            }
            ids.add("");
            return ids;
        }
        if (!(calls instanceof List<?> list) || list.isEmpty()) {
            return "turn " + i + " (assistant) has tool_calls that are not a non-empty list";
        }
        for (int k = 0; k < list.size(); k++) {
            String bad = list.get(k) instanceof Map<?, ?> call ? call(call, ids) : "not an object";
            if (bad != null) {
                return "turn " + i + " (assistant) tool call " + k + " is malformed: " + bad;
            }
        }
        return ids;
    }

    /** What is wrong with one OpenAI tool call, or null; adds its id to {@code ids}. */
    private static String call(Map<?, ?> call, Set<String> ids) {
        if (!(call.get("id") instanceof String id) || id.isEmpty()) {
            return "no id";
        }
        if (call.containsKey("type") && !"function".equals(call.get("type"))) {
            return "type is not 'function'";
        }
        String bad = function(call.get("function"));
        if (bad != null) {
            return bad;
        }
        return ids.add(id) ? null : "id '" + id + "' is used twice";
    }

    /** What is wrong with a {@code {"name", "arguments"}} function object, or null. */
    private static String function(Object f) {
        if (!(f instanceof Map<?, ?> fn)) {
            return "no function object";
        }
        if (!(fn.get("name") instanceof String name) || name.isEmpty()) {
            return "no function name";
        }
        return fn.get("arguments") instanceof String ? null : "arguments are not a JSON string";
    }

    /** Checks that tool turn {@code t} answers one of the pending calls and removes it; a problem, or null. */
    private static String answer(Turn t, int i, Set<String> pending, int callTurn) {
        if (Boolean.TRUE.equals(t.extra().get(CONTENT_NULL))) {
            return "turn " + i + " (tool) has no content";
        }
        if (pending.isEmpty()) {
            return "turn " + i + " (tool) answers no open call: every call of turn " + callTurn + " is answered";
        }
        if (pending.contains("")) { // legacy function_call: the one result needs no id
            pending.remove("");
            return null;
        }
        if (!(t.extra().get(TOOL_CALL_ID) instanceof String id)) {
            return "turn " + i + " (tool) has no tool_call_id";
        }
        if (!pending.remove(id)) {
            return "turn " + i + " (tool) answers '" + id + "', which is not an open call of turn " + callTurn;
        }
        return null;
    }

    private static StepResult reject(Conversation c, String why) {
        return StepResult.rejected(c, NOT_TRAINING_READY, "does not fit strict chat templates: " + why);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "keep only conversations strict chat templates render: [system] user/assistant alternating,"
                    + " tool calls answered");
        }

        @Override
        protected Step build(StepParameters p) {
            return new TrainingReadyFilter();
        }
    }
}
