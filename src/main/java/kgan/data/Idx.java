package kgan.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.ejml.data.DMatrixRMaj;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised by
 * their first two bytes, whatever the file is called).
 *
 * <p>An IDX file is a big-endian header followed by the entries in row-major order. The
 * header is a magic number 0x0000TTDD, where TT is the entry type (0x08: unsigned byte, the
 * only type read here) and DD the number of dimensions, then one 32-bit size per dimension.
 * Images are 0x00000803 (count × rows × columns), labels 0x00000801 (count).
 */
public final class Idx {

    /** Unsigned-byte images: count × rows × columns. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Unsigned-byte labels: count. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int GZIP_FIRST = 0x1f;
    private static final int GZIP_SECOND = 0x8b;

    private Idx() {
    }

    /**
     * Grey-level images, one byte (0 = background, 255 = ink) per pixel, image after image,
     * row after row.
     */
    public record Images(int count, int rows, int columns, byte[] pixels) {

        /** rows × columns, the dimension of an image as a point. */
        public int pixelCount() {
            return rows * columns;
        }

        /**
         * Images [from, to) as the rows of a new matrix, each pixel scaled to [0, 1] by /255.
         */
        public DMatrixRMaj matrix(int from, int to) {
            int[] indices = new int[to - from];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            return matrix(indices);
        }

        /** The images with these indices, in this order, scaled to [0, 1]. */
        public DMatrixRMaj matrix(int[] indices) {
            int d = pixelCount();
            DMatrixRMaj out = new DMatrixRMaj(indices.length, d);
            for (int i = 0; i < indices.length; i++) {
                int offset = indices[i] * d;
                for (int k = 0; k < d; k++) {
                    out.data[i * d + k] = (pixels[offset + k] & 0xff) / 255.0;
                }
            }
            return out;
        }
    }

    /**
     * The first {@code limit} images of an IDX image file (all of them when it holds fewer).
     *
     * @throws DataException naming the file when it is missing, unreadable, not an IDX image
     *     file, truncated, or longer than its header says
     */
    public static Images readImages(Path file, int limit) {
        return read(file, IMAGES_MAGIC, (in, sizes) -> {
            int count = sizes[0];
            int rows = sizes[1];
            int columns = sizes[2];
            long pixelsPerImage = (long) rows * columns;
            long total = count * pixelsPerImage;
            int kept = Math.min(count, limit);
            byte[] pixels = new byte[Math.toIntExact(kept * pixelsPerImage)];
            readFully(file, in, pixels, count + " images of " + rows + "×" + columns
                    + " pixels (" + total + " bytes after the header)");
            if (kept == count) {
                requireEnd(file, in, total);
            }
            return new Images(kept, rows, columns, pixels);
        }, 3, "images");
    }

    /**
     * The first {@code limit} labels of an IDX label file, each 0–255.
     *
     * @throws DataException as {@link #readImages}
     */
    public static int[] readLabels(Path file, int limit) {
        return read(file, LABELS_MAGIC, (in, sizes) -> {
            int count = sizes[0];
            byte[] bytes = new byte[Math.min(count, limit)];
            readFully(file, in, bytes, count + " labels (" + count
                    + " bytes after the header)");
            if (bytes.length == count) {
                requireEnd(file, in, count);
            }
            int[] labels = new int[bytes.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = bytes[i] & 0xff;
            }
            return labels;
        }, 1, "labels");
    }

    @FunctionalInterface
    private interface Body<T> {
        T read(DataInputStream in, int[] sizes) throws IOException;
    }

    private static <T> T read(Path file, int magic, Body<T> body, int dimensions,
            String what) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory; expected an IDX " + what
                    + " file");
        }
        try (DataInputStream in = new DataInputStream(open(file))) {
            int found;
            try {
                found = in.readInt();
            } catch (EOFException e) {
                throw new DataException("file " + file + " is truncated: it ends inside the "
                        + "4-byte magic number; expected an IDX " + what + " file", e);
            }
            if (found != magic) {
                throw new DataException(String.format("file %s starts with the magic number "
                        + "0x%08x; expected 0x%08x (IDX %s: unsigned bytes, %d dimension%s)",
                        file, found, magic, what, dimensions, dimensions == 1 ? "" : "s"));
            }
            int[] sizes = new int[dimensions];
            for (int k = 0; k < dimensions; k++) {
                try {
                    sizes[k] = in.readInt();
                } catch (EOFException e) {
                    throw new DataException("file " + file + " is truncated: its header ends "
                            + "after " + k + " of its " + dimensions + " sizes", e);
                }
                if (sizes[k] < 0) {
                    throw new DataException("file " + file + ": size " + (k + 1) + " in the "
                            + "header is " + Integer.toUnsignedString(sizes[k])
                            + "; expected a number below 2³¹");
                }
            }
            return body.read(in, sizes);
        } catch (NoSuchFileException e) {
            throw new DataException("file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new DataException("file " + file + " cannot be read: permission denied", e);
        } catch (ZipException e) {
            throw new DataException("file " + file + " is not a valid gzip file ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException("file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file's bytes, decompressed when it starts like a gzip stream. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == GZIP_FIRST && second == GZIP_SECOND) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static void readFully(Path file, DataInputStream in, byte[] into, String expected)
            throws IOException {
        int done = 0;
        while (done < into.length) {
            int got = in.read(into, done, into.length - done);
            if (got < 0) {
                throw new DataException("file " + file + " is truncated: its header promises "
                        + expected + ", but the data ends after " + done + " bytes");
            }
            done += got;
        }
    }

    /** Throws unless the stream is at its end: trailing bytes mean a wrong header. */
    private static void requireEnd(Path file, DataInputStream in, long expectedBytes)
            throws IOException {
        long extra = 0;
        byte[] buffer = new byte[8192];
        int got;
        while ((got = in.read(buffer)) > 0) {
            extra += got;
        }
        if (extra > 0) {
            throw new DataException("file " + file + " has " + extra + " bytes more than its "
                    + "header says (" + expectedBytes + " bytes after the header); expected "
                    + "exactly that many");
        }
    }
}
