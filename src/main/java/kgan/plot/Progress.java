package kgan.plot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long run: steps done, elapsed time, estimated time left (ETA) and a short
 * extra message with the metrics that matter, such as "mmd2 0.0031  modes 8/8".
 *
 * <p>On a console it is a progress bar (me.tongfei.progressbar) redrawn in place about once a
 * second. Without one ({@code System.console() == null}: output piped to a file, CI), it
 * prints a plain line each time another tenth of the steps is done, and otherwise at least
 * once a minute, and a last line on {@link #close()} if the run stopped early: a log shows
 * life without growing by a line per step.
 *
 * <p>The ETA assumes the remaining steps take as long, on average, as those done since
 * {@link #start}: ETA = elapsed · (total − n) / (n − first).
 */
public final class Progress implements AutoCloseable {

    /** Without a console, the longest silence between two lines. */
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final String task;
    private final long total;
    private final long first;
    private final ProgressBar bar;
    private final PrintStream out;
    private final long startNanos;
    private long current;
    private int lastTenthPrinted;
    private long lastLineNanos;
    private String extraMessage = "";
    private boolean closed;

    /**
     * Starts showing the progress of {@code task} on standard error, as a bar on a console
     * and as plain lines otherwise.
     *
     * @param total the number of steps of the whole run, &gt; 0
     */
    public static Progress start(String task, long total) {
        return start(task, total, 0);
    }

    /**
     * As {@link #start(String, long)}, for a run resumed at step {@code first}: the count
     * starts there, and the ETA counts only the steps done since.
     */
    public static Progress start(String task, long total, long first) {
        return new Progress(task, total, first, System.err, System.console() != null);
    }

    /**
     * @param out         where the bar or lines go
     * @param interactive true to redraw a bar in place, false for plain lines
     */
    Progress(String task, long total, long first, PrintStream out, boolean interactive) {
        if (total < 1 || first < 0 || first > total) {
            throw new IllegalArgumentException("progress of " + task + ": steps " + first
                    + " to " + total + "; expected 0 ≤ first ≤ total and total ≥ 1");
        }
        this.task = task;
        this.total = total;
        this.first = first;
        this.current = first;
        this.out = out;
        this.startNanos = System.nanoTime();
        this.lastLineNanos = startNanos;
        this.lastTenthPrinted = tenths(first);
        this.bar = interactive
                ? new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .startsFrom(first, Duration.ZERO)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" steps", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(out))
                        .build()
                : null;
    }

    /** Records that steps up to n are done (first ≤ n ≤ total; larger n is capped). */
    public void stepTo(long n) {
        current = Math.max(first, Math.min(n, total));
        if (bar != null) {
            bar.stepTo(current);
            return;
        }
        int tenths = tenths(current);
        long now = System.nanoTime();
        if (tenths > lastTenthPrinted || now - lastLineNanos >= QUIET_NANOS) {
            lastTenthPrinted = tenths;
            lastLineNanos = now;
            out.println(line());
        }
    }

    /** Sets the message shown after the bar or line, such as the latest metrics. */
    public void setExtraMessage(String message) {
        extraMessage = message == null ? "" : message;
        if (bar != null) {
            bar.setExtraMessage(extraMessage);
        }
    }

    /** Steps done so far. */
    public long current() {
        return current;
    }

    /** Stops showing progress; on a plain log, a run that stopped early gets a last line. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
        } else if (current > first && current < total) {
            out.println(line() + " (stopped)");
        }
    }

    /** ⌊10 n / total⌋, the number of whole tenths done. */
    private int tenths(long n) {
        return (int) (10 * n / total);
    }

    /** "task  40% 400/1000 elapsed 0:01:23 ETA 0:02:04 | message". */
    String line() {
        long elapsedNanos = System.nanoTime() - startNanos;
        long done = current - first;
        String eta = done > 0
                ? clock((long) (elapsedNanos * (double) (total - current) / done))
                : "?";
        String line = String.format(Locale.ROOT, "%s %3d%% %d/%d elapsed %s ETA %s", task,
                100 * current / total, current, total, clock(elapsedNanos), eta);
        return extraMessage.isEmpty() ? line : line + " | " + extraMessage;
    }

    /** h:mm:ss. */
    private static String clock(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
    }
}
