package kgan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kgan.train.TrainConfig;

/** Writes small run folders by hand, with chosen metrics, for tests of the aggregation. */
public final class SyntheticRuns {

    /** The metrics.csv header that training writes. */
    public static final String HEADER = "step,discriminator_objective,generator_loss,mmd2_batch,"
            + "local_batch,modes,modes_covered,high_quality,kl_uniform,mmd2_held_out";

    private SyntheticRuns() {
    }

    /**
     * A run folder with the default configuration but {@code seed}, two evaluations (steps 10
     * and 20) whose modes covered, high-quality share, KL and MMD² are {@code early} and
     * {@code last}, and a samples file per evaluation holding {@code points} (x, y pairs)
     * and one learned witness at the origin. With {@code finished} false there is no
     * summary.json, as after a failed run.
     */
    public static Path write(Path folder, long seed, double[] early, double[] last,
            double[] points, boolean finished) throws IOException {
        Files.createDirectories(folder.resolve("plots"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.valueToTree(new TrainConfig());
        config.put("seed", seed);
        config.put("steps", 20);
        Files.writeString(folder.resolve("config.json"), json.writeValueAsString(config));

        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        csv.append(row(10, early)).append('\n').append(row(20, last)).append('\n');
        Files.writeString(folder.resolve("metrics.csv"), csv);

        StringBuilder samples = new StringBuilder("role,x1,x2\n");
        for (int i = 0; i < points.length; i += 2) {
            samples.append("model,").append(points[i]).append(',').append(points[i + 1])
                    .append('\n');
        }
        samples.append("witness,0.0,0.0\n");
        Files.writeString(folder.resolve("plots/samples-step-000010.csv"), samples);
        Files.writeString(folder.resolve("plots/samples-step-000020.csv"), samples);
        if (finished) {
            Files.writeString(folder.resolve("summary.json"), "{}\n");
        }
        return folder;
    }

    private static String row(int step, double[] m) {
        return step + ",-1.3,0.7,," + "0.01,8.0," + m[0] + "," + m[1] + "," + m[2] + ","
                + m[3];
    }
}
