package dev.colloquy.io;

import java.io.IOException;
import java.io.InputStream;

/** What input streams whose logic lives in {@code read(byte[], int, int)} need to implement the rest. */
public final class InputStreams {

    /**
     * {@link InputStream#read()} by way of {@code in.read(byte[], int, int)}: the next byte as 0..255, or -1 at the
     * end, so a stream that cuts or splices bytes in its array read does it in one place.
     */
    public static int readOneByte(InputStream in) throws IOException {
        byte[] one = new byte[1];
        int n = in.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    private InputStreams() {
    }
}
