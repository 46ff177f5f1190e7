package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples under {@code ## Use as a library} in README.md compile and run as written, against this
 * module's classpath (core and its dependencies), in a JVM of their own.
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    private static List<String> examples;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Use as a library\n");
        assertThat(start).as("README.md has a '## Use as a library' section").isGreaterThanOrEqualTo(0);
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        examples = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(section);
        while (m.find()) {
            examples.add(m.group(1));
        }
    }

    @Test
    void eachExampleIsAShortClassWithMain() {
        assertThat(examples).hasSize(2);
        for (String code : examples) {
            assertThat(code.lines().count()).as("lines of\n%s", code).isLessThanOrEqualTo(25);
            assertThat(code).contains("public static void main(String[] args)");
        }
    }

    @Test
    void pipelineExampleRunsAPipelineAndPrintsTheSummary() throws Exception {
        Path yaml = tmp.resolve("pipeline.yaml");
        Files.writeString(yaml, """
                input:
                  format: auto
                steps:
                  - step: repair
                  - step: turns
                    min: 2
                dedup:
                  mode: exact
                output:
                  format: openai
                """, StandardCharsets.UTF_8);
        Path input = tmp.resolve("chats.jsonl");
        String twoTurns = "{\"messages\":[{\"role\":\"user\",\"content\":\"Wie geht's? Ã¼ber\"},"
                + "{\"role\":\"assistant\",\"content\":\"Gut, danke.\"}]}";
        String oneTurn = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello?\"}]}";
        Files.writeString(input, twoTurns + "\n" + oneTurn + "\n" + twoTurns + "\n{not json\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        String stdout = compileAndRun(example("CurateCorpus"), yaml.toString(), input.toString(), out.toString());

        assertThat(stdout).startsWith("4 in, 1 kept, 3 quarantined\n");
        assertThat(stdout).contains("rejected: {").contains("turns=").contains("dedup=").contains("read=");
        assertThat(out.resolve("kept.jsonl")).content(StandardCharsets.UTF_8).contains("über");
        assertThat(out.resolve("stats.json")).exists();
    }

    @Test
    void repairExampleRepairsOneString() throws Exception {
        String stdout = compileAndRun(example("RepairOneString"));

        assertThat(stdout.lines().findFirst()).hasValue("The café serves crème brûlée");
        assertThat(stdout.lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("Repair["));
    }

    private static String example(String className) {
        return examples.stream().filter(c -> c.contains("public class " + className + " "))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no example class " + className));
    }

    /** Compiles one example with javac against this JVM's classpath, runs its main in a new JVM, returns stdout. */
    private String compileAndRun(String code, String... args) throws Exception {
        Matcher name = CLASS_NAME.matcher(code);
        assertThat(name.find()).as("a public class in\n%s", code).isTrue();
        Path src = tmp.resolve("src").resolve(name.group(1) + ".java");
        Path classes = tmp.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, code, StandardCharsets.UTF_8);
        String classpath = System.getProperty("java.class.path");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-encoding", "UTF-8", "-Xlint:all,-path", "-Werror",
                "-classpath", classpath, "-d", classes.toString(), src.toString());
        assertThat(rc).as("javac:\n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dfile.encoding=UTF-8", "-cp", classes + java.io.File.pathSeparator + classpath, name.group(1)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        byte[] stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = in.readAllBytes();
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit code of %s", name.group(1)).isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
