package kgan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;

import kgan.train.InvalidInputException;

/**
 * The points of one evaluation's samples plot, read back from plots/samples-step-NNNNNN.csv
 * (header "role,x1,x2"; role "model", "witness" or "fixed-witness").
 *
 * @param step    the step of the evaluation
 * @param model   the generated points, n×2
 * @param learned the learned witness points, J_l×2
 * @param fixed   the fixed witness points, J_f×2
 */
public record Frame(int step, DMatrixRMaj model, DMatrixRMaj learned, DMatrixRMaj fixed) {

    private static final Pattern NAME = Pattern.compile("samples-step-(\\d+)\\.csv");

    /** The samples files of a run's plots folder, by increasing step. */
    static List<Path> files(Path plots) {
        if (!Files.isDirectory(plots)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(plots)) {
            return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(plots + " cannot be listed: " + e.getMessage());
        }
    }

    /** The step in a samples file's name. */
    static int stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a samples file");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Reads one samples file; the error names the file and line. */
    public static Frame read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals("role,x1,x2")) {
            throw new InvalidInputException(file + ", line 1: expected the header role,x1,x2");
        }
        List<double[]> model = new ArrayList<>();
        List<double[]> learned = new ArrayList<>();
        List<double[]> fixed = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new InvalidInputException(file + ", line " + (i + 1) + ": "
                        + cells.length + " cells; expected role,x1,x2");
            }
            double[] point = new double[2];
            for (int k = 0; k < 2; k++) {
                try {
                    point[k] = Double.parseDouble(cells[k + 1]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file + ", line " + (i + 1) + ", column "
                            + (k + 2) + ": '" + cells[k + 1] + "' is not a number");
                }
            }
            switch (cells[0]) {
                case "model" -> model.add(point);
                case "witness" -> learned.add(point);
                case "fixed-witness" -> fixed.add(point);
                default -> throw new InvalidInputException(file + ", line " + (i + 1)
                        + ": role '" + cells[0] + "'; expected model, witness or "
                        + "fixed-witness");
            }
        }
        return new Frame(stepOf(file), matrix(model), matrix(learned), matrix(fixed));
    }

    private static DMatrixRMaj matrix(List<double[]> rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), 2);
        for (int i = 0; i < rows.size(); i++) {
            m.set(i, 0, rows.get(i)[0]);
            m.set(i, 1, rows.get(i)[1]);
        }
        return m;
    }
}
