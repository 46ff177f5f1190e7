package dev.colloquy.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.colloquy.io.AtomicFile;
import dev.colloquy.pipeline.RunReport;
import dev.colloquy.pipeline.RunSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code report.html} at the end of {@code colloquy run}: one static, self-contained page (inline CSS,
 * charts as inline SVG drawn here, no script and no network) with the run's counts, distributions, rejections,
 * dedup clusters and sample records. Found by the pipeline through {@code ServiceLoader}. Every string taken
 * from the data is HTML-escaped. Stateless and thread-safe.
 */
public final class HtmlReport implements RunReport {

    public static final String FILE_NAME = "report.html";

    @Override
    public void write(Path outputDir, RunSummary summary) throws IOException {
        try (AtomicFile f = AtomicFile.create(outputDir.resolve(FILE_NAME)); Writer w = f.writer()) {
            w.write(render(summary));
            w.flush();
            f.commit();
        }
    }

    /** The whole page. */
    public String render(RunSummary summary) {
        JsonNode stats = summary.stats().toJson();
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Colloquy run report</title><style>").append(ReportStyle.CSS).append("</style></head><body>\n")
                .append("<header><h1>Colloquy run report</h1><nav>");
        for (String[] s : ReportSections.NAV) {
            sb.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
        }
        sb.append("</nav></header><main>\n");
        ReportSections sections = new ReportSections(stats, summary);
        sb.append(sections.overview());
        sb.append(sections.languages());
        sb.append(sections.shape());
        sb.append(sections.signals());
        sb.append(sections.rejections());
        ExampleSections examples = new ExampleSections(summary.examples());
        sb.append(sections.dedup(examples.dedupPairs()));
        sb.append(examples.repairs());
        sb.append(examples.holes());
        sb.append(examples.loop());
        sb.append(examples.quarantined());
        sb.append(sections.timings());
        sb.append(String.format(Locale.ROOT, "</main><footer>colloquy run · %,d records in · generated from stats.json"
                + " and sample records</footer></body></html>\n", summary.stats().recordsIn()));
        return sb.toString();
    }
}
