package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.linalg.Parallel;
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
        refusesTheSetting(ProductBackend.PROPERTY, "fast",
                "kgan: system property kgan.blas is \"fast\"; expected java");
    }

    @Test
    void refusesAThreadCountThatIsNotAWholeNumberNamingTheSetting() {
        for (String threads : new String[] {"two", "0"}) {
            refusesTheSetting(Parallel.PROPERTY, threads, "kgan: system property kgan.threads is \""
                    + threads + "\"; expected a whole number ≥ 1");
        }
    }

    /** With the system property set to value, a command stops with the message, status 2. */
    private static void refusesTheSetting(String property, String value, String message) {
        String before = System.getProperty(property);
        try {
            System.setProperty(property, value);

            CliRunner.Result r = CliRunner.run("bench", "--batch-size", "16", "--hidden", "8",
                    "--steps", "1", "--warmup", "0");

            assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).contains(message).doesNotContain("Exception", "\tat ");
            assertThat(r.out()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
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
