package kgan.data;

/**
 * A data set could not be found, read or understood. The message is meant for the user: it
 * names the input (a file or a data set name), the position when there is one (line, column)
 * and what was expected there. Unchecked, so that callers that cannot recover need not
 * declare it; the command line prints the message and exits with status 2.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
