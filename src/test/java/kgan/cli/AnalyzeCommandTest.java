package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kgan.dynamics.DiracGan;
import kgan.game.GanLoss;

class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void diracPrintsTheClosedFormSpectrumAndWritesFiles() throws Exception {
        Path out = tmp.resolve("analysis");
        CliRunner.Result r = CliRunner.run("analyze", "dirac", "--loss", "wasserstein",
                "--lambda-global", "1", "--lambda-local", "0.5", "--bandwidth", "1",
                "--witness", "1", "--json", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("dimension").asInt()).isEqualTo(3);
        assertThat(json.get("zeroModes").asInt()).isEqualTo(1);
        double[][] closed = DiracGan.eigenvalues(GanLoss.WASSERSTEIN, 1, 0.5, 1, 1);
        // Both eigenvalues are real here: a = 2 + e^(−1) > 2 f'(0) = 2.
        double slowest = Math.max(closed[1][0], closed[2][0]);
        double fastest = Math.min(closed[1][0], closed[2][0]);
        assertThat(json.get("largestStableStep").asDouble())
                .isCloseTo(2 / -fastest, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.get("offManifoldAbscissa").asDouble())
                .isCloseTo(slowest, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.resolve("spectrum.json")).isNotEmptyFile();
        assertThat(Files.readAllLines(out.resolve("spectrum.csv"))).hasSize(4)
                .first().isEqualTo("re,im,zero_mode");
        assertThat(out.resolve("spectrum.png")).isNotEmptyFile();
    }

    @Test
    void mlpEquilibriumIsStableModuloItsManifold() throws Exception {
        CliRunner.Result r = CliRunner.run("analyze", "mlp-equilibrium", "--parameters", "60",
                "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("zeroModes").asInt()).isPositive();
        assertThat(json.get("offManifoldAbscissa").asDouble()).isNegative();
    }

    @Test
    void aRunFolderIsAnalysedDenselyOrByArnoldi() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner.Result trained = CliRunner.run(CliRunner.with(train(), "--out",
                run.toString(), "--generator-hidden", "4", "--discriminator-hidden",
                "4", "--latent-dim", "2", "--witnesses", "2"));
        assertThat(trained.status()).as(trained.err()).isZero();
        CliRunner.Result dense = CliRunner.run("analyze", run.toString(), "--batch-size", "16");
        assertThat(dense.status()).as(dense.err()).isZero();
        assertThat(dense.out()).contains("spectral abscissa", "zero modes",
                "largest stable step");
        CliRunner.Result tooLarge = CliRunner.run("analyze", run.toString(), "--max-dense",
                "10");
        assertThat(tooLarge.status()).isEqualTo(2);
        assertThat(tooLarge.err()).contains("MB", "--arnoldi");
        CliRunner.Result krylov = CliRunner.run("analyze", run.toString(), "--arnoldi", "10",
                "--json");
        assertThat(krylov.status()).as(krylov.err()).isZero();
        JsonNode arnoldi = new ObjectMapper().readTree(krylov.out());
        assertThat(arnoldi.get("method").asText()).isEqualTo("arnoldi");

        // A Krylov space of dimension 2 leaves the Ritz values far from converged.
        CliRunner.Result rough = CliRunner.run("analyze", run.toString(), "--arnoldi", "2",
                "--json");
        assertThat(rough.status()).as(rough.err()).isZero();
        JsonNode roughJson = new ObjectMapper().readTree(rough.out());
        assertThat(roughJson.get("converged").asBoolean()).isFalse();
        assertThat(roughJson.get("warning").asText()).contains("has not converged",
                "--arnoldi, e.g. 4");
        assertThat(rough.err()).isEqualTo("kgan: warning: "
                + roughJson.get("warning").asText() + "\n");
        CliRunner.Result roughText = CliRunner.run("analyze", run.toString(), "--arnoldi",
                "2");
        assertThat(roughText.out()).contains("(not converged)");
        assertThat(roughText.err()).contains("kgan: warning: the Arnoldi estimate has not "
                + "converged");

        // The whole space gives every value to rounding, and no warning.
        int n = arnoldi.get("dimension").asInt();
        CliRunner.Result whole = CliRunner.run("analyze", run.toString(), "--arnoldi",
                Integer.toString(n), "--batch-size", "16", "--json");
        JsonNode wholeJson = new ObjectMapper().readTree(whole.out());
        assertThat(wholeJson.get("converged").asBoolean()).as(whole.out()).isTrue();
        assertThat(wholeJson.has("warning")).isFalse();
        assertThat(whole.err()).doesNotContain("warning");
    }

    @Test
    void badInputIsOneMessageAndStatusTwo() throws Exception {
        assertBad(CliRunner.run("analyze", "dirac", "--lambda-global", "-1"),
                "--lambda-global");
        assertBad(CliRunner.run("analyze", "dirac", "--bandwidth", "0"), "--bandwidth");
        assertBad(CliRunner.run("analyze", tmp.resolve("missing").toString()), "TARGET");
        Path run = tmp.resolve("broken");
        Files.createDirectories(run);
        assertBad(CliRunner.run("analyze", run.toString()), "config.json");
        CliRunner.Result trained = CliRunner.run(CliRunner.with(train(), "--out",
                run.toString(), "--overwrite"));
        assertThat(trained.status()).isZero();
        Path checkpoint = run.resolve("checkpoint.json");
        String text = Files.readString(checkpoint);
        Files.writeString(checkpoint, text.substring(0, text.length() / 2));
        assertBad(CliRunner.run("analyze", run.toString()), "truncated");
    }

    private static java.util.List<String> train() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train"));
        args.addAll(CliRunner.SMALL);
        return args;
    }

    private static void assertBad(CliRunner.Result r, String naming) {
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("kgan: ").contains(naming).doesNotContain("Exception");
    }
}
