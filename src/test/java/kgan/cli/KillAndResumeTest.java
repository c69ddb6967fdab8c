package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.train.Checkpoint;

/**
 * A training process killed without warning (SIGKILL) leaves a readable checkpoint and
 * metrics file, and resuming from them ends byte-identical to a run never interrupted.
 */
class KillAndResumeTest {

    @TempDir
    Path tmp;

    @Test
    void killedRunResumesToTheUninterruptedNumbers() throws Exception {
        Path killed = tmp.resolve("killed");
        Process process = launch(killed, "100000");
        try {
            waitForRows(killed.resolve("metrics.csv"), 3, process);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        Checkpoint checkpoint = Checkpoint.read(killed.resolve("checkpoint.json"));
        assertThat(checkpoint.step()).isPositive();
        List<String> rows = Files.readAllLines(killed.resolve("metrics.csv"));
        assertThat(rows.get(0)).startsWith("step,");
        for (String row : rows.subList(1, rows.size())) {
            assertThat(row.split(",", -1)).hasSize(rows.get(0).split(",").length);
        }

        String end = Integer.toString(checkpoint.step() + 20);
        var resumed = CliRunner.run("train", "--resume", killed.toString(), "--steps", end);
        assertThat(resumed.status()).as(resumed.err()).isZero();

        Path whole = tmp.resolve("whole");
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(CliRunner.SMALL);
        args.addAll(List.of("--steps", end, "--out", whole.toString()));
        assertThat(CliRunner.run(args).status()).isZero();
        assertThat(Files.readAllBytes(killed.resolve("metrics.csv")))
                .isEqualTo(Files.readAllBytes(whole.resolve("metrics.csv")));
    }

    private static Process launch(Path out, String steps) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train"));
        command.addAll(CliRunner.SMALL);
        command.addAll(List.of("--steps", steps, "--out", out.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void waitForRows(Path metrics, int rows, Process process)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(metrics) && Files.readAllLines(metrics).size() > rows) {
                return;
            }
            assertThat(process.isAlive()).as("the training process ended early").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no " + rows + " metric rows within 120 s");
    }
}
