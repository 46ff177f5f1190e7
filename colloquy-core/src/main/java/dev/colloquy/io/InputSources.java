package dev.colloquy.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Expands command-line input arguments into sources: files, directories (recursively, in sorted path order so
 * runs are deterministic; hidden files and directories are skipped, and so are the job markers Hadoop and Spark
 * write beside part files, such as {@code _SUCCESS}), glob patterns ({@code data/*.jsonl},
 * {@code logs/**.gz}), and {@code -} for standard input.
 */
public final class InputSources {

    private InputSources() {
    }

    /**
     * Expands {@code args} in order.
     *
     * @throws IllegalArgumentException naming the argument, when a path does not exist or a glob matches nothing
     */
    public static List<InputSource> expand(List<String> args) {
        return expand(args, System.in);
    }

    /** As {@link #expand(List)}, reading {@code -} from {@code stdin}. */
    public static List<InputSource> expand(List<String> args, InputStream stdin) {
        Objects.requireNonNull(stdin, "stdin");
        List<InputSource> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                out.add(new StdinSource(stdin));
                continue;
            }
            Path path = Paths.get(arg);
            if (Files.isDirectory(path)) {
                walk(path, p -> true, out);
            } else if (Files.exists(path)) {
                out.add(new FileSource(arg, path));
            } else if (isGlob(arg)) {
                int before = out.size();
                glob(arg, out);
                if (out.size() == before) {
                    throw new IllegalArgumentException("no file matches the pattern '" + arg + "'");
                }
            } else {
                throw new IllegalArgumentException("no such file or directory: '" + arg + "'");
            }
        }
        return List.copyOf(out);
    }

    /** A source reading one file, named as {@code path} prints. */
    public static InputSource of(Path path) {
        return new FileSource(path.toString(), path);
    }

    /** A source reading {@code in} (for example standard input), named {@code -}. */
    public static InputSource of(InputStream in) {
        return new StdinSource(in);
    }

    private static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    private static void glob(String pattern, List<InputSource> out) {
        // Walk from the longest directory prefix without glob characters, matching whole paths as typed.
        String sep = FileSystems.getDefault().getSeparator();
        int firstMeta = firstGlobChar(pattern);
        int cut = Math.max(pattern.lastIndexOf('/', firstMeta), pattern.lastIndexOf(sep, firstMeta));
        Path base = cut < 0 ? Paths.get("") : Paths.get(pattern.substring(0, cut + 1));
        if (!Files.isDirectory(base.toString().isEmpty() ? Paths.get(".") : base)) {
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        walk(base, matcher::matches, out);
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return s.length();
    }

    private static void walk(Path root, PathMatcher filter, List<InputSource> out) {
        Path start = root.toString().isEmpty() ? Paths.get(".") : root;
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(Files::isRegularFile)
                    .map(p -> root.toString().isEmpty() ? start.relativize(p) : p)
                    .filter(p -> !hidden(root, p))
                    .filter(filter::matches)
                    .sorted()
                    .forEach(p -> out.add(new FileSource(p.toString(), p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list '" + root + "': " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path root, Path p) {
        Path rel = root.toString().isEmpty() ? p : root.relativize(p);
        for (Path part : rel) {
            String s = part.toString();
            if ((s.startsWith(".") && !s.equals(".") && !s.equals("..")) || HADOOP_MARKER.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /*
     * What Hadoop and Spark write beside a dataset's part files (a Spark-written kept.parquet/ directory holds
     * _SUCCESS, part files and .crc files): job markers, not data. Read as inputs, the empty _SUCCESS would be an
     * empty_file rejection. Only these names: other files starting with '_' may be data.
     */
    private static final java.util.regex.Pattern HADOOP_MARKER = java.util.regex.Pattern.compile(
            "_SUCCESS|_metadata|_common_metadata|_temporary|_committed_.*|_started_.*");
}
