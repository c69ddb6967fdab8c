package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output path that cannot be used stops a command before its work, with one line naming
 * the option, the path and why, exit status 2, and nothing left behind. /proc stands for a
 * folder that takes no new files even for the super-user (the tests may run as root).
 */
class OutputPathTest {

    @TempDir
    Path tmp;

    private static final Path PROC = Path.of("/proc");

    private static void assertRejected(CliRunner.Result result, String message) {
        assertThat(result.status()).as(result.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(result.err()).isEqualTo("kgan: " + message + "\n");
    }

    private Path run() {
        Path run = tmp.resolve("run");
        CliRunner.Result trained = CliRunner.run(CliRunner.with(
                CliRunner.with(List.of("train"), CliRunner.SMALL.toArray(String[]::new)),
                "--out", run.toString()));
        assertThat(trained.status()).as(trained.err()).isZero();
        return run;
    }

    @Test
    void sampleIntoAFolderOrAnUnwritablePlace() throws IOException {
        Path run = run();
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        List<Path> before = entries(tmp);

        assertRejected(CliRunner.run("sample", run.toString(), "-n", "5", "-o",
                folder.toString()), "-o/--output " + folder + " is a folder; expected a file");
        assertRejected(CliRunner.run("sample", run.toString(), "-n", "5", "--output",
                file.resolve("points.csv").toString()), "-o/--output "
                        + file.resolve("points.csv") + " cannot be written: its folder " + file
                        + " exists and is not a folder");

        assertThat(entries(tmp)).isEqualTo(before);
        assertThat(folder).isEmptyDirectory();
        assertThat(file).hasContent("mine");
    }

    @Test
    void sampleIntoAFolderThatTakesNoFiles() {
        assumeTrue(Files.isDirectory(PROC.resolve("self")), "needs Linux's /proc");
        Path run = run();

        assertRejected(CliRunner.run("sample", run.toString(), "-n", "5", "-o",
                "/proc/nu.csv"), "-o/--output /proc/nu.csv cannot be written: its folder "
                        + "/proc is not writable: no such file or directory");
    }

    @Test
    void benchChecksItsFolderBeforeTheSweep() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        List<String> sweep = List.of("bench", "--sweep", "--steps", "1", "--warmup", "0",
                "--windows", "1", "--out");

        CliRunner.Result onAFile = CliRunner.run(CliRunner.with(sweep, file.toString()));

        assertRejected(onAFile, "--out " + file + " exists and is not a folder");
        assertThat(onAFile.out()).as("nothing timed").isEmpty();
        assertThat(file).hasContent("mine");

        if (Files.isDirectory(PROC.resolve("self"))) {
            CliRunner.Result inProc = CliRunner.run(CliRunner.with(sweep, "/proc/nu-bench"));
            assertRejected(inProc, "--out /proc/nu-bench cannot be created in /proc: no such "
                    + "file or directory");
            assertThat(inProc.out()).isEmpty();
        }
    }

    @Test
    void anOutputFolderThatCannotBeMadeSaysWhy() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "mine");

        assertRejected(CliRunner.run("analyze", "dirac", "--out", file.toString()),
                "--out " + file + " exists and is not a folder");
        assertRejected(CliRunner.run("report", "--dirac", "--out",
                file.resolve("report").toString()), "--out " + file.resolve("report")
                        + " cannot be created: " + file + " is not a folder");
        List<String> train = new ArrayList<>(List.of("train"));
        train.addAll(CliRunner.SMALL);
        assertRejected(CliRunner.run(CliRunner.with(train, "--out",
                file.resolve("run").toString())), "--out " + file.resolve("run")
                        + " cannot be created: " + file + " is not a folder");
        assertThat(file).hasContent("mine");
    }

    @Test
    void anOutputFolderInAPlaceThatTakesNoneSaysWhy() {
        assumeTrue(Files.isDirectory(PROC.resolve("self")), "needs Linux's /proc");
        List<String> train = new ArrayList<>(List.of("train"));
        train.addAll(CliRunner.SMALL);
        String why = " cannot be created in /proc: no such file or directory";

        assertRejected(CliRunner.run(CliRunner.with(train, "--out", "/proc/nu-out")),
                "--out /proc/nu-out" + why);
        assertRejected(CliRunner.run("analyze", "dirac", "--out", "/proc/x"),
                "--out /proc/x" + why);
        assertRejected(CliRunner.run("report", "--dirac", "--out", "/proc/x"),
                "--out /proc/x" + why);
        assertRejected(CliRunner.run("analyze", "dirac", "--out", "/proc/self"),
                "--out /proc/self is not writable: no such file or directory");
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }
}
