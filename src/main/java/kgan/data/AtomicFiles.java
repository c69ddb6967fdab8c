package kgan.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Writes files so that a reader sees the old content or the new, never half of the new: the
 * bytes go to a temporary file in the same folder, which is then renamed over the target. A
 * run killed half way therefore leaves every output it had written readable.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code writer} writes, creating missing parent
     * folders. On failure the temporary file is removed and {@code target} is untouched.
     *
     * @throws OutputException naming {@code target} and the reason, when {@code target} is a
     *     folder, its folder cannot be created or written, or {@code writer} fails
     */
    public static void write(Path target, Writer writer) {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        // Checked first: the rename below would replace an empty folder, or fail with a
        // message about the temporary file.
        if (folder == null || Files.isDirectory(file)) {
            throw new OutputException(target, "is a folder; expected a file", null);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputException(target, reason(file, e), e);
        }
        // Not Files.createTempFile: it makes the file private to its owner, and the rename
        // would pass that on to the output. A new file gets the usual permissions.
        Path temporary = folder.resolve("." + file.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            try {
                try (OutputStream out = Files.newOutputStream(temporary,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    writer.write(out);
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new OutputException(target, reason(file, e), e);
        }
    }

    /** Replaces {@code target} with the UTF-8 text. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Why an operation on {@code target} (creating it, a file in it, or its folders) failed,
     * for a message that already names {@code target}: the system's reason, or the one the
     * exception's class stands for when it carries none ({@link NoSuchFileException},
     * {@link AccessDeniedException}, …). A folder above {@code target} that the failure
     * concerns is named; a temporary file beside it is not.
     */
    public static String reason(Path target, IOException e) {
        if (!(e instanceof FileSystemException f)) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String why;
        if (f instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (f instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (f instanceof FileAlreadyExistsException) {
            // The only files created without replacing are folders and fresh temporary
            // names, so what already exists is something that is not a folder.
            why = "exists and is not a folder";
        } else if (f instanceof NotDirectoryException) {
            why = "not a folder";
        } else if (f instanceof DirectoryNotEmptyException) {
            why = "is a folder that is not empty";
        } else if (f.getReason() != null) {
            why = lowerFirst(f.getReason());
        } else {
            why = f.getClass().getSimpleName();
        }
        Path about = f.getFile() == null ? null : Path.of(f.getFile()).toAbsolutePath();
        Path absolute = target.toAbsolutePath();
        boolean above = about != null && !about.equals(absolute) && absolute.startsWith(about);
        return above ? about + ": " + why : why;
    }

    /** "Read-only file system" → "read-only file system", but "NFS …" stays. */
    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
