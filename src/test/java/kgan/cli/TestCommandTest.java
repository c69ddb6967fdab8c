package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kgan.linalg.Rng;

/** The test command end to end: two CSV files, a run against its data, and bad input. */
class TestCommandTest {

    @TempDir
    Path tmp;

    /** n draws of N(shift e₁, I_d) written as CSV. */
    private Path gaussianCsv(String name, int n, int d, double shift, long seed)
            throws IOException {
        DMatrixRMaj points = new Rng(seed).gaussian(n, d);
        for (int i = 0; i < n; i++) {
            points.add(i, 0, shift);
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, SampleCommand.csv(points));
        return file;
    }

    private void assertRejected(CliRunner.Result result, String... phrases) {
        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(phrases).doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    /**
     * A shift of 2 standard deviations between two samples of 100: both tests reject at any
     * reasonable level (the first coordinate's z-score alone is 2 √50 ≈ 14), and the p-value
     * of the MMD test is then the smallest possible, 1/(1 + B).
     */
    @Test
    void bothMethodsRejectAClearShiftAndReportAsJson() throws IOException {
        Path a = gaussianCsv("a.csv", 100, 2, 0.0, 1);
        Path b = gaussianCsv("b.csv", 100, 2, 2.0, 2);
        ObjectMapper json = new ObjectMapper();

        var mmd = CliRunner.run("test", a.toString(), b.toString(), "--method", "mmd",
                "--permutations", "99", "--json");
        var me = CliRunner.run("test", a.toString(), b.toString(), "--method", "me",
                "--locations", "3", "--json");

        assertThat(mmd.status()).as(mmd.err()).isZero();
        JsonNode mmdResult = json.readTree(mmd.out()).get("result");
        assertThat(mmdResult.get("reject").asBoolean()).isTrue();
        assertThat(mmdResult.get("pValue").asDouble()).isEqualTo(0.01);
        assertThat(mmdResult.get("locations")).isEmpty();

        assertThat(me.status()).as(me.err()).isZero();
        JsonNode meResult = json.readTree(me.out()).get("result");
        assertThat(meResult.get("reject").asBoolean()).isTrue();
        assertThat(meResult.get("locations")).hasSize(3);
        assertThat(meResult.get("locations").get(0)).hasSize(2);
    }

    @Test
    void plainOutputStatesTheDecision() throws IOException {
        Path a = gaussianCsv("a.csv", 60, 2, 0.0, 3);
        Path b = gaussianCsv("b.csv", 50, 2, 0.0, 4);

        var result = CliRunner.run("test", a.toString(), b.toString(), "--permutations", "99",
                "--seed", "5");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("mmd-permutation (unbiased)").contains("p-value")
                .contains("(60 points used)").contains("(50 points used)");
    }

    @Test
    void aRunIsTestedAgainstItsData() {
        Path run = tmp.resolve("run");
        List<String> train = new ArrayList<>(List.of("train"));
        train.addAll(CliRunner.SMALL);
        train.addAll(List.of("--out", run.toString()));
        assertThat(CliRunner.run(train).status()).isZero();

        var result = CliRunner.run("test", "--run", run.toString(), "--against", "data",
                "-n", "200", "--permutations", "99");

        // Twenty steps do not learn the ring: the test must see the difference.
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("(samples)").contains("reject H0");
    }

    @Test
    void filesOfDifferentDimensions() throws IOException {
        Path a = gaussianCsv("a.csv", 20, 2, 0.0, 6);
        Path b = gaussianCsv("b3.csv", 20, 3, 0.0, 7);

        assertRejected(CliRunner.run("test", a.toString(), b.toString()), "a.csv", "b3.csv",
                "dimension 2", "dimension 3");
    }

    @Test
    void tooFewPointsSaysHowMany() throws IOException {
        Path a = gaussianCsv("a.csv", 9, 2, 0.0, 8);
        Path b = gaussianCsv("b.csv", 20, 2, 0.0, 9);

        assertRejected(CliRunner.run("test", a.toString(), b.toString(), "--method", "me",
                "--locations", "5"), "a.csv", "9 and 20 points", "at least 12");
        assertRejected(CliRunner.run("test", a.toString(), b.toString(),
                "--permutations", "5"), "--permutations", "at least 19");
    }

    @Test
    void alphaOutsideTheUnitInterval() throws IOException {
        Path a = gaussianCsv("a.csv", 20, 2, 0.0, 10);

        assertRejected(CliRunner.run("test", a.toString(), a.toString(), "--alpha", "1"),
                "--alpha", "strictly between 0 and 1");
        assertRejected(CliRunner.run("test", a.toString(), a.toString(), "--alpha", "0"),
                "--alpha");
    }

    @Test
    void oneFileIsNotEnough() throws IOException {
        Path a = gaussianCsv("a.csv", 20, 2, 0.0, 11);

        assertRejected(CliRunner.run("test", a.toString()), "two CSV files");
    }
}
