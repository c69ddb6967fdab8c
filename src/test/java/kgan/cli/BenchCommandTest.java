package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.linalg.ProductBackend;

/** The bench command on a tiny step: what it reports, and how it refuses bad input. */
class BenchCommandTest {

    @Test
    void reportsEveryMeasureAsJson() {
        CliRunner.Result r = CliRunner.run("bench", "--batch-size", "16", "--hidden", "8",
                "--steps", "4", "--warmup", "1", "--windows", "2", "--json");

        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out()).contains("\"batch\": 16", "\"hidden\": 8", "\"timed_steps\": 4",
                "\"ms_per_step\"", "\"bytes_per_step\"", "\"peak_rss_kib\"",
                "\"cpu_ms_per_step\"", "\"blas\": \"java\"");
    }

    @Test
    void refusesAnUnknownProductBackendNamingTheSetting() {
        String before = System.getProperty(ProductBackend.PROPERTY);
        try {
            System.setProperty(ProductBackend.PROPERTY, "fast");

            CliRunner.Result r = CliRunner.run("bench", "--batch-size", "16", "--hidden", "8",
                    "--steps", "1", "--warmup", "0");

            assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).contains("kgan: system property kgan.blas is \"fast\"; "
                    + "expected java").doesNotContain("Exception", "\tat ");
            assertThat(r.out()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(ProductBackend.PROPERTY);
            } else {
                System.setProperty(ProductBackend.PROPERTY, before);
            }
        }
    }

    @Test
    void refusesZeroStepsNamingTheOption() {
        CliRunner.Result r = CliRunner.run("bench", "--steps", "0");

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--steps is 0; expected at least 1");
    }

    @Test
    void refusesAMalformedPeerFileNamingItsLine(@TempDir Path dir) throws Exception {
        Path peer = dir.resolve("peer.csv");
        Files.writeString(peer, "dtype,batch,hidden,ms\nfloat32,512,128,20.5\nfloat32,512\n");

        CliRunner.Result r = CliRunner.run("bench", "--sweep", "--peer", peer.toString(),
                "--out", dir.toString());

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("line 3", "expected dtype,batch,hidden,ms");
    }
}
