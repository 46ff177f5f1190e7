package dev.colloquy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for an I/O error that names the path and the cause. The JDK's messages do not: a
 * {@link NoSuchFileException}'s message is the bare path, a full disk's is "No space left on device" without
 * the file. Commands print {@code colloquy CMD: } followed by this.
 */
public final class IoMessages {

    private IoMessages() {
    }

    /** {@code 'path': cause} when the exception names a path, else its message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String cause = fs.getReason() != null ? fs.getReason() : kind(fs);
            String other = fs.getOtherFile() == null ? "" : " (and '" + fs.getOtherFile() + "')";
            return "'" + fs.getFile() + "'" + other + ": " + cause;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** As {@link #describe(IOException)} for the unchecked wrapper. */
    public static String describe(UncheckedIOException e) {
        return e.getCause() != null ? describe(e.getCause()) : String.valueOf(e.getMessage());
    }

    /** An IOException saying which file failed, keeping the cause: for errors whose JDK message lacks it. */
    public static IOException naming(String what, IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return e;
        }
        return new IOException("'" + what + "': " + describe(e), e);
    }

    private static String kind(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return e.getClass().getSimpleName();
    }
}
