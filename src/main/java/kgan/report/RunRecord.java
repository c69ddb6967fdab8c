package kgan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kgan.train.InvalidInputException;
import kgan.train.RunFolder;
import kgan.train.TrainConfig;
import kgan.train.Trainer;

/**
 * What a report needs of one run folder: its configuration, its metrics over training, its
 * final metrics, and its samples files. A run without summary.json did not finish (it failed
 * or is still running): it is listed, but kept out of the statistics.
 *
 * @param method   the label of the method the run belongs to
 * @param folder   the run folder
 * @param config   its config.json
 * @param finished true when summary.json exists
 * @param steps    the step of each metrics row
 * @param metrics  each metrics column over the rows (NaN where the cell is empty)
 * @param frames   its plots/samples-step-*.csv files, by increasing step
 */
public record RunRecord(String method, Path folder, TrainConfig config, boolean finished,
        double[] steps, Map<String, double[]> metrics, List<Path> frames) {

    /** Reads the run folder; the error names the file and what is wrong with it. */
    public static RunRecord read(String method, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("run folder " + folder + " does not exist");
        }
        TrainConfig config = Trainer.readConfig(folder.resolve(RunFolder.CONFIG));
        boolean finished = Files.isRegularFile(folder.resolve(RunFolder.SUMMARY));
        Path file = folder.resolve(RunFolder.METRICS);
        List<String> lines = List.of();
        if (Files.isRegularFile(file)) {
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException(file + " cannot be read: " + e.getMessage());
            }
        } else if (finished) {
            throw new InvalidInputException(folder + " has a summary but no "
                    + RunFolder.METRICS);
        }

        List<String> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(lines.get(i));
            }
        }
        String[] header = lines.isEmpty() ? new String[] {"step"} : lines.get(0).split(",");
        double[] steps = new double[rows.size()];
        Map<String, double[]> metrics = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            metrics.put(header[c], new double[rows.size()]);
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r).split(",", -1);
            if (cells.length != header.length) {
                throw new InvalidInputException(file + ", line " + (r + 2) + ": "
                        + cells.length + " cells; expected " + header.length);
            }
            steps[r] = cell(file, r + 2, 1, cells[0]);
            for (int c = 1; c < header.length; c++) {
                metrics.get(header[c])[r] = cell(file, r + 2, c + 1, cells[c]);
            }
        }
        return new RunRecord(method, folder, config, finished, steps, metrics,
                Frame.files(folder.resolve(RunFolder.PLOTS)));
    }

    private static double cell(Path file, int line, int column, String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ", line " + line + ", column " + column
                    + ": '" + text + "' is not a number");
        }
    }

    /** The metric's value at the last evaluation; NaN when absent or not computed. */
    public double last(String column) {
        double[] values = metrics.get(column);
        return values == null || values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** The seed of the run. */
    public long seed() {
        return config.seed();
    }
}
