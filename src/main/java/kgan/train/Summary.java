package kgan.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import kgan.linalg.ProductBackend;

/**
 * What a run reports at its end (summary.json).
 *
 * @param folder      where the run wrote its outputs
 * @param steps       the generator steps completed
 * @param stepsRun    the steps this invocation ran (fewer than {@code steps} after resume)
 * @param wallSeconds the wall time of this invocation
 * @param products    the products' backend that computed the run: java or native
 * @param metrics     the last evaluation's metrics, by column name
 */
public record Summary(String folder, int steps, int stepsRun, double wallSeconds,
        String products, Map<String, Double> metrics) {

    static Summary of(TrainConfig config, Path folder, int steps, int stepsRun, double seconds,
            Map<String, Double> metrics) {
        return new Summary(folder.toString(), steps, stepsRun, seconds,
                ProductBackend.active().label(), metrics);
    }

    /** A few lines for the terminal. */
    public String lines() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "steps %d (%d in this run) in %.0f s, %.1f ms "
                + "per step%n", steps, stepsRun, wallSeconds,
                stepsRun == 0 ? 0.0 : 1000 * wallSeconds / stepsRun));
        Double modes = metrics.get("modes_covered");
        if (modes != null && !modes.isNaN()) {
            out.append(String.format(Locale.ROOT, "modes covered %.0f/%.0f, high quality "
                    + "%.1f%%, KL from uniform %.4f%n", modes, metrics.get("modes"),
                    100 * metrics.get("high_quality"), metrics.get("kl_uniform")));
        }
        out.append(String.format(Locale.ROOT, "MMD² to held-out data %.3g%n",
                metrics.get("mmd2_held_out")));
        out.append("outputs in ").append(folder).append(": metrics.csv, plots/, "
                + "checkpoint.json, summary.json");
        return out.toString();
    }
}
