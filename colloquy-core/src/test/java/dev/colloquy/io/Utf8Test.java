package dev.colloquy.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    @ParameterizedTest
    @CsvSource({
        "41, true", "c3a9, true", "e282ac, true", "f09f9880, true", "c3, false", "c0af, false", "e080af, false",
        "eda080, false", "f4908080, false", "80, false", "ff, false", "e282, false", "f09f98, false", "c341, false",
    })
    void acceptsOnlyWellFormedUtf8(String hex, boolean valid) {
        byte[] b = HexFormat.of().parseHex(hex);
        assertThat(Utf8.isValid(b, 0, b.length)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"41, 65", "c3a9, 233", "e282ac, 8364", "f09f8eac, 127916", "c0af, -1", "e080af, -1",
        "eda080, -1", "f4908080, -1", "c3a9a9, -1", "e282, -1"})
    void decodesExactlyOneSequence(String hex, int cp) {
        int[] b = ints(HexFormat.of().parseHex(hex));
        assertThat(Utf8.decode(b, b.length)).isEqualTo(cp);
    }

    @ParameterizedTest
    @CsvSource({"eda0bd, 55357", "edb8b8, 56888", "ed9fbf, 55295"})
    void decodesSurrogateHalvesOnlyWhenAsked(String hex, int cp) {
        int[] b = ints(HexFormat.of().parseHex(hex));
        assertThat(Utf8.decode(b, b.length, true)).isEqualTo(cp);
        assertThat(Utf8.decode(b, b.length)).isEqualTo(cp < 0xD800 ? cp : -1);
    }

    /** The JDK's strict decoder is the reference: random bytes biased towards UTF-8's structure. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithTheJdkOnRandomBytes(long seed) {
        Random random = new Random(seed);
        int[] interesting = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED,
            0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
            }
            assertThat(Utf8.isValid(b, 0, b.length)).as(HexFormat.of().formatHex(b)).isEqualTo(jdkAccepts(b));
        }
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int[] ints(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void encodesEveryScalarValueAsJavaDoesAndDecodesItBack() {
        int[] out = new int[4];
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            int length = Utf8.encode(cp, out);
            byte[] java = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            assertThat(length).isEqualTo(java.length);
            for (int k = 0; k < length; k++) {
                assertThat(out[k]).isEqualTo(java[k] & 0xFF);
            }
            assertThat(Utf8.decode(out, length)).isEqualTo(cp);
        }
    }
}
