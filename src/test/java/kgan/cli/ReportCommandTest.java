package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.report.SyntheticRuns;

class ReportCommandTest {

    private static final double[] EARLY = {1, 0.1, 2, 0.5};
    private static final double[] POINTS = {0, 0, 2, 0};

    @Test
    void reportPrintsTheTableAndItsFolder(@TempDir Path dir) throws IOException {
        Path a = SyntheticRuns.write(dir.resolve("a"), 1, EARLY, new double[] {8, 1, 0, 1e-3},
                POINTS, true);
        Path b = SyntheticRuns.write(dir.resolve("b"), 2, EARLY, new double[] {6, 1, 0, 1e-3},
                POINTS, true);
        Path out = dir.resolve("report");

        CliRunner.Result r = CliRunner.run("report", "--out", out.toString(), "--region",
                "rare=2,0:0.1", "m=" + a, "m=" + b);

        // Modes (8, 6): mean 7, sd √2 ≈ 1.41; one of the two points lies in the region.
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("| m | 2/2 | 7.00 ± 1.41 | 100.0 ± 0.0 |")
                .contains("| 50.00 ± 0.00 |").endsWith("report folder: " + out + "\n");
        assertThat(out.resolve("summary.md")).isRegularFile();
    }

    @Test
    void badArgumentsAreNamed(@TempDir Path dir) throws IOException {
        Path a = SyntheticRuns.write(dir.resolve("a"), 1, EARLY, EARLY, POINTS, true);
        String out = dir.resolve("report").toString();

        CliRunner.Result unlabelled = CliRunner.run("report", "--out", out, a.toString());
        CliRunner.Result missing = CliRunner.run("report", "--out", out,
                "m=" + dir.resolve("none"));
        CliRunner.Result region = CliRunner.run("report", "--out", out, "--region", "c=0,0",
                "m=" + a);
        CliRunner.Result twice = CliRunner.run("report", "--out", out, "--region", "c=0,0:1",
                "--region", "c=1,1:1", "m=" + a);
        CliRunner.Result file = CliRunner.run("report", "--out",
                a.resolve("config.json").toString(), "m=" + a);

        assertThat(unlabelled.status()).isEqualTo(2);
        assertThat(unlabelled.err()).isEqualTo("kgan: run argument '" + a
                + "': expected METHOD=RUN, a method label and a run folder\n");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("kgan: run folder " + dir.resolve("none")
                + " does not exist\n");
        assertThat(region.status()).isEqualTo(2);
        assertThat(region.err()).isEqualTo("kgan: --region 'c=0,0': expected NAME=x,y:r, "
                + "e.g. rare-mode=2,0:0.06\n");
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("the name 'c' is given twice");
        assertThat(file.status()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("kgan: --out " + a.resolve("config.json")
                + " exists and is not a folder\n");
    }

    /** A spectrum.json as kgan analyze --out writes it, with the given eigenvalues. */
    private static Path spectrum(Path folder, double abscissa, double step, double... reIm)
            throws IOException {
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < reIm.length; k += 2) {
            values.append(k == 0 ? "" : ",").append("{\"re\":").append(reIm[k])
                    .append(",\"im\":").append(reIm[k + 1]).append(",\"manifold\":false}");
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("spectrum.json"), "{\"target\":\"dirac\","
                + "\"dimension\":3,\"zeroModes\":1,\"spectralAbscissa\":" + abscissa
                + ",\"offManifoldAbscissa\":" + abscissa + ",\"largestStableStep\":" + step
                + ",\"eigenvalues\":[" + values + "]}");
        return folder;
    }

    @Test
    void spectraAreTabulatedAlongTheParameter(@TempDir Path dir) throws IOException {
        Path a = spectrum(dir.resolve("a"), 0.0, 0.0, 0, 0.5, 0, -0.5, 0, 0);
        Path b = spectrum(dir.resolve("b"), -0.25, 2.0, -0.25, 0.433, -0.25, -0.433, 0, 0);
        Path out = dir.resolve("spectra");

        CliRunner.Result r = CliRunner.run("report", "--spectra", "--out", out.toString(),
                "standard@0=" + a, "standard@0.125=" + b);
        CliRunner.Result bad = CliRunner.run("report", "--spectra", "--out", out.toString(),
                "standard=" + a);

        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("| standard | 0.125 | 3 | 1 | -0.2500 | -0.2500 | 2.000 |");
        assertThat(Files.readAllLines(out.resolve("spectra.csv"))).hasSize(3);
        assertThat(out.resolve("locus.png")).isRegularFile();
        assertThat(out.resolve("stability.png")).isRegularFile();
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("kgan: spectrum argument 'standard=" + a
                + "': expected SERIES@X=FOLDER, e.g. standard@0.5=spectra/standard-0.5\n");
    }
}
