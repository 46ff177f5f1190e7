package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/*
 * Parses one transcript conversation (the lines between "---" separators).
 *
 * A tag line starts with a speaker label: "[A]: text" (bracketed) or "A: text" / "Jane Doe: text" (plain; a
 * label of at most 32 characters and 3 words, starting with a letter or digit, the colon followed by a space or
 * the end of the line). If any bracketed tag occurs, only bracketed tags count, and all of them. Because ordinary
 * prose can start "Note: ..." or "Usage: ...", plain labels must be consistent to count as speakers: a label
 * counts if it recurs or has a role (--roles entry or a role name such as "system"); when the conversation's
 * first non-blank line is a tag, its label counts too, and so do further labels in order of appearance until
 * two count. Plain tags must then make at least two turns, else the text is not a transcript.
 *
 * A turn's text is everything after "[A]: " (one space after the colon is part of the tag) up to the next tag
 * line, with the newlines (and CRs) just before that tag removed: inner blank lines and trailing spaces stay.
 * Non-blank lines before the first tag are kept in metadata "preamble".
 */
final class TranscriptParser {

    private static final Pattern BRACKETED = Pattern.compile("^\\[([^\\[\\]\\r\\n]{1,64})\\]:");
    private static final Pattern PLAIN = Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{N}_.'\\- ]{0,31}):(?=[ \\t]|\\r?$)");

    private TranscriptParser() {
    }

    /** Parses {@code lines}, the first of which is line {@code firstLine} of {@code file}. */
    static ReadResult parse(List<String> lines, String file, long firstLine, RoleMap roles) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        SourcePosition pos = new SourcePosition(file, firstLine + first);
        boolean bracketed = lines.stream().anyMatch(l -> BRACKETED.matcher(l).find());
        Pattern tag = bracketed ? BRACKETED : PLAIN;
        Set<String> speakers = speakers(lines, tag, roles);
        if (speakers.isEmpty()) {
            return ReadResult.bad(pos, ReadReason.NO_MESSAGES,
                    "no speaker tags like '[A]: ' or 'Name: ' at the start of a line", String.join("\n", lines));
        }
        List<String> labels = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        StringBuilder preamble = new StringBuilder();
        for (String line : lines) {
            Matcher m = tag.matcher(line);
            if (m.find() && speakers.contains(label(m, bracketed))) {
                labels.add(label(m, bracketed));
                int start = m.end();
                if (start < line.length() && line.charAt(start) == ' ') {
                    start++;
                }
                texts.add(new StringBuilder(line.substring(start)));
            } else if (texts.isEmpty()) {
                if (!line.isBlank() || preamble.length() > 0) {
                    preamble.append(preamble.length() > 0 ? "\n" : "").append(line);
                }
            } else {
                texts.get(texts.size() - 1).append('\n').append(line);
            }
        }
        Map<String, Role> assigned = new HashMap<>();
        int rank = 0;
        List<Turn> turns = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            Role role = assigned.get(label);
            if (role == null) {
                Optional<Role> fixed = roles.fixedRole(label);
                Optional<Role> r = fixed.isPresent() ? fixed : roles.forLabel(label, rank++);
                if (r.isEmpty()) {
                    return ReadResult.bad(pos, ReadReason.UNKNOWN_ROLE, "speaker " + Excerpt.quote(label)
                            + " is the third speaker and has no role; name it in --roles (e.g. --roles "
                            + label + "=user)", String.join("\n", lines));
                }
                role = r.get();
                assigned.put(label, role);
            }
            turns.add(new Turn(label, role, stripTrailingNewlines(texts.get(i))));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        String pre = stripTrailingNewlines(preamble);
        if (!pre.isBlank()) {
            metadata.put(MetaKeys.PREAMBLE, pre);
        }
        return new ReadResult.Ok(new Conversation(ConversationIds.derive(pos, turns), pos, turns, metadata, List.of()));
    }

    private static Set<String> speakers(List<String> lines, Pattern tag, RoleMap roles) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean bracketed = tag == BRACKETED;
        Boolean firstIsTag = null;
        for (String line : lines) {
            Matcher m = tag.matcher(line);
            boolean isTag = m.find() && (bracketed || label(m, false).split(" ").length <= 3);
            if (firstIsTag == null && !line.isBlank()) {
                firstIsTag = isTag;
            }
            if (isTag) {
                counts.merge(label(m, bracketed), 1, Integer::sum);
            }
        }
        if (bracketed) {
            return counts.keySet();
        }
        Set<String> accepted = new LinkedHashSet<>();
        counts.forEach((label, n) -> {
            if (n >= 2 || roles.fixedRole(label).isPresent()) {
                accepted.add(label);
            }
        });
        if (Boolean.TRUE.equals(firstIsTag)) {
            accepted.add(counts.keySet().iterator().next());
            for (String label : counts.keySet()) {
                if (accepted.size() >= 2) {
                    break;
                }
                accepted.add(label);
            }
        }
        int turns = accepted.stream().mapToInt(counts::get).sum();
        return turns >= 2 ? accepted : Set.of();
    }

    private static String label(Matcher m, boolean bracketed) {
        return bracketed ? m.group(1) : m.group(1).strip();
    }

    private static String stripTrailingNewlines(CharSequence s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.subSequence(0, end).toString();
    }
}
