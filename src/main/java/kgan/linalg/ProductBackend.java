package kgan.linalg;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Which code computes the dense products of {@link Products}: kgan's own Java kernels (the
 * default: every sum in ascending k, the same bits on every machine) or the system's BLAS
 * through JNI (on Debian, OpenBLAS, which sums in an order of its own, so its results differ
 * from the Java kernels' in the last bits).
 *
 * <p>The user asks with the system property {@value #PROPERTY} or, when that is not set,
 * the environment variable {@value #VARIABLE}: {@code java} or {@code native}. The command
 * line reads the request once, when a command starts ({@link #selectFromSettings()}).
 */
public enum ProductBackend {

    /** kgan's Java kernels ({@link Products}). */
    JAVA,

    /** The system's BLAS, libblas.so.3, through netlib's JNI binding. */
    NATIVE;

    /** The system property that asks for a backend; it wins over {@link #VARIABLE}. */
    public static final String PROPERTY = "kgan.blas";

    /** The environment variable that asks for a backend. */
    public static final String VARIABLE = "KGAN_BLAS";

    private static final String INSTALL = "apt-get install libopenblas0-pthread";

    /** The BLAS that computes every product, or null for the Java kernels. */
    private static volatile BLAS blas;

    /** The word that asks for this backend: java or native. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The backend that computes the products now. */
    public static ProductBackend active() {
        return blas == null ? JAVA : NATIVE;
    }

    /**
     * Reads {@value #PROPERTY}, else {@value #VARIABLE}, and makes the backend it names
     * compute every later product.
     *
     * @throws IllegalArgumentException with a message for the user, when the value is
     *                                  neither java nor native, or native does not load
     */
    public static ProductBackend selectFromSettings() {
        return select(System.getProperty(PROPERTY), System.getenv(VARIABLE),
                ProductBackend::loadSystemBlas);
    }

    /**
     * Makes {@code backend} compute every later product, for a program or a test that
     * chooses in code.
     *
     * @throws IllegalArgumentException when native is asked for and does not load
     */
    public static void use(ProductBackend backend) {
        blas = backend == NATIVE
                ? load("the native backend was asked for", ProductBackend::loadSystemBlas)
                : null;
    }

    /**
     * Selects the backend {@code property} names, or {@code variable} when the property is
     * unset or blank (java when both are); {@code loader} gives the native BLAS or throws.
     */
    static ProductBackend select(String property, String variable,
            Supplier<? extends BLAS> loader) {
        boolean fromProperty = property != null && !property.isBlank();
        String value = fromProperty ? property
                : variable != null && !variable.isBlank() ? variable : JAVA.label();
        String source = fromProperty ? "system property " + PROPERTY
                : "environment variable " + VARIABLE;
        ProductBackend chosen = parse(value.trim());
        if (chosen == null) {
            throw new IllegalArgumentException(source + " is \"" + value + "\"; expected "
                    + "java (kgan's own products, the default) or native (the system's BLAS)");
        }

        blas = chosen == NATIVE ? load(source + " is \"" + value + "\"", loader) : null;
        return chosen;
    }

    private static BLAS load(String request, Supplier<? extends BLAS> loader) {
        try {
            return loader.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(request + ", but the system's BLAS did not "
                    + "load: it needs libblas.so.3 (on Debian: " + INSTALL + "); java, the "
                    + "default, needs nothing", e);
        }
    }

    private static ProductBackend parse(String value) {
        for (ProductBackend b : values()) {
            if (b.label().equalsIgnoreCase(value)) {
                return b;
            }
        }
        return null;
    }

    /** The BLAS the products use: null for the Java kernels. */
    static BLAS blas() {
        return blas;
    }

    private static BLAS loadSystemBlas() {
        // netlib logs a warning of its own, without the cause, when the library is missing;
        // the error select throws says more, so that warning is silenced while it loads.
        Logger log = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
        Level before = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            return NativeBLAS.getInstance();
        } finally {
            log.setLevel(before);
        }
    }

    /**
     * c = A B through {@code blas.dgemm}, with A and B as in {@link Products#mult}; returns
     * false, leaving c untouched, when A's strides fit neither of dgemm's layouts or a
     * dimension is 0. c: Modified (its first m·n entries); a, b: Not modified.
     *
     * <p>dgemm is column-major, and a row-major p×q array read column-major with leading
     * dimension q is the q×p matrix of its transpose. So the row-major C = A B is the
     * column-major Cᵀ = Bᵀ Aᵀ:
     * <pre>
     *   dgemm("N", op, n, m, depth, 1, b, n, a, lda, 0, c, n)
     * </pre>
     * with Bᵀ the array b as stored (n×depth, leading dimension n), and Aᵀ
     * <ul>
     * <li>a as stored when depthStride = 1: a(i, k) = a[i·rowStride + k], read column-major
     *     with lda = rowStride, is the depth×m matrix Aᵀ; op = "N".</li>
     * <li>the transpose of a as stored when rowStride = 1: a(i, k) = a[i + k·depthStride],
     *     read column-major with lda = depthStride, is the m×depth matrix A; op = "T".</li>
     * </ul>
     * β = 0 makes dgemm write c without reading it, so c's old contents do not matter.
     */
    static boolean dgemm(BLAS blas, double[] a, int rowStride, int depthStride, double[] b,
            double[] c, int m, int depth, int n) {
        if (m == 0 || depth == 0 || n == 0) {
            return false;
        }
        String op;
        int lda;
        if (depthStride == 1 && rowStride >= depth) {
            op = "N";
            lda = rowStride;
        } else if (rowStride == 1 && depthStride >= m) {
            op = "T";
            lda = depthStride;
        } else {
            return false;
        }
        blas.dgemm("N", op, n, m, depth, 1.0, b, n, a, lda, 0.0, c, n);
        return true;
    }
}
