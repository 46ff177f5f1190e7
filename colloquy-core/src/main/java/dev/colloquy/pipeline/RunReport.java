package dev.colloquy.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a human report (e.g. {@code report.html}) into the output directory at the end of a run.
 * Implementations are found with {@link java.util.ServiceLoader}: a module providing one lists it in
 * {@code META-INF/services/dev.colloquy.pipeline.RunReport}. When none is present no report is written.
 */
public interface RunReport {

    void write(Path outputDir, RunSummary summary) throws IOException;
}
