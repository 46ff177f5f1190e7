package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Role;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rejects conversations in which a turn of the given roles contains a blocked phrase (case-insensitive, as
 * written) or matches a blocked regular expression: the usual cleaning of refusals such as "As an AI language
 * model". The rejection's reason is the step's {@code reason} parameter (default {@code blocklisted}), so
 * several blocklist steps with their own reasons are counted apart in stats.json and the report; the message
 * names the turn and the phrase or pattern that matched.
 */
public record BlocklistFilter(List<String> phrases, List<Pattern> patterns, Set<Role> roles, Reason reason)
        implements Step, Serializable {

    public static final String NAME = "blocklist";
    /** Used when neither phrases nor patterns are given: the refusal openers most cleaning scripts remove. */
    public static final List<String> DEFAULT_PHRASES = List.of("As an AI language model", "As a large language model");
    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public BlocklistFilter {
        phrases = phrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        patterns = List.copyOf(patterns);
        roles = Set.copyOf(roles);
        if (!REASON.matcher(reason.code()).matches()) {
            throw new IllegalArgumentException("blocklist: reason must be snake_case ([a-z][a-z0-9_]*), was '"
                    + reason + "'");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return TurnChecks.firstTurn(c, t -> roles.contains(t.role()) ? blocked(t.text()) : null);
    }

    /** The first blocked phrase {@code text} contains or pattern it matches, or null. */
    private TurnChecks.Objection blocked(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : phrases) {
            if (lower.contains(phrase)) {
                return new TurnChecks.Objection(reason, "contains the blocked phrase \"" + phrase + "\"");
            }
        }
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return new TurnChecks.Objection(reason, "matches the blocked pattern /" + p.pattern() + "/");
            }
        }
        return null;
    }

    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "reject conversations whose turns (roles, default assistant) contain a phrase (any case; default"
                    + " \"As an AI language model\", \"As a large language model\") or match a regular expression;"
                    + " reason names the count in stats.json (default blocklisted)";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("phrases", "patterns", "roles", "reason");
        }

        @Override
        public Step create(StepParameters p) {
            List<String> phrases = p.getStringList("phrases", List.of());
            List<Pattern> patterns = new ArrayList<>();
            for (String regex : p.getStringList("patterns", List.of())) {
                try {
                    patterns.add(Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("blocklist: patterns: '" + regex + "' is not a regular"
                            + " expression: " + e.getDescription());
                }
            }
            if (phrases.isEmpty() && patterns.isEmpty()) {
                phrases = DEFAULT_PHRASES;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : p.getStringList("roles", List.of("assistant"))) {
                roles.add(Role.parse(r).orElseThrow(() -> new IllegalArgumentException(
                        "blocklist: roles: unknown role '" + r + "' (system, user, assistant, tool)")));
            }
            return new BlocklistFilter(phrases, patterns, roles, Reason.of(p.getString("reason", "blocklisted")));
        }
    }
}
