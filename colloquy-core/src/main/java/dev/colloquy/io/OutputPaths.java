package dev.colloquy.io;

import java.io.IOException;
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
