package kgan.train;

/**
 * Input a user can correct: a bad option, an unusable output folder, a checkpoint that does
 * not fit. Its message names the input, where in it, and what was expected; the command
 * line prints it without a stack trace and exits with status 2.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
