package kgan.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kgan.linalg.Rng;

class WitnessStartsTest {

    /** Labels 0..9 repeated, shuffled by a fixed seed so class members are scattered. */
    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % ImageRun.CLASSES;
        }
        Rng rng = new Rng(5);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    @Test
    void witnessJStartsAtAnImageOfClassJModTen() {
        int[] labels = labels(200);

        int[] start = ImageRun.witnessStarts(13, labels, new Rng(1));

        for (int j = 0; j < start.length; j++) {
            assertThat(labels[start[j]]).as("witness %d", j).isEqualTo(j % ImageRun.CLASSES);
        }
    }

    @Test
    void sameSeedSameStartsAndAnotherSeedOthers() {
        int[] labels = labels(200);

        int[] first = ImageRun.witnessStarts(10, labels, new Rng(1));
        int[] again = ImageRun.witnessStarts(10, labels, new Rng(1));
        int[] other = ImageRun.witnessStarts(10, labels, new Rng(2));

        assertThat(again).isEqualTo(first);
        // Each class has 20 members, so two seeds agree on all ten draws with probability
        // about 20^-10 if the draws are uniform: a difference is all but certain.
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aMissingClassFallsBackToAnyImage() {
        int[] labels = {0, 0, 1, 1};

        int[] start = ImageRun.witnessStarts(4, labels, new Rng(3));

        assertThat(start[0]).isBetween(0, 1);
        assertThat(start[1]).isBetween(2, 3);
        assertThat(start[2]).isBetween(0, 3);
        assertThat(start[3]).isBetween(0, 3);
    }
}
