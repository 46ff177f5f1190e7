package dev.colloquy.spark;

import dev.colloquy.pipeline.RunListener;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.util.LongAccumulator;

/**
 * How a Spark run advances, as {@linkplain RunListener#note notes}: per stage, named by its phase (the job
 * description {@link SparkPipeline} sets), a line at most every few seconds while it runs and one when it ends.
 * Lines of the read phase also say the records read and kept so far (by the steps, before dedup) and the input
 * bytes of its finished tasks:
 * {@code read + steps: stage 1, 7/16 tasks, 512,003 records read, 480,112 kept by the steps, 512.0 of 1,038.9 MB,
 * 3.4 MB/s}.
 * Runs on Spark's listener bus thread; a local run's records/s line has no Spark counterpart, as records finish in
 * bulk only when the last stage has sorted them.
 */
final class SparkProgress extends SparkListener {

    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private static final String DESCRIPTION = "spark.job.description";

    private final RunListener listener;
    private final LongAccumulator recordsRead;
    private final LongAccumulator recordsKept;
    private final long[] partBytes;
    private final long totalBytes;
    private final Map<Integer, Stage> running = new HashMap<>();
    private long last = System.nanoTime();

    /**
     * @param recordsRead counts every record the read tasks read
     * @param recordsKept counts those the steps kept
     * @param partBytes   input bytes of each read task, by partition (the read phase has one part per partition)
     */
    SparkProgress(RunListener listener, LongAccumulator recordsRead, LongAccumulator recordsKept, long[] partBytes) {
        this.listener = listener;
        this.recordsRead = recordsRead;
        this.recordsKept = recordsKept;
        this.partBytes = partBytes.clone();
        long total = 0;
        for (long b : partBytes) {
            total += Math.max(0, b);
        }
        this.totalBytes = total;
    }

    private static final class Stage {
        final String phase;
        final int tasks;
        final long start = System.nanoTime();
        int done;
        long bytes;

        Stage(String phase, int tasks) {
            this.phase = phase;
            this.tasks = tasks;
        }
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        Properties p = submitted.properties();
        String phase = p == null ? null : p.getProperty(DESCRIPTION);
        if (phase == null || !phase.startsWith("colloquy: ")) {
            return; // another job on the same session
        }
        StageInfo info = submitted.stageInfo();
        running.put(info.stageId(), new Stage(phase.substring("colloquy: ".length()), info.numTasks()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Stage s = running.get(end.stageId());
        if (s == null || !end.taskInfo().successful()) {
            return;
        }
        s.done++;
        int index = end.taskInfo().index();
        if (isRead(s) && index >= 0 && index < partBytes.length) {
            s.bytes += Math.max(0, partBytes[index]);
        }
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS) {
            last = now;
            listener.note(line(end.stageId(), s, now, false));
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo info = completed.stageInfo();
        Stage s = running.remove(info.stageId());
        if (s == null) {
            return;
        }
        last = System.nanoTime();
        String line = line(info.stageId(), s, last, true);
        if (info.failureReason().isDefined()) {
            line += " (failed: " + info.failureReason().get() + ")";
        }
        listener.note(line);
    }

    private boolean isRead(Stage s) {
        return ("colloquy: " + s.phase).equals(SparkPipeline.READ);
    }

    private String line(int stageId, Stage s, long now, boolean finished) {
        double seconds = (now - s.start) / 1e9;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: stage %d, %d/%d tasks", s.phase, stageId,
                s.done, s.tasks));
        if (finished) {
            b.append(String.format(Locale.ROOT, " done in %.1f s", seconds));
        }
        if (isRead(s)) {
            b.append(String.format(Locale.ROOT, ", %,d records read, %,d kept by the steps", recordsRead.value(), recordsKept.value()));
            if (totalBytes > 0) {
                b.append(String.format(Locale.ROOT, ", %.1f of %.1f MB, %.1f MB/s", s.bytes / 1e6, totalBytes / 1e6,
                        seconds > 0 ? s.bytes / 1e6 / seconds : 0));
            }
        }
        return b.toString();
    }
}
