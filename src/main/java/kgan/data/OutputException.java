package kgan.data;

import java.nio.file.Path;

/**
 * An output file could not be written: its folder cannot be created or takes no new files,
 * the path is a folder, the disk is full. The message names the file the caller asked for
 * (never the temporary file it is written through) and the reason, in the words of
 * {@link AtomicFiles#reason}. Unchecked, like {@link DataException}; the command line prints
 * the message and exits with status 2.
 */
public class OutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public OutputException(Path file, String reason, Throwable cause) {
        super(file + " cannot be written: " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that was to be written, as the caller named it. */
    public Path file() {
        return file;
    }

    /** Why it could not be written, e.g. "is a folder" or "read-only file system". */
    public String reason() {
        return reason;
    }
}
