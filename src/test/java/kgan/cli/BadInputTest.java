package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kgan.linalg.Dense;
import kgan.train.Checkpoint;

/**
 * Each kind of bad input ends with one message naming the input, where in it and what was
 * expected, exit status 2, no stack trace and no output folder left behind.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private CliRunner.Result train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(CliRunner.SMALL);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args);
    }

    private void assertRejected(CliRunner.Result result, String... phrases) {
        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(phrases).doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    private Path csv(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void emptyCsv() throws IOException {
        Path out = tmp.resolve("out");
        assertRejected(train(out, "--data", csv("empty.csv", "").toString()), "empty.csv");
        assertThat(out).doesNotExist();
    }

    @Test
    void raggedRows() throws IOException {
        Path data = csv("ragged.csv", "x,y\n1,2\n3,4,5\n");
        assertRejected(train(tmp.resolve("out"), "--data", data.toString()), "ragged.csv",
                "line 3");
    }

    @ParameterizedTest
    @CsvSource({"abc", "NaN", "Infinity"})
    void nonNumericOrNonFiniteCell(String cell) throws IOException {
        Path data = csv("bad.csv", "x,y\n1,2\n3," + cell + "\n");
        assertRejected(train(tmp.resolve("out"), "--data", data.toString()), "bad.csv",
                "line 3", "column 2");
    }

    @Test
    void fixedWitnessOfAnotherDimension() {
        assertRejected(train(tmp.resolve("out"), "--fixed-witness", "1,2,3"),
                "--fixed-witness", "3 coordinates", "expected 2");
    }

    @ParameterizedTest
    @CsvSource({"--loss,minimax-ish", "--kernel,laplace", "--update,sometimes"})
    void unknownChoice(String option, String value) {
        assertRejected(train(tmp.resolve("out"), option, value), option, value);
    }

    @ParameterizedTest
    @CsvSource({"--bandwidth,0", "--bandwidth,-0.5", "--batch-size,0", "--steps,-3",
            "--lr-generator,0", "--lr-discriminator,-1e-4", "--eval-every,0"})
    void nonPositiveSetting(String option, String value) {
        Path out = tmp.resolve("out");
        assertRejected(train(out, option, value), option, "expected a number > 0");
        assertThat(out).doesNotExist();
    }

    @Test
    void nonEmptyOutputFolderNeedsOverwrite() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertRejected(train(out), out.toString(), "not empty", "--overwrite");
        assertThat(out.resolve("notes.txt")).hasContent("mine");

        CliRunner.Result again = train(out, "--overwrite");
        assertThat(again.status()).as(again.err()).isZero();
    }

    @Test
    void truncatedCheckpoint() throws IOException {
        Path run = tmp.resolve("run");
        assertThat(train(run).status()).isZero();
        Path checkpoint = run.resolve("checkpoint.json");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRejected(CliRunner.run("sample", run.toString()), "checkpoint.json",
                "truncated");
        assertRejected(CliRunner.run("train", "--resume", run.toString()), "checkpoint.json",
                "truncated");
    }

    @Test
    void resumingOnAnotherProductBackendThanTheCheckpoints() throws IOException {
        Path run = tmp.resolve("run");
        assertThat(train(run).status()).isZero();
        Path checkpoint = run.resolve("checkpoint.json");
        String original = Files.readString(checkpoint);
        assertThat(original).contains("\"products\":\"java\"");
        Files.writeString(checkpoint, original.replace("\"products\":\"java\"",
                "\"products\":\"native\""));

        assertRejected(CliRunner.run("train", "--resume", run.toString(), "--steps", "30"),
                "checkpoint.json", "KGAN_BLAS=native", "KGAN_BLAS=java");
    }

    @Test
    void checkpointOfAnotherArchitecture() throws IOException {
        Path run = tmp.resolve("run");
        assertThat(train(run).status()).isZero();
        Path config = run.resolve("config.json");
        String original = Files.readString(config);
        String changed = original.replace("\"generatorHidden\" : [ 16, 16 ]",
                "\"generatorHidden\" : [ 16, 24 ]");
        assertThat(changed).isNotEqualTo(original);
        Files.writeString(config, changed);

        assertRejected(CliRunner.run("sample", run.toString()), "checkpoint.json",
                "16×16", "16×24", "another architecture");
    }

    @Test
    void dataOfAnotherDimensionThanTheModel() throws IOException {
        Path data = csv("points.csv", "x,y\n0,1\n1,0\n-1,0\n0,-1\n");
        Path run = tmp.resolve("run");
        assertThat(train(run, "--data", data.toString(), "--lambda-local", "0",
                "--witnesses", "0").status()).isZero();
        Files.writeString(data, "x,y,z\n0,1,0\n1,0,0\n-1,0,1\n0,-1,1\n");

        assertRejected(CliRunner.run("train", "--resume", run.toString(), "--steps", "30"),
                "points.csv", "dimension 3", "2");
    }

    @Test
    void divergenceNamesTheStepAndThePlayerAndKeepsTheCheckpoint() throws IOException {
        Path run = tmp.resolve("run");
        CliRunner.Result result = train(run, "--optimizer", "sgd", "--lr-generator", "1e150",
                "--lr-discriminator", "1e150", "--steps", "200", "--eval-every", "1");

        assertThat(result.status()).as(result.err()).isEqualTo(3);
        Matcher message = Pattern.compile("diverged at step (\\d+): the "
                + "(discriminator|generator|witnesses)'s objective is not finite; the "
                + "checkpoint of step (\\d+) is kept").matcher(result.err());
        assertThat(message.find()).as(result.err()).isTrue();
        int diverged = Integer.parseInt(message.group(1));
        int kept = Integer.parseInt(message.group(3));
        assertThat(kept).isEqualTo(diverged - 1);

        Checkpoint checkpoint = Checkpoint.read(run.resolve("checkpoint.json"));
        assertThat(checkpoint.step()).isEqualTo(kept);
        for (List<DMatrixRMaj> values : checkpoint.parameters().values()) {
            for (DMatrixRMaj value : values) {
                assertThat(Dense.isFinite(value)).isTrue();
            }
        }
    }

    @Test
    void missingRunFolder() {
        assertRejected(CliRunner.run("sample", tmp.resolve("nowhere").toString()),
                "nowhere", "does not exist");
    }

    @Test
    void resumeKeepsTheSavedSettings() throws IOException {
        Path run = tmp.resolve("run");
        assertThat(train(run).status()).isZero();
        String summary = Files.readString(run.resolve("summary.json"));

        assertRejected(CliRunner.run("train", "--resume", run.toString(), "--loss", "hinge"),
                "--loss", "--resume", "only --steps may change");
        assertRejected(CliRunner.run("train", "--resume", run.toString()),
                "already at its last step, 20", "--steps");
        assertThat(run.resolve("summary.json")).hasContent(summary);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frobnicate | unknown command 'frobnicate'; expected one of: train, sample, analyze, "
                + "test, images, bench, report, help | kgan help lists the commands",
        "help frobnicate | unknown command 'frobnicate'; expected one of: train, sample, "
                + "analyze, test, images, bench, report, help | kgan help lists the commands",
        "'' | no command given; expected one of: train, sample, analyze, test, images, bench, "
                + "report, help | kgan help lists the commands",
        "train --stpes 10 | unknown option '--stpes'; did you mean '--steps'? "
                + "| kgan help train lists every option",
        "train --stpes=10 | unknown option '--stpes'; did you mean '--steps'? "
                + "| kgan help train lists every option",
        "bench --frobnicate | unknown option '--frobnicate' | kgan help bench lists every option",
        "sample RUN extra | unexpected argument 'extra' | kgan help sample lists every option",
        "train --resume X --out Y | --out=FOLDER, --resume=FOLDER are mutually exclusive "
                + "(specify only one) | kgan help train lists every option"})
    void parseErrorsSayWhatWasWrongInWordsAndGiveOneHint(String args, String message,
            String hint) {
        CliRunner.Result result = CliRunner.run(args.isEmpty() ? new String[0]
                : args.split(" "));

        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("kgan: " + message + "\n(" + hint + ")\n");
    }

    @Test
    void parseErrorsAreOneLineAndAHint() {
        CliRunner.Result result = train(tmp.resolve("out"), "--steps", "abc");
        assertRejected(result, "--steps", "abc");
        assertThat(result.err().lines()).hasSize(2);
        assertThat(result.err()).contains("kgan help train");
    }
}
