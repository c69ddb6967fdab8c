package kgan.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metrics CSV: a header, then one row per evaluation, the step first. Numbers are
 * written in Java's shortest round-trip form, so equal runs give equal bytes.
 */
final class MetricsTable {

    private MetricsTable() {
    }

    static String row(int step, Map<String, Double> metrics) {
        StringBuilder row = new StringBuilder().append(step);
        for (double v : metrics.values()) {
            row.append(',');
            if (!Double.isNaN(v)) {
                row.append(v);
            }
        }
        return row.toString();
    }

    static String render(List<String> columns, List<String> rows) {
        StringBuilder csv = new StringBuilder("step");
        for (String c : columns) {
            csv.append(',').append(c);
        }
        csv.append('\n');
        for (String r : rows) {
            csv.append(r).append('\n');
        }
        return csv.toString();
    }

    /** The data rows of an existing metrics file whose step is at most {@code step}. */
    static List<String> rowsUpTo(Path file, int step) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage());
        }
        List<String> kept = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            try {
                int rowStep = Integer.parseInt(comma < 0 ? line : line.substring(0, comma));
                if (rowStep <= step) {
                    kept.add(line);
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(file + ", line " + (i + 1)
                        + ": expected a step number in the first column");
            }
        }
        return kept;
    }
}
