package kgan.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private String[] lines() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }

    @Test
    void withoutAConsoleItPrintsOneLinePerTenth() {
        try (Progress p = new Progress("train", 1000, 0, out, false)) {
            for (int n = 1; n <= 1000; n++) {
                p.setExtraMessage("modes " + n % 9 + "/8");
                p.stepTo(n);
            }
        }

        String[] lines = lines();
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).startsWith("train  10% 100/1000 elapsed ")
                .contains(" ETA ").endsWith("| modes 1/8");
        assertThat(lines[9]).startsWith("train 100% 1000/1000");
    }

    @Test
    void aJumpPastSeveralTenthsPrintsOneLine() {
        try (Progress p = new Progress("train", 50, 0, out, false)) {
            p.stepTo(4);
            p.stepTo(40);
            p.stepTo(41);
        }

        String[] lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains(" 80% 40/50");
        assertThat(lines[1]).contains(" 82% 41/50").endsWith("(stopped)");
    }

    @Test
    void aResumedRunCountsFromItsFirstStep() {
        try (Progress p = new Progress("train", 100, 50, out, false)) {
            p.stepTo(55);
            p.stepTo(60);
        }

        String[] lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains(" 60% 60/100").doesNotContain("ETA ?");
    }

    @Test
    void onAConsoleItDrawsABarWithTheExtraMessage() {
        try (Progress p = new Progress("train", 10, 0, out, true)) {
            p.setExtraMessage("mmd2 0.004");
            p.stepTo(10);
        }

        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("train").contains("mmd2 0.004").contains("10/10");
    }

    @Test
    void stepsOutsideTheRunAreRejected() {
        assertThatThrownBy(() -> new Progress("train", 0, 0, out, false))
                .hasMessageContaining("total ≥ 1");
        assertThatThrownBy(() -> new Progress("train", 10, 11, out, false))
                .hasMessageContaining("first ≤ total");
    }
}
