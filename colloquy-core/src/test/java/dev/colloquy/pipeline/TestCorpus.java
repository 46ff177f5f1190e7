package dev.colloquy.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of OpenAI JSONL corpora with planted defects, and what a correct pipeline must make of
 * them: exact duplicates and near-duplicates (a few words changed in a long conversation) that must go,
 * look-alikes sharing one turn that must stay, malformed lines, and structural defects.
 */
final class TestCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("the of and to in is that it for was on are as with his they at be this"
            + " from have or by one had not but what all were when we there can an your which their said if do will"
            + " each about how up out them then she many some so these would other into has more her two like him"
            + " see time could no make than first been its who now people my made over did down only way find use"
            + " may water long little very after words called just where most know river garden window winter"
            + " engine market silver planet doctor forest letter kitchen summer station morning").split(" ");

    final List<String> exactDuplicates = new ArrayList<>();
    final List<String> nearDuplicates = new ArrayList<>();
    final List<String> lookAlikes = new ArrayList<>();
    final List<String> structural = new ArrayList<>();
    int malformed;
    int records;

    /** Writes {@code n} base conversations plus planted cases to {@code file}. */
    static TestCorpus write(Path file, long seed, int n) throws IOException {
        TestCorpus t = new TestCorpus();
        Random rnd = new Random(seed);
        List<ObjectNode> bases = new ArrayList<>();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                ObjectNode c = conversation("c" + i, rnd, 4 + rnd.nextInt(4));
                bases.add(c);
                t.line(w, c);
                int plant = rnd.nextInt(20);
                if (plant == 0 && i > 0) {
                    ObjectNode dup = bases.get(rnd.nextInt(i)).deepCopy();
                    dup.put("id", "exact" + i);
                    t.exactDuplicates.add("exact" + i);
                    t.line(w, dup);
                } else if (plant == 1 && i > 0) {
                    ObjectNode near = bases.get(rnd.nextInt(i)).deepCopy();
                    near.put("id", "near" + i);
                    ObjectNode turn = (ObjectNode) near.path("messages").get(1);
                    String[] words = turn.path("content").asText().split(" ");
                    words[3] = "zebra" + i;
                    turn.put("content", String.join(" ", words));
                    t.nearDuplicates.add("near" + i);
                    t.line(w, near);
                } else if (plant == 2 && i > 0) {
                    ObjectNode look = conversation("look" + i, rnd, 4);
                    ((ArrayNode) look.path("messages")).set(0, bases.get(rnd.nextInt(i)).path("messages").get(0));
                    t.lookAlikes.add("look" + i);
                    t.line(w, look);
                } else if (plant == 3) {
                    w.write("{\"id\":\"broken" + i + "\",\"messages\":[{\"role\":\"user\",\"content\":\"cut off\n");
                    t.malformed++;
                    t.records++;
                } else if (plant == 4) {
                    ObjectNode bad = conversation("struct" + i, rnd, 3);
                    ((ObjectNode) bad.path("messages").get(0)).put("role", "assistant");
                    t.structural.add("struct" + i);
                    t.line(w, bad);
                } else if (plant == 5) {
                    ObjectNode moji = conversation("moji" + i, rnd, 2);
                    ((ObjectNode) moji.path("messages").get(1)).put("content", "CafÃ© au lait, sâ€™il vous plaÃ®t "
                            + sentence(rnd, 30));
                    t.line(w, moji);
                }
            }
        }
        return t;
    }

    private void line(Writer w, ObjectNode c) throws IOException {
        w.write(JSON.writeValueAsString(c));
        w.write('\n');
        records++;
    }

    private static ObjectNode conversation(String id, Random rnd, int turns) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        ArrayNode msgs = c.putArray("messages");
        for (int t = 0; t < turns; t++) {
            msgs.addObject().put("role", t % 2 == 0 ? "user" : "assistant").put("content", sentence(rnd, 40 + rnd.nextInt(40)));
        }
        return c;
    }

    private static String sentence(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    Set<String> mustBeRemoved() {
        Set<String> s = new LinkedHashSet<>(exactDuplicates);
        s.addAll(nearDuplicates);
        return s;
    }
}
