package kgan.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduce/ scripts, run through bash as a user would: their argument errors, and the
 * smoke profile of all.sh, which runs every experiment script's code path with tiny
 * networks. The scripts call kgan through a wrapper around this test's own classpath, so the
 * test needs no packaged jar.
 */
class ReproduceScriptsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> SCRIPTS = List.of("all.sh", "mode-collapse.sh",
            "prior-knowledge.sh", "toy-dynamics.sh", "mlp-spectrum.sh");

    /** A hung script, not a slow one: the smoke runs take seconds. */
    private static final int SCRIPT_TIMEOUT_MINUTES = 10;
    /** The quick profile took about 5 minutes on 2 cores; this only catches a hang. */
    private static final int QUICK_TIMEOUT_MINUTES = 40;

    record Result(int status, String out, String err) {
    }

    @Test
    void aShardThatIsNotIOfNIsBadInput() throws Exception {
        for (String shard : List.of("3/2", "0/2", "1/0", "2", "a/b", "1/2/3")) {
            Result r = run(Map.of(), "reproduce/all.sh", "--shard", shard);

            assertThat(r.status()).as(shard).isEqualTo(2);
            assertThat(r.err()).as(shard).startsWith("reproduce/all.sh: --shard '" + shard
                    + "': expected i/n with 1 ≤ i ≤ n, e.g. 2/8\n");
        }
    }

    @Test
    void everyScriptRejectsBadInputWithStatusTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        for (String script : SCRIPTS) {
            String name = "reproduce/" + script;
            Result shard = run(Map.of(), name, "--shard", "3/2");
            Result out = run(Map.of(), name, "--out", file.resolve("sub").toString());
            Result option = run(Map.of(), name, "--fast");

            assertThat(shard.status()).as(script).isEqualTo(2);
            assertThat(shard.err()).as(script).startsWith(name + ": --shard '3/2'");
            assertThat(out.status()).as(script).isEqualTo(2);
            assertThat(out.err()).as(script).startsWith(name + ": --out '" + file.resolve("sub")
                    + "' cannot be created or written\n");
            assertThat(option.status()).as(script).isEqualTo(2);
            assertThat(option.err()).as(script).startsWith(name + ": unknown option '--fast'");
        }
    }

    @Test
    void anUnknownExperimentIsNamedWithTheKnownOnes() throws Exception {
        Result r = run(Map.of(), "reproduce/all.sh", "mode-colapse");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("reproduce/all.sh: unknown experiment 'mode-colapse';"
                + " expected one of: mode-collapse prior-knowledge toy-dynamics mlp-spectrum\n");
    }

    /**
     * --only keeps the jobs whose id matches one of its globs: here three of the ring's
     * methods and the Dirac-GAN's λ_g sweep. The reports cover those jobs only, the
     * experiments and data sets left without a job are not reported, the index says what was
     * kept, and a pattern that matches no job is refused before the output folder is made.
     */
    @Test
    void onlyKeepsTheMatchingJobs(@TempDir Path dir) throws Exception {
        Path kgan = wrapper(dir, "no-job-fails-on-purpose/");
        Path out = dir.resolve("out");
        Map<String, String> env = Map.of("KGAN", kgan.toString());

        Result typo = run(env, "reproduce/mode-collapse.sh", "--smoke", "--only",
                "mode-collapse/*/guided/*", "--only", "mode-collapse/*/gided/*", "--out",
                out.toString());

        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).startsWith("reproduce/mode-collapse.sh: --only "
                + "'mode-collapse/*/gided/*' matches no job; job ids look like "
                + "'mode-collapse/ring/gan/seed-1'\n");
        assertThat(out).doesNotExist();

        Result r = run(env, "reproduce/all.sh", "--smoke", "--only", "mode-collapse/ring/g*",
                "--only", "toy-dynamics/lambda/*", "--out", out.toString());

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(methods(Files.readAllLines(out.resolve("mode-collapse/ring/summary.csv"))))
                .containsExactly("gan", "gradient-norm", "guided");
        assertThat(out.resolve("mode-collapse/grid")).doesNotExist();
        assertThat(out.resolve("logs/mode-collapse/ring/mmd")).doesNotExist();
        assertThat(Files.size(out.resolve("toy-dynamics/lambda/locus.png"))).isPositive();
        assertThat(out.resolve("toy-dynamics/witness")).doesNotExist();
        assertThat(out.resolve("toy-dynamics/flows")).doesNotExist();
        String index = Files.readString(out.resolve("index.md"));
        assertThat(index).contains("Only the jobs matching `mode-collapse/ring/g*` "
                + "`toy-dynamics/lambda/*` (`--only`) were run",
                "[table](mode-collapse/grid/summary.md) (not made in this run)",
                "[root locus](toy-dynamics/lambda/locus.png),", "## mode-collapse",
                "## toy-dynamics").doesNotContain("## prior-knowledge", "## mlp-spectrum");
    }

    /**
     * The smoke profile in two shards, with one job made to fail by the kgan wrapper: the
     * first shard reports the failure with its log and leaves the reports to later; the
     * second finishes the rest, makes the reports without the failed run, and the index
     * marks it.
     */
    @Test
    void smokeProfileRunsEveryExperimentInShards(@TempDir Path dir) throws Exception {
        Path kgan = wrapper(dir, "grid/gradient-norm/");
        Path out = dir.resolve("out");
        Map<String, String> env = Map.of("KGAN", kgan.toString());

        Result first = run(env, "reproduce/all.sh", "--smoke", "--jobs", "2", "--shard",
                "1/2", "--out", out.toString());
        Result second = run(env, "reproduce/all.sh", "--smoke", "--jobs", "2", "--shard",
                "2/2", "--out", out.toString());

        // Shard 1 holds the even job indices, among them grid/gradient-norm (index 8).
        String failedLog = out.resolve("logs/mode-collapse/grid/gradient-norm/seed-1.log")
                .toString();
        assertThat(first.status()).as(first.err()).isEqualTo(1);
        assertThat(first.err()).contains("FAILED mode-collapse/grid/gradient-norm/seed-1 "
                + "(exit 3); log: " + failedLog);
        assertThat(Files.readString(Path.of(failedLog))).contains("fails on purpose");
        assertThat(first.out()).contains("mode-collapse: some jobs are not done yet");
        assertThat(second.status()).as(second.out() + second.err()).isEqualTo(0);
        assertThat(second.out()).contains("output folder: " + out);

        List<String> ring = Files.readAllLines(out.resolve("mode-collapse/ring/summary.csv"));
        List<String> grid = Files.readAllLines(out.resolve("mode-collapse/grid/summary.csv"));
        assertThat(methods(ring)).containsExactly("gan", "wgan-gp", "gradient-norm", "mmd",
                "local", "guided");
        assertThat(methods(grid)).containsExactly("gan", "wgan-gp", "mmd", "local",
                "guided");
        List<String> prior = Files.readAllLines(
                out.resolve("prior-knowledge/ring-rare/summary.csv"));
        assertThat(prior.get(0)).contains("share_rare-mode_mean", "share_centre_mean");
        assertThat(methods(prior)).containsExactly("gan", "rare-witness", "centre-witness",
                "guided");
        // Smoke sweeps: λ_g in {0, 1} for each of the three losses; two spectra per loss.
        assertThat(Files.readAllLines(out.resolve("toy-dynamics/flows/rates.csv")))
                .hasSize(1 + 3 * 2);
        assertThat(Files.readAllLines(out.resolve("mlp-spectrum/spectra-report/spectra.csv")))
                .hasSize(1 + 2 * 2);
        for (String png : List.of("mode-collapse/ring/curves.png",
                "mode-collapse/grid/samples-grid.png", "prior-knowledge/ring-rare/regions.png",
                "toy-dynamics/flows/trajectories.png", "toy-dynamics/flows/rates.png",
                "toy-dynamics/lambda/locus.png", "toy-dynamics/witness/stability.png",
                "mlp-spectrum/spectra-report/locus.png")) {
            assertThat(Files.size(out.resolve(png))).as(png).isPositive();
        }

        String index = Files.readString(out.resolve("index.md"));
        assertThat(index).contains("[table](mode-collapse/ring/summary.md)",
                "[shares against the step](prior-knowledge/ring-rare/regions.png)",
                "| mode-collapse/ring/wgan-gp/seed-1 | done |",
                "| mode-collapse/grid/gradient-norm/seed-1 | **FAILED** (exit 3), "
                        + "[log](logs/mode-collapse/grid/gradient-norm/seed-1.log) |",
                "## toy-dynamics", "## mlp-spectrum");
    }

    /**
     * The quick profile, whole, as the check of the reproduce/ folder asks: every
     * job succeeds, and every figure and table the index links to exists and is not empty.
     * Its numbers mean little at 200 steps and are not checked here.
     */
    @Test
    void quickProfileWritesEveryFigureAndTableTheIndexLinks(@TempDir Path dir)
            throws Exception {
        Path kgan = wrapper(dir, "no-job-fails-on-purpose/", false);
        Path out = dir.resolve("out");

        Result r = run(Map.of("KGAN", kgan.toString()), QUICK_TIMEOUT_MINUTES,
                "reproduce/all.sh", "--quick", "--out", out.toString());

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(0);
        String index = Files.readString(out.resolve("index.md"));
        assertThat(index).doesNotContain("FAILED", "not done", "not made");
        Matcher link = Pattern.compile("\\]\\(([^)]+)\\)").matcher(index);
        List<String> targets = new ArrayList<>();
        while (link.find()) {
            targets.add(link.group(1));
        }
        assertThat(targets).contains("mode-collapse/ring/summary.md",
                "mode-collapse/grid/samples-grid.png", "prior-knowledge/ring-rare/regions.png",
                "toy-dynamics/flows/rates.png", "mlp-spectrum/spectra-report/locus.png");
        for (String target : targets) {
            Path file = out.resolve(target);
            assertThat(file).as(target).exists();
            if (Files.isRegularFile(file)) {
                assertThat(Files.size(file)).as(target).isPositive();
            }
        }
    }

    private static List<String> methods(List<String> csv) {
        List<String> names = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            names.add(line.substring(0, line.indexOf(',')));
        }
        return names;
    }

    /**
     * A kgan launcher running this test's classes, which fails (status 3) for any job whose
     * arguments contain {@code failing}. The JVM flags shorten start-up for the tiny runs.
     */
    private static Path wrapper(Path dir, String failing) throws IOException {
        return wrapper(dir, failing, true);
    }

    /**
     * As above; {@code tinyRuns} shortens start-up with the first JIT tier only, which suits
     * the smoke profile's few steps and slows the quick profile's hundreds.
     */
    private static Path wrapper(Path dir, String failing, boolean tinyRuns) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/usr/bin/env bash\n"
                + "for a in \"$@\"; do\n"
                + "  case \"$a\" in *" + failing + "*)\n"
                + "    echo 'test double: this job fails on purpose' >&2; exit 3 ;;\n"
                + "  esac\n"
                + "done\n"
                + "exec '" + java + "' -Djava.awt.headless=true "
                + (tinyRuns ? "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "
                        : "--add-modules jdk.incubator.vector ")
                + "-Xmx512m -cp '" + System.getProperty("java.class.path")
                + "' kgan.cli.Main \"$@\"\n";
        Path file = dir.resolve("kgan");
        Files.writeString(file, script);
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    private static Result run(Map<String, String> env, String... args) throws Exception {
        return run(env, SCRIPT_TIMEOUT_MINUTES, args);
    }

    private static Result run(Map<String, String> env, int timeoutMinutes, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PROGRESS_SECONDS", "3600");
        Path out = Files.createTempFile("reproduce-out", ".txt");
        Path err = Files.createTempFile("reproduce-err", ".txt");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("bash " + String.join(" ", args)
                        + " did not finish in " + timeoutMinutes + " minutes");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
