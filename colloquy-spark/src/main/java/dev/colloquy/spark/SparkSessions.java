package dev.colloquy.spark;

import org.apache.spark.sql.SparkSession;

/** Starts Spark the way Colloquy needs it on a fresh machine: loopback only, no web UI, for local masters. */
final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session for {@code master}; null means "whatever spark-submit configured".
     */
    static SparkSession start(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("colloquy");
        if (master != null) {
            b.master(master);
            if (master.startsWith("local")) {
                // A laptop or CI box: bind to loopback so no network interface or DNS name is needed.
                b.config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.ui.enabled", "false")
                        .config("spark.sql.shuffle.partitions", "8")
                        .config("spark.default.parallelism", "8");
            }
        }
        return b.getOrCreate();
    }
}
