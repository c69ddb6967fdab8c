package kgan.train;

/**
 * The range checks of command-line settings. Each failure is an
 * {@link InvalidInputException} that names the option, its value and what was expected.
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    /** value > 0 and finite. */
    public static void requirePositive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(option + " is " + format(value)
                    + "; expected a number > 0");
        }
    }

    /** value ≥ 0 and finite. */
    public static void requireNonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(option + " is " + format(value)
                    + "; expected a number ≥ 0");
        }
    }

    /** value ≥ least. */
    public static void requireAtLeast(String option, long value, long least) {
        if (value < least) {
            throw new InvalidInputException(option + " is " + value + "; expected at least "
                    + least);
        }
    }

    /** 0 ≤ value < 1. */
    public static void requireUnitInterval(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidInputException(option + " is " + format(value)
                    + "; expected a number in [0, 1)");
        }
    }

    /** Whole numbers without a decimal point, so messages echo what was typed. */
    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
