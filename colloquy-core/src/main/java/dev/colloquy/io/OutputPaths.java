package dev.colloquy.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses output paths that would overwrite an input or another output, before anything is written. Paths are
 * compared as real paths (symbolic links, {@code ..} and relative names resolved; a path that does not exist yet
 * is resolved through its nearest existing parent), so {@code ./g.txt}, {@code dir/../g.txt} and a link to
 * {@code g.txt} are all {@code g.txt}. Devices and other non-regular files ({@code /dev/null}, {@code /dev/full})
 * are not compared: writing to them overwrites nothing.
 *
 * <p>{@link #requireReplaceable} guards an option whose value is easy to mistake for an input: {@code fix --explain
 * data.txt} reads as "explain the repairs of data.txt" but names data.txt as the file to write. An existing file is
 * replaced only when it is empty or is an earlier output of the same option, told by its first JSON line's first
 * keys (the writer's fixed key order).
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Checks that every output is distinct from every input file and from every other output.
     *
     * @param outputs what each output is called on the command line (e.g. {@code --explain}) to its path; null
     *                paths are skipped
     * @throws IllegalArgumentException naming the two clashing paths and the option to change
     */
    public static void requireDistinct(List<InputSource> inputs, Map<String, Path> outputs) {
        Map<Path, String> seen = new LinkedHashMap<>();
        for (InputSource in : inputs) {
            Optional<Path> p = in.file();
            if (p.isPresent() && comparable(p.get())) {
                seen.putIfAbsent(real(p.get()), "the input '" + in.name() + "'");
            }
        }
        for (Map.Entry<String, Path> o : outputs.entrySet()) {
            Path p = o.getValue();
            if (p == null || !comparable(p)) {
                continue;
            }
            Path r = real(p);
            String earlier = seen.get(r);
            if (earlier != null) {
                throw new IllegalArgumentException(o.getKey() + " '" + p + "' is the same file as " + earlier
                        + ": it would be overwritten; choose another " + o.getKey() + " path");
            }
            seen.put(r, o.getKey() + " '" + p + "'");
        }
    }

    /**
     * Refuses to replace an existing file that is not an earlier output of {@code option}. A path that does not
     * exist, an empty file, a device or pipe ({@code /dev/null}, {@code /dev/stdout}) pass; so does a regular file
     * whose first line is a JSON object whose first keys, in order, are one of {@code signatures} (read as a stream:
     * only those keys are read, however long the line). A directory is refused.
     *
     * @param signatures the key sequences an earlier output's first line starts with, e.g. {@code [line, repairs]}
     * @param remedy     what the user should do instead, appended to the message
     * @throws IllegalArgumentException naming the path, the option and the remedy
     */
    public static void requireReplaceable(Path path, String option, List<List<String>> signatures, String remedy) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " '" + path + "' is a directory; " + remedy);
        }
        if (!Files.isRegularFile(path)) {
            return;
        }
        try {
            if (Files.size(path) == 0 || startsWithKeys(path, signatures)) {
                return;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " '" + path + "' cannot be read to check that replacing it is"
                    + " safe (" + IoMessages.describe(e) + "); " + remedy, e);
        }
        throw new IllegalArgumentException(option + " '" + path + "' already exists and is not an earlier "
                + option + " output (its first line is not a JSON object starting with the keys "
                + describe(signatures) + "), so writing it would destroy it; " + remedy);
    }

    private static boolean startsWithKeys(Path path, List<List<String>> signatures) throws IOException {
        int longest = signatures.stream().mapToInt(List::size).max().orElse(0);
        List<String> keys = new ArrayList<>(longest);
        try (InputStream in = Files.newInputStream(path);
             JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (keys.size() < longest && p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON, or the line ends before the keys do: not an earlier output
        }
        for (List<String> s : signatures) {
            if (keys.size() >= s.size() && keys.subList(0, s.size()).equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<List<String>> signatures) {
        List<String> each = new ArrayList<>();
        for (List<String> s : signatures) {
            each.add(String.join(", ", s));
        }
        return String.join(" or ", each);
    }

    /** The input files (not stdin) that lie inside {@code dir} (or are it), in input order. */
    public static List<InputSource> inside(List<InputSource> inputs, Path dir) {
        Path d = real(dir);
        List<InputSource> out = new ArrayList<>();
        for (InputSource in : inputs) {
            if (in.file().isPresent() && real(in.file().get()).startsWith(d)) {
                out.add(in);
            }
        }
        return out;
    }

    /** Whether {@code inner} is {@code outer} or inside it, as real paths. */
    public static boolean isInside(Path inner, Path outer) {
        return real(inner).startsWith(real(outer));
    }

    /** The real path of {@code p}; for a path that does not exist, its nearest existing ancestor's real path + the rest. */
    public static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null) {
            try {
                Path r = existing.toRealPath();
                for (int i = rest.size() - 1; i >= 0; i--) {
                    r = r.resolve(rest.get(i));
                }
                return r;
            } catch (IOException e) {
                if (existing.getFileName() == null) {
                    break;
                }
                rest.add(existing.getFileName());
                existing = existing.getParent();
            }
        }
        return abs;
    }

    private static boolean comparable(Path p) {
        return !Files.exists(p) || Files.isRegularFile(p) || Files.isDirectory(p);
    }
}
