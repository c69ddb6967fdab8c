package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The train and sample commands end to end, on a small version of the default job. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    private List<String> train(String... more) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(CliRunner.SMALL);
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void writesEveryOutputOfTheRunFolder() throws IOException {
        Path out = tmp.resolve("run");
        var result = CliRunner.run(train("--out", out.toString()));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(out.resolve("config.json")).isRegularFile();
        assertThat(out.resolve("checkpoint.json")).isRegularFile();
        assertThat(out.resolve("summary.json")).isRegularFile();
        assertThat(out.resolve("plots/samples-step-000010.png")).isRegularFile();
        assertThat(out.resolve("plots/metrics.png")).isRegularFile();
        // The plotted points as CSV: 200 evaluation samples and the 8 learned witnesses.
        List<String> points = Files.readAllLines(out.resolve("plots/samples-step-000010.csv"));
        assertThat(points.get(0)).isEqualTo("role,x1,x2");
        assertThat(points.stream().filter(l -> l.startsWith("model,"))).hasSize(200);
        assertThat(points.stream().filter(l -> l.startsWith("witness,"))).hasSize(8);
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(metrics).hasSize(3);
        assertThat(metrics.get(0)).startsWith("step,");
        assertThat(metrics.get(2)).startsWith("20,");
        assertThat(result.out()).contains("modes covered").contains(out.toString());
        try (var files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }

        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertThat(config.get("steps").asInt()).isEqualTo(20);
        assertThat(config.get("lambdaGlobal").asDouble()).isEqualTo(1.0);
        assertThat(config.get("loss").asText()).isEqualTo("NON_SATURATING");
    }

    @Test
    void sameSeedGivesByteIdenticalMetrics() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(CliRunner.run(train("--out", a.toString())).status()).isZero();
        assertThat(CliRunner.run(train("--out", b.toString())).status()).isZero();
        assertThat(Files.readAllBytes(b.resolve("metrics.csv")))
                .isEqualTo(Files.readAllBytes(a.resolve("metrics.csv")));
        assertThat(Files.readAllBytes(b.resolve("checkpoint.json")))
                .isEqualTo(Files.readAllBytes(a.resolve("checkpoint.json")));
    }

    @Test
    void anotherSeedGivesOtherMetrics() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(CliRunner.run(train("--out", a.toString())).status()).isZero();
        assertThat(CliRunner.run(train("--out", b.toString(), "--seed", "1")).status())
                .isZero();
        assertThat(Files.readString(b.resolve("metrics.csv")))
                .isNotEqualTo(Files.readString(a.resolve("metrics.csv")));
    }

    @Test
    void resumedRunEndsByteIdenticalToAnUninterruptedOne() throws IOException {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        assertThat(CliRunner.run(train("--out", whole.toString(), "--steps", "40")).status())
                .isZero();
        assertThat(CliRunner.run(train("--out", split.toString(), "--steps", "20")).status())
                .isZero();

        // A kill between the metrics row of step 30 and its checkpoint leaves a row the
        // checkpoint does not cover; resuming must drop it and redo the step.
        List<String> rows = new ArrayList<>(Files.readAllLines(whole.resolve("metrics.csv")));
        Files.write(split.resolve("metrics.csv"), (String.join("\n", rows.subList(0, 4))
                + "\n").getBytes(StandardCharsets.UTF_8));

        var resumed = CliRunner.run("train", "--resume", split.toString(), "--steps", "40");
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Files.readAllBytes(split.resolve("metrics.csv")))
                .isEqualTo(Files.readAllBytes(whole.resolve("metrics.csv")));
        assertThat(Files.readAllBytes(split.resolve("checkpoint.json")))
                .isEqualTo(Files.readAllBytes(whole.resolve("checkpoint.json")));
    }

    @Test
    void sampleWritesPointsOfTheDataDimension() throws IOException {
        Path run = tmp.resolve("run");
        assertThat(CliRunner.run(train("--out", run.toString())).status()).isZero();
        Path csv = tmp.resolve("points.csv");

        var result = CliRunner.run("sample", run.toString(), "-n", "25", "-o", csv.toString());

        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(26);
        assertThat(lines.get(0)).isEqualTo("x1,x2");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells).hasSize(2);
            assertThat(Double.parseDouble(cells[0])).isFinite();
        }
    }

    @Test
    void plainGanRunsWithTheKernelTermsOff() {
        Path out = tmp.resolve("plain");
        var result = CliRunner.run(train("--out", out.toString(), "--lambda-global", "0",
                "--lambda-local", "0"));
        assertThat(result.status()).as(result.err()).isZero();
    }

    /** Points of any dimension train; plots show the first two coordinates. */
    @Test
    void threeDimensionalDataTrainsAndPlotsItsFirstTwoCoordinates() throws IOException {
        Path data = tmp.resolve("points.csv");
        StringBuilder csv = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 50; i++) {
            csv.append(Math.cos(i)).append(',').append(Math.sin(i)).append(',')
                    .append(i % 3).append('\n');
        }
        Files.writeString(data, csv);
        Path out = tmp.resolve("run");

        var result = CliRunner.run(train("--out", out.toString(), "--data", data.toString()));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(out.resolve("plots/samples-step-000020.png")).isRegularFile();
        var sample = CliRunner.run("sample", out.toString(), "-n", "3");
        assertThat(sample.out().lines().findFirst()).contains("x1,x2,x3");
    }
}
