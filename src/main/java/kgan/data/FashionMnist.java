package kgan.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Rng;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28×28 grey-level images of ten kinds of
 * clothing, 60,000 for training and 10,000 for testing, read from the four IDX files that
 * Debian's package {@code dataset-fashion-mnist} installs under {@value #DEFAULT_FOLDER}.
 * Points are images flattened row by row, pixels scaled to [0, 1].
 */
public final class FashionMnist implements Dataset {

    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";

    /** The class names, by label. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The two parts of the data set, by the prefix of their file names. */
    public enum Split {
        TRAIN("train"), TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Path folder;
    private final Split split;
    private final Idx.Images images;
    private final int[] labels;

    private FashionMnist(Path folder, Split split, Idx.Images images, int[] labels) {
        this.folder = folder;
        this.split = split;
        this.images = images;
        this.labels = labels;
    }

    /**
     * The first {@code limit} images of a split and their labels, from {@code folder}, which
     * holds {@code train-images-idx3-ubyte} and the other three files, each plain or with
     * {@code .gz}.
     *
     * @throws DataException when a file is missing (the message says how to install them),
     *     unreadable or malformed, or images and labels differ in number
     */
    public static FashionMnist load(Path folder, Split split, int limit) {
        Path imageFile = find(folder, split.prefix + "-images-idx3-ubyte");
        Path labelFile = find(folder, split.prefix + "-labels-idx1-ubyte");
        Idx.Images images = Idx.readImages(imageFile, limit);
        int[] labels = Idx.readLabels(labelFile, limit);
        if (images.count() != labels.length) {
            throw new DataException(imageFile + " holds " + images.count() + " images but "
                    + labelFile + " " + labels.length + " labels; expected one label per "
                    + "image");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= CLASSES.size()) {
                throw new DataException(labelFile + ": label " + (i + 1) + " is " + labels[i]
                        + "; expected 0 to " + (CLASSES.size() - 1));
            }
        }
        return new FashionMnist(folder, split, images, labels);
    }

    private static Path find(Path folder, String name) {
        Path plain = folder.resolve(name);
        Path gzip = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new DataException("Fashion-MNIST file " + gzip + " (or " + plain + ") does not "
                + "exist; expected the four IDX files of Fashion-MNIST in " + folder
                + ". Install them with 'apt-get install dataset-fashion-mnist' (Debian and "
                + "Ubuntu put them in " + DEFAULT_FOLDER + "), or point --data-dir at a "
                + "folder that holds them");
    }

    public Idx.Images images() {
        return images;
    }

    /** The label of each image, 0–9 (see {@link #CLASSES}). */
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return images.count();
    }

    /** Images [from, to) as rows, pixels in [0, 1]. */
    public DMatrixRMaj points(int from, int to) {
        return images.matrix(from, to);
    }

    @Override
    public int dimension() {
        return images.pixelCount();
    }

    /** n images drawn uniformly with replacement. */
    @Override
    public DMatrixRMaj sample(int n, Rng rng) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = rng.nextInt(images.count());
        }
        return images.matrix(indices);
    }

    @Override
    public String describe() {
        return "fashion-mnist " + split.name().toLowerCase(java.util.Locale.ROOT) + " ("
                + images.count() + " images from " + folder + ")";
    }
}
