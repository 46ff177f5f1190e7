package dev.colloquy.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Adds up the shuffle bytes every finished task wrote: the figure that decides what dedup costs at scale. */
final class ShuffleMeter extends SparkListener {

    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) {
            bytes.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
        }
    }

    long bytes() {
        return bytes.get();
    }
}
