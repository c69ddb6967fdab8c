package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectralEveryTest {

    @TempDir
    Path tmp;

    private static List<String> train(String... more) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(CliRunner.SMALL);
        args.addAll(List.of("--generator-hidden", "4", "--discriminator-hidden", "4",
                "--latent-dim", "2"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void spectralEveryWritesItsOwnFileAndLeavesTheRestUnchanged() throws Exception {
        Path plain = tmp.resolve("plain");
        Path logged = tmp.resolve("logged");
        assertThat(CliRunner.run(train("--out", plain.toString())).status()).isZero();
        CliRunner.Result r = CliRunner.run(train("--out", logged.toString(),
                "--spectral-every", "10"));
        assertThat(r.status()).as(r.err()).isZero();

        assertThat(plain.resolve("spectral.csv")).doesNotExist();
        assertThat(Files.readString(plain.resolve("config.json")))
                .doesNotContain("spectralEvery");
        List<String> rows = Files.readAllLines(logged.resolve("spectral.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("step,spectral_abscissa");
        assertThat(rows.get(1)).startsWith("10,");
        assertThat(rows.get(2)).startsWith("20,");
        // The estimate uses its own batch: training itself is unchanged.
        assertThat(Files.readString(logged.resolve("metrics.csv")))
                .isEqualTo(Files.readString(plain.resolve("metrics.csv")));
    }

    @Test
    void negativeSpectralEveryIsBadInput() {
        CliRunner.Result r = CliRunner.run(train("--out", tmp.resolve("x").toString(),
                "--spectral-every", "-1"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--spectral-every");
    }
}
