package kgan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kgan.data.AtomicFiles;
import kgan.autodiff.Tensor;
import kgan.game.Player;
import kgan.linalg.ProductBackend;
import kgan.optim.OptimizerState;

/**
 * The whole state of a run after a given step: every player's parameters, every optimiser's
 * state and the random source's state, so that a resumed run continues exactly as an
 * uninterrupted one. Stored as JSON (doubles written in their shortest exact form), with a
 * format name and version, and written atomically.
 *
 * @param step          the last completed generator step
 * @param dataDimension d, the dimension of the data the run was trained on
 * @param parameters    each player's parameter values, in {@code parameters(player)} order
 * @param optimizers    each moving player's optimiser state
 * @param rngState      the run's random source
 * @param products      the products' backend that computed the run (java or native, see
 *                      {@link ProductBackend}): the two differ in the last bits
 */
public record Checkpoint(int step, int dataDimension, Map<Player, List<DMatrixRMaj>> parameters,
        Map<Player, OptimizerState> optimizers, byte[] rngState, String products) {

    static final String FORMAT = "kgan-checkpoint";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A snapshot of the live tensors (copied, so training may go on). */
    public static Checkpoint capture(int step, int dataDimension,
            Map<Player, List<Tensor>> parameters,
            Map<Player, OptimizerState> optimizers, byte[] rngState) {
        Map<Player, List<DMatrixRMaj>> values = new EnumMap<>(Player.class);
        parameters.forEach((player, tensors) -> {
            List<DMatrixRMaj> copies = new ArrayList<>();
            for (Tensor t : tensors) {
                copies.add(t.value().copy());
            }
            values.put(player, copies);
        });
        return new Checkpoint(step, dataDimension, values, new EnumMap<>(optimizers),
                rngState.clone(), ProductBackend.active().label());
    }

    /** Writes this checkpoint to {@code file}, atomically. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("step", step);
        root.put("dataDimension", dataDimension);
        ObjectNode players = root.putObject("parameters");
        parameters.forEach((player, values) -> players.set(player.name(), matrices(values)));
        ObjectNode states = root.putObject("optimizers");
        optimizers.forEach((player, state) -> {
            ObjectNode node = states.putObject(player.name());
            node.put("step", state.step());
            node.set("buffers", matrices(state.buffers()));
        });
        root.put("rng", Base64.getEncoder().encodeToString(rngState));
        root.put("products", products);
        AtomicFiles.write(file, out -> JSON.writeValue(out, root));
    }

    /**
     * Reads a checkpoint; a missing, truncated or malformed file is an
     * {@link InvalidInputException} naming the file and what is wrong.
     */
    public static Checkpoint read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("checkpoint " + file + " does not exist");
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage();
            int detail = what.indexOf(" (");
            throw new InvalidInputException("checkpoint " + file + " is truncated or corrupt ("
                    + (detail > 0 ? what.substring(0, detail) : what) + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidInputException("checkpoint " + file + " cannot be read: "
                    + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidInputException("checkpoint " + file + " is not a kgan checkpoint"
                    + " (no \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new InvalidInputException("checkpoint " + file + " has format version "
                    + root.path("version") + "; this build reads version " + VERSION);
        }
        Reader reader = new Reader(file);
        Map<Player, List<DMatrixRMaj>> parameters = new EnumMap<>(Player.class);
        JsonNode players = reader.object(root, "parameters");
        for (Player player : Player.values()) {
            if (players.has(player.name())) {
                parameters.put(player, reader.matrices(players.get(player.name()),
                        "parameters." + player.name()));
            }
        }
        Map<Player, OptimizerState> optimizers = new EnumMap<>(Player.class);
        JsonNode states = reader.object(root, "optimizers");
        for (Player player : Player.values()) {
            if (states.has(player.name())) {
                JsonNode node = states.get(player.name());
                String where = "optimizers." + player.name();
                optimizers.put(player, new OptimizerState(reader.integer(node, "step", where),
                        reader.matrices(node.get("buffers"), where + ".buffers")));
            }
        }
        byte[] rng;
        try {
            rng = Base64.getDecoder().decode(root.path("rng").asText(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("checkpoint " + file + ": \"rng\" is not base64");
        }
        // Checkpoints written before the backend was recorded came from the Java kernels.
        String products = root.path("products").asText(ProductBackend.JAVA.label());
        return new Checkpoint(reader.integer(root, "step", "the top level"),
                reader.integer(root, "dataDimension", "the top level"), parameters,
                optimizers, rng, products);
    }

    /**
     * Copies the stored parameters into the live tensors, after checking that each shape
     * matches the model the options describe.
     */
    public void restoreInto(Path file, Player player, List<Tensor> live) {
        List<DMatrixRMaj> stored = parameters.getOrDefault(player, List.of());
        if (stored.size() != live.size()) {
            throw new InvalidInputException("checkpoint " + file + " holds " + stored.size()
                    + " parameter tensors for the " + name(player) + ", the model options give "
                    + live.size() + " (another architecture?)");
        }
        for (int i = 0; i < live.size(); i++) {
            DMatrixRMaj target = live.get(i).value();
            DMatrixRMaj source = stored.get(i);
            if (source.numRows != target.numRows || source.numCols != target.numCols) {
                throw new InvalidInputException("checkpoint " + file + ": the " + name(player)
                        + "'s parameter " + (i + 1) + " is " + source.numRows + "×"
                        + source.numCols + ", the model options give " + target.numRows + "×"
                        + target.numCols + " (another architecture?)");
            }
            target.setTo(source);
        }
    }

    private static String name(Player player) {
        return player.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ArrayNode matrices(List<DMatrixRMaj> values) {
        ArrayNode array = JSON.createArrayNode();
        for (DMatrixRMaj m : values) {
            ObjectNode node = array.addObject();
            node.put("rows", m.numRows);
            node.put("cols", m.numCols);
            ArrayNode data = node.putArray("data");
            for (int i = 0; i < m.getNumElements(); i++) {
                data.add(m.data[i]);
            }
        }
        return array;
    }

    /** Reads fields with messages that name the file and the field. */
    private record Reader(Path file) {

        JsonNode object(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isObject()) {
                throw missing(field, "an object");
            }
            return node;
        }

        int integer(JsonNode parent, String field, String where) {
            JsonNode node = parent.get(field);
            if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
                throw missing(where + "." + field, "an integer");
            }
            return node.intValue();
        }

        List<DMatrixRMaj> matrices(JsonNode node, String where) {
            if (node == null || !node.isArray()) {
                throw missing(where, "an array of matrices");
            }
            List<DMatrixRMaj> out = new ArrayList<>();
            for (int k = 0; k < node.size(); k++) {
                JsonNode m = node.get(k);
                String at = where + "[" + k + "]";
                int rows = integer(m, "rows", at);
                int cols = integer(m, "cols", at);
                JsonNode data = m.get("data");
                if (rows < 0 || cols < 0 || data == null || !data.isArray()
                        || data.size() != rows * cols) {
                    throw missing(at + ".data", rows + "×" + cols + " = " + (rows * cols)
                            + " numbers");
                }
                DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
                for (int i = 0; i < data.size(); i++) {
                    if (!data.get(i).isNumber()) {
                        throw missing(at + ".data[" + i + "]", "a number");
                    }
                    matrix.data[i] = data.get(i).doubleValue();
                }
                out.add(matrix);
            }
            return out;
        }

        private InvalidInputException missing(String field, String expected) {
            return new InvalidInputException("checkpoint " + file + ": \"" + field
                    + "\" is missing or malformed; expected " + expected);
        }
    }
}
