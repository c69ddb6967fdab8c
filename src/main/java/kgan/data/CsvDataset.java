package kgan.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Rng;

/**
 * The user's own points, read from a CSV file: one point per row, one coordinate per column.
 * P is the empirical distribution of the rows; {@link #sample} draws rows uniformly with
 * replacement.
 *
 * <p>The format read, and nothing more (a numeric table, not all of RFC 4180):
 * <ul>
 *   <li>UTF-8 text; a leading byte-order mark is ignored; lines may end in LF, CRLF or CR.
 *   <li>Cells are separated by commas; spaces around a cell are ignored. A cell may be
 *       wrapped in double quotes (then it may hold commas, and "" stands for one quote),
 *       but must end on the line it starts on.
 *   <li>Blank lines, and lines whose first non-space character is '#', are skipped anywhere
 *       (numpy's {@code savetxt} writes its header that way).
 *   <li>Header: the first row is a header when at least one of its cells is not a number
 *       (an empty cell counts as not a number; "nan" and "inf" count as numbers). Every
 *       later row must consist of finite numbers only. A header whose names are all
 *       numbers, such as "0,1", cannot be told from data and is read as a point.
 *   <li>Every row has as many cells as the first row.
 *   <li>Numbers are decimal: an optional sign, digits with an optional point, and an
 *       optional exponent ("-1.5", ".5", "2e-3"). NaN and infinities are rejected.
 * </ul>
 * Line numbers in errors count every physical line from 1, skipped ones included; column
 * numbers count cells from 1.
 */
public final class CsvDataset implements Dataset {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final List<String> columnNames;
    private final DMatrixRMaj points;

    private CsvDataset(Path file, List<String> columnNames, DMatrixRMaj points) {
        this.file = file;
        this.columnNames = columnNames;
        this.points = points;
    }

    /**
     * Reads the points of a CSV file.
     *
     * @throws DataException when the file is missing, unreadable, not UTF-8, has no data
     *                       rows, or a row is ragged or holds a cell that is not a finite
     *                       number; the message names the file, line and column
     */
    public static CsvDataset load(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory; expected a CSV file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, reader);
        } catch (NoSuchFileException e) {
            throw new DataException("file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new DataException("file " + file + " cannot be read: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new DataException("file " + file + " is not UTF-8 text; expected a CSV file"
                    + " of numbers", e);
        } catch (IOException e) {
            throw new DataException("file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static CsvDataset parse(Path file, BufferedReader reader) throws IOException {
        List<String> header = List.of();
        int columns = -1;
        int referenceLine = 0;
        double[] values = new double[1024];
        int rows = 0;

        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            List<String> cells = splitCells(file, lineNumber, line);

            if (columns < 0) {
                columns = cells.size();
                referenceLine = lineNumber;
                if (!allLookNumeric(cells)) {
                    header = Collections.unmodifiableList(cells);
                    continue;
                }
            } else if (cells.size() != columns) {
                throw new DataException("file " + file + ", line " + lineNumber + ": "
                        + cells.size() + " columns, expected " + columns + " as "
                        + (header.isEmpty() ? "on line " : "in the header on line ")
                        + referenceLine);
            }

            if ((rows + 1) * columns > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, (rows + 1) * columns));
            }
            for (int c = 0; c < columns; c++) {
                values[rows * columns + c] = parseCell(file, lineNumber, c, cells);
            }
            rows++;
        }

        if (rows == 0) {
            String why = header.isEmpty() ? "it is empty" : "only a header on line "
                    + referenceLine;
            throw new DataException("file " + file + " has no data rows (" + why
                    + "); expected one point per row, as comma-separated numbers");
        }
        DMatrixRMaj points = new DMatrixRMaj(rows, columns);
        System.arraycopy(values, 0, points.data, 0, rows * columns);
        return new CsvDataset(file, header, points);
    }

    /**
     * The cells of one line, trimmed, with enclosing double quotes removed. A quote opens a
     * quoted part only at the start of a cell (after spaces); inside it, "" is one quote.
     */
    static List<String> splitCells(Path file, int lineNumber, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else if (ch == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new DataException("file " + file + ", line " + lineNumber + ", column "
                    + (cells.size() + 1) + ": a quoted cell is not closed; expected a"
                    + " closing '\"' on the same line");
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static boolean allLookNumeric(List<String> cells) {
        for (String cell : cells) {
            if (!DECIMAL.matcher(cell).matches() && !NON_FINITE.matcher(cell).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double parseCell(Path file, int lineNumber, int column, List<String> cells) {
        String cell = cells.get(column);
        String where = "file " + file + ", line " + lineNumber + ", column " + (column + 1);
        if (cell.isEmpty()) {
            throw new DataException(where + ": the cell is empty; expected a finite number");
        }
        if (NON_FINITE.matcher(cell).matches()) {
            throw new DataException(where + ": '" + cell + "' is not finite; every value"
                    + " must be a finite number");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            String hint = allLookText(cells) ? " (a header is allowed only as the first row)"
                    : "";
            throw new DataException(where + ": '" + cell + "' is not a number" + hint);
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new DataException(where + ": '" + cell + "' overflows a double; every"
                    + " value must be a finite number");
        }
        return value;
    }

    private static boolean allLookText(List<String> cells) {
        for (String cell : cells) {
            if (DECIMAL.matcher(cell).matches() || NON_FINITE.matcher(cell).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The file the points came from, as given. */
    public Path file() {
        return file;
    }

    /** The names in the header row; empty when the file has none. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** N, the number of points (data rows). */
    public int size() {
        return points.numRows;
    }

    /** All N points, one per row (a copy). */
    public DMatrixRMaj points() {
        return points.copy();
    }

    @Override
    public int dimension() {
        return points.numCols;
    }

    /**
     * n rows drawn uniformly with replacement: for i = 0, …, n − 1 in turn, one draw
     * {@code rng.nextInt(N)} picks the row copied into row i.
     */
    @Override
    public DMatrixRMaj sample(int n, Rng rng) {
        if (n < 0) {
            throw new IllegalArgumentException("file " + file + ": cannot draw " + n
                    + " points");
        }
        int d = points.numCols;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            int r = rng.nextInt(points.numRows);
            System.arraycopy(points.data, r * d, x.data, i * d, d);
        }
        return x;
    }

    @Override
    public String describe() {
        String names = columnNames.isEmpty() ? "" : " (columns " + String.join(", ",
                columnNames) + ")";
        return "csv " + file + ": " + size() + " points in R^" + dimension() + names;
    }
}
