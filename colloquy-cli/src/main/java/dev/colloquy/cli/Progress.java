package dev.colloquy.cli;

import dev.colloquy.pipeline.RunListener;
import dev.colloquy.pipeline.RunSummary;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a run on stderr: on a terminal one line redrawn in place (records/s, MB/s, percent and ETA when
 * the input size is known), otherwise a plain log line every few seconds, so logs of batch jobs stay readable.
 */
final class Progress implements RunListener {

    private static final long TTY_INTERVAL_NANOS = 250_000_000L;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean tty;
    private long start;
    private long total = -1;
    private long last;

    Progress(PrintWriter err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    @Override
    public void started(long totalBytes) {
        start = System.nanoTime();
        last = start;
        total = totalBytes;
    }

    @Override
    public void progress(long records, long bytesRead) {
        long now = System.nanoTime();
        if (now - last < (tty ? TTY_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        last = now;
        String line = line(records, bytesRead, (now - start) / 1e9);
        if (tty) {
            err.print("\r\033[K" + line);
        } else {
            err.println("colloquy run: " + line);
        }
        err.flush();
    }

    String line(long records, long bytes, double seconds) {
        double mbs = seconds > 0 ? bytes / 1e6 / seconds : 0;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d records  %.0f rec/s  %.1f MB  %.1f MB/s",
                records, seconds > 0 ? records / seconds : 0, bytes / 1e6, mbs));
        if (total > 0) {
            double frac = Math.min(1.0, (double) bytes / total);
            int width = 24;
            int filled = (int) Math.round(frac * width);
            sb.insert(0, String.format(Locale.ROOT, "[%s%s] %3.0f%%  ", "#".repeat(filled), " ".repeat(width - filled),
                    frac * 100));
            if (frac > 0.01 && frac < 1) {
                long eta = Math.round(seconds / frac - seconds);
                sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
            }
        }
        return sb.toString();
    }

    /** A note is a log line on a terminal too: it replaces the redrawn line, which the next progress redraws. */
    @Override
    public void note(String line) {
        if (tty) {
            err.print("\r\033[K");
        }
        err.println("colloquy run: " + line);
        err.flush();
    }

    @Override
    public void finished(RunSummary summary) {
        if (tty) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
