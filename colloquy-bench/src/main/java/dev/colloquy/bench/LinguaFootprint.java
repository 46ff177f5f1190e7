package dev.colloquy.bench;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.colloquy.signals.LanguageIdentifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Heap and per-call cost of the Lingua detector that {@link LanguageIdentifier} builds for its default language
 * set, in low- or high-accuracy mode. Heap is measured as used heap after full GCs, before and after building;
 * cost per call is the calling thread's CPU time (Lingua also fans each call out to the common fork-join pool,
 * whose threads are not counted) and wall time. Run from the repository root:
 * <pre>
 * java -Xmx2g -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.LinguaFootprint low
 * java -Xmx2g -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.LinguaFootprint high
 * </pre>
 */
public final class LinguaFootprint {

    private static final String SAMPLE = "Set this to TRUE to activate the screensaver when the session is idle. "
            + "Klicken Sie auf diesen Paletteneintrag, um ihn zur aktuellen Farbe zu machen. "
            + "Los resultados de las aplicaciones contenidas en esta lista se mostrarán en el orden especificado. "
            + "Следующие параметры используются после обязательных аргументов в режиме создания архива.";

    private LinguaFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean low = args.length == 0 || !args[0].equals("high");
        Language[] languages = LanguageIdentifier.DEFAULT_LANGUAGES.stream()
                .map(c -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(c.toUpperCase(Locale.ROOT))))
                .toArray(Language[]::new);
        long before = usedHeap();
        long t0 = System.nanoTime();
        LanguageDetectorBuilder b = LanguageDetectorBuilder.fromLanguages(languages).withPreloadedLanguageModels();
        LanguageDetector d = (low ? b.withLowAccuracyMode() : b).build();
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long after = usedHeap();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int chars : new int[] {100, 200, 300}) {
            String text = SAMPLE.substring(0, chars);
            for (int i = 0; i < 300; i++) {
                d.computeLanguageConfidenceValues(text);
            }
            int n = 1000;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                d.computeLanguageConfidenceValues(text);
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            System.out.printf(Locale.ROOT, "%s accuracy, %d chars: %.0f us CPU, %.0f us wall per call%n",
                    low ? "low" : "high", chars, cpu / 1e3 / n, wall / 1e3 / n);
        }
        System.out.printf(Locale.ROOT, "%s accuracy, %d languages: built in %d ms, heap +%.0f MB%n",
                low ? "low" : "high", languages.length, buildMs, (after - before) / 1e6);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
