package kgan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import kgan.plot.LinePlot;
import kgan.plot.Png;
import kgan.data.AtomicFiles;
import kgan.train.InvalidInputException;

/**
 * How the step's time grows with the batch size n (128, 512, 2048 at width 128) and with the
 * hidden width h (64, 128, 512 at batch 512), for this project and, when its timings are
 * given, for the PyTorch peer. Writes growth.csv and growth.png.
 *
 * <p>The peer's timings come as a CSV file with the header {@code dtype,batch,hidden,ms}
 * (dtype float32 or float64), one line per run, as bench/compare.sh writes it.
 */
public final class GrowthStudy {

    static final int[] BATCHES = {128, 512, 2048};
    static final int[] WIDTHS = {64, 128, 512};
    static final int BASE_BATCH = 512;
    static final int BASE_WIDTH = 128;

    private GrowthStudy() {
    }

    /** The (n, h) points of the study: the batch series, then the width series. */
    static List<int[]> points() {
        List<int[]> points = new ArrayList<>();
        for (int n : BATCHES) {
            points.add(new int[] {n, BASE_WIDTH});
        }
        for (int h : WIDTHS) {
            points.add(new int[] {BASE_BATCH, h});
        }
        return points;
    }

    /**
     * Times every point, with the timed steps scaled down where a step costs more than at
     * (512, 128) so that each point takes about as long; writes the files into {@code out}.
     * {@code progress} receives one line per point.
     */
    public static List<StepBenchmark.Result> run(int steps, int warmup, int windows,
            long seed, Path peerCsv, Path out, Consumer<String> progress) {
        Map<String, Double> peer = peerCsv == null ? Map.of() : readPeer(peerCsv);
        Map<String, StepBenchmark.Result> measured = new HashMap<>();
        List<StepBenchmark.Result> results = new ArrayList<>();
        for (int[] p : points()) {
            String key = p[0] + "," + p[1];
            if (measured.containsKey(key)) {
                continue;
            }
            double cost = Math.max(1.0, (double) p[0] / BASE_BATCH)
                    * Math.max(1.0, (double) p[1] / BASE_WIDTH);
            int scaled = Math.max(windows, (int) Math.round(steps / cost));
            StepBenchmark.Result r = StepBenchmark.run(new StepBenchmark.Settings(p[0], p[1],
                    Math.max(5, (int) Math.round(warmup / cost)), scaled, windows, seed));
            measured.put(key, r);
            results.add(r);
            progress.accept(r.line());
        }

        StringBuilder csv = new StringBuilder("series,batch,hidden,kgan_float64_ms,"
                + "peer_float32_ms,peer_float64_ms\n");
        List<int[]> points = points();
        for (int i = 0; i < points.size(); i++) {
            int[] p = points.get(i);
            String key = p[0] + "," + p[1];
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%s,%s%n",
                    i < BATCHES.length ? "batch" : "width", p[0], p[1],
                    measured.get(key).msPerStep(), cell(peer.get("float32," + key)),
                    cell(peer.get("float64," + key))));
        }
        AtomicFiles.writeString(out.resolve("growth.csv"), csv.toString());

        LinePlot byBatch = plot("Step time against batch size (width 128)", "batch size n");
        LinePlot byWidth = plot("Step time against hidden width (batch 512)", "hidden width h");
        addSeries(byBatch, "kgan float64", BATCHES, n -> measured.get(n + "," + BASE_WIDTH)
                .msPerStep());
        addSeries(byWidth, "kgan float64", WIDTHS, h -> measured.get(BASE_BATCH + "," + h)
                .msPerStep());
        for (String dtype : List.of("float32", "float64")) {
            if (hasAll(peer, dtype)) {
                addSeries(byBatch, "PyTorch " + dtype, BATCHES,
                        n -> peer.get(dtype + "," + n + "," + BASE_WIDTH));
                addSeries(byWidth, "PyTorch " + dtype, WIDTHS,
                        h -> peer.get(dtype + "," + BASE_BATCH + "," + h));
            }
        }
        Png.writePanel(List.of(byBatch.chart(), byWidth.chart()), 1, 2,
                out.resolve("growth.png"));
        return results;
    }

    private static String cell(Double ms) {
        return ms == null ? "" : String.format(Locale.ROOT, "%.4f", ms);
    }

    private static LinePlot plot(String title, String xLabel) {
        return new LinePlot(640, 420).title(title).xLabel(xLabel).yLabel("ms per step")
                .logY(true);
    }

    private interface Timing {
        double at(int x);
    }

    private static void addSeries(LinePlot plot, String name, int[] xs, Timing timing) {
        double[] x = new double[xs.length];
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            x[i] = xs[i];
            y[i] = timing.at(xs[i]);
        }
        plot.add(name, x, y);
    }

    private static boolean hasAll(Map<String, Double> peer, String dtype) {
        for (int[] p : points()) {
            if (!peer.containsKey(dtype + "," + p[0] + "," + p[1])) {
                return false;
            }
        }
        return true;
    }

    /** dtype,batch,hidden → ms from the peer's CSV. */
    static Map<String, Double> readPeer(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--peer " + file + ": no such file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidInputException("--peer " + file + " cannot be read: "
                    + AtomicFiles.reason(file, e), e);
        }
        Map<String, Double> timings = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || (i == 0 && line.startsWith("dtype"))) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                if (cells.length != 4) {
                    throw new NumberFormatException();
                }
                timings.put(cells[0].trim() + "," + Integer.parseInt(cells[1].trim()) + ","
                        + Integer.parseInt(cells[2].trim()), Double.parseDouble(cells[3]));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--peer " + file + ", line " + (i + 1) + ": '"
                        + line + "'; expected dtype,batch,hidden,ms (e.g. float32,512,128,"
                        + "20.1)");
            }
        }
        return timings;
    }
}
