package kgan.report;

import org.ejml.data.DMatrixRMaj;

import kgan.metrics.ModeMetrics;
import kgan.train.InvalidInputException;

/**
 * A disc of the plane whose share of the generated points a report follows: a rare mode the
 * model must cover, or an empty region it must leave empty. The share is
 * |{i : ‖x_i − c‖ ≤ r}| / n over the first two coordinates of the n points.
 *
 * @param name   how tables and legends call it
 * @param centre c, two coordinates
 * @param radius r ≥ 0
 */
public record Region(String name, double[] centre, double radius) {

    private static final String EXPECTED = "expected NAME=x,y:r, e.g. rare-mode=2,0:0.06";

    /** Parses "NAME=x,y:r"; the error names the {@code option} and the text. */
    public static Region parse(String option, String text) {
        int equals = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (equals <= 0 || colon < equals) {
            throw new InvalidInputException(option + " '" + text + "': " + EXPECTED);
        }
        String name = text.substring(0, equals).strip();
        String[] coordinates = text.substring(equals + 1, colon).split(",", -1);
        if (name.isEmpty() || coordinates.length != 2) {
            throw new InvalidInputException(option + " '" + text + "': " + EXPECTED);
        }
        double x = number(option, text, "x", coordinates[0]);
        double y = number(option, text, "y", coordinates[1]);
        double r = number(option, text, "r", text.substring(colon + 1));
        if (r < 0) {
            throw new InvalidInputException(option + " '" + text + "': radius " + r
                    + " is negative; expected r ≥ 0");
        }
        return new Region(name, new double[] {x, y}, r);
    }

    private static double number(String option, String text, String what, String cell) {
        try {
            double v = Double.parseDouble(cell.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rest of the bad cases.
        }
        throw new InvalidInputException(option + " '" + text + "': " + what + " '"
                + cell.strip() + "' is not a finite number; " + EXPECTED);
    }

    /** The share of the rows of {@code points} (n×2, n ≥ 1) inside the disc. Not modified. */
    public double share(DMatrixRMaj points) {
        DMatrixRMaj c = new DMatrixRMaj(1, 2, true, centre[0], centre[1]);
        return ModeMetrics.fractionWithin(points, c, radius);
    }
}
