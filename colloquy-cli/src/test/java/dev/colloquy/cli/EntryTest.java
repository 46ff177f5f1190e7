package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EntryTest {

    @Test
    void answersTheVersionPicocliAnswers() {
        assertThat(Entry.version()).startsWith("colloquy ").isNotEqualTo("colloquy unknown")
                .isEqualTo(Main.commandLine().getCommandSpec().version()[0]);
    }

    @Test
    void runsAPlainFixAndReturnsItsExitCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixCommand fix = new FixCommand(new ByteArrayInputStream("cafÃ©\n".getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(Entry.execute(fix, System.err)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("café\n");
    }

    @Test
    void answersAnUnexpectedFailureAsPicocliWould() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("boom");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        FixCommand ours = new FixCommand(new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)), failing, stderr);
        FixCommand theirs = new FixCommand(new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)), failing, stderr);
        CommandLine picocli = new CommandLine(theirs);
        picocli.setExitCodeExceptionMapper(e -> ExitCodes.INPUT_PROBLEMS);
        picocli.setErr(new java.io.PrintWriter(new ByteArrayOutputStream()));
        assertThat(Entry.execute(ours, stderr)).isEqualTo(picocli.execute()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("IllegalStateException: boom");
    }
}
