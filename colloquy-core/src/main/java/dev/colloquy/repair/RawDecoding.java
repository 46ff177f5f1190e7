package dev.colloquy.repair;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;

/** Bytes that are not UTF-8, decoded by RawCharsetDetector; ICU4J's first JDK-known match if that finds nothing. */
record RawDecoding(String text, String charset, double confidence) {

    static RawDecoding decode(byte[] bytes) {
        java.util.Optional<RawCharsetDetector.Detection> d = new RawCharsetDetector(CharLikelihood.standard()).detect(bytes);
        if (d.isPresent()) {
            return new RawDecoding(d.get().text(), d.get().charset().toLowerCase(java.util.Locale.ROOT), d.get().confidence());
        }
        return icuOnly(bytes);
    }

    private static RawDecoding icuOnly(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch m : matches) {
            if (m.getName().startsWith("UTF-") || !Charset.isSupported(m.getName())) {
                continue;
            }
            String text = new String(bytes, Charset.forName(m.getName()));
            return new RawDecoding(text, m.getName().toLowerCase(java.util.Locale.ROOT), m.getConfidence() / 100.0);
        }
        return new RawDecoding(new String(bytes, Charset.forName("windows-1252")), "windows-1252", 0.1);
    }

}
