package kgan.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.data.DataException;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Linear;
import kgan.nn.Mlp;
import kgan.optim.Adam;
import kgan.data.AtomicFiles;

/**
 * An MLP autoencoder for images with pixels in [0, 1]: an encoder E : R^D → R^m
 * (ReLU hidden layers, linear output) and a decoder whose logits l = F(z) give the image
 * σ(l). It is trained by Adam on the binary cross-entropy
 * (1/(nD)) Σ_i Σ_k [softplus(l_ik) − x_ik l_ik] = −(1/(nD)) Σ x log σ(l) + (1 − x) log(1 − σ(l)),
 * written on the logits so that it stays finite when σ(l) saturates.
 *
 * <p>The kernel-guided game uses the encoder as its frozen feature map: kernels and witness
 * points live in the m-dimensional latent space, and witness points are shown as the images
 * the decoder makes of them.
 *
 * <p>Saved as a compact binary file: the magic "KGANAE", a format version, a description of
 * how it was trained (a later run reuses the file only when its description matches), the
 * layer shapes, every parameter as a big-endian double, and a CRC-32 of all that.
 */
public final class Autoencoder {

    private static final byte[] MAGIC = {'K', 'G', 'A', 'N', 'A', 'E'};
    private static final int VERSION = 1;

    private final Mlp encoder;
    private final Mlp decoder;
    private final String description;

    private Autoencoder(Mlp encoder, Mlp decoder, String description) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.description = description;
    }

    /**
     * A new, untrained autoencoder with layer widths D, hidden…, m for the encoder and the
     * reverse for the decoder, He-initialised from {@code rng}.
     */
    public static Autoencoder create(int inputs, List<Integer> hidden, int latent, Rng rng) {
        List<Integer> encoderWidths = new ArrayList<>();
        encoderWidths.add(inputs);
        encoderWidths.addAll(hidden);
        encoderWidths.add(latent);
        List<Integer> decoderWidths = new ArrayList<>(encoderWidths);
        java.util.Collections.reverse(decoderWidths);
        Init init = new Init.HeNormal();
        return new Autoencoder(
                new Mlp(encoderWidths, Activation.RELU, Activation.IDENTITY, init, rng),
                new Mlp(decoderWidths, Activation.RELU, Activation.IDENTITY, init, rng), "");
    }

    /** E, the encoder (the game's feature map). */
    public Mlp encoder() {
        return encoder;
    }

    /** How this autoencoder was trained, as saved with it. */
    public String description() {
        return description;
    }

    public int latentDim() {
        return encoder.widths().get(encoder.widths().size() - 1);
    }

    /** E(X) for the rows of X, building no graph. */
    public DMatrixRMaj encode(DMatrixRMaj x) {
        return Autodiff.noGrad(() -> encoder.forward(Tensor.constant(x))).value();
    }

    /** σ(F(Z)), the images decoded from latent points, pixels in (0, 1). */
    public DMatrixRMaj decode(DMatrixRMaj z) {
        return Autodiff.noGrad(() -> Ops.sigmoid(decoder.forward(Tensor.constant(z))))
                .value();
    }

    /** The mean binary cross-entropy per pixel of reconstructing the rows of X. */
    public Tensor reconstructionLoss(Tensor x) {
        Tensor logits = decoder.forward(encoder.forward(x));
        return Ops.mean(Ops.sub(Ops.softplus(logits), Ops.mul(x, logits)));
    }

    /** Receives the loss of each training step, for progress reports. */
    @FunctionalInterface
    public interface StepListener {
        void afterStep(int step, double loss);
    }

    /**
     * Trains on batches from {@code batches} for {@code steps} Adam steps (learning rate η,
     * β₁ = 0.9, β₂ = 0.999) and records {@code description} as how it was trained.
     */
    public Autoencoder train(java.util.function.Supplier<DMatrixRMaj> batches, int steps,
            double learningRate, String description, StepListener listener) {
        Adam adam = new Adam(learningRate, 0.9, 0.999, 1e-8);
        List<Tensor> parameters = parameters();
        for (int t = 1; t <= steps; t++) {
            Tensor loss = reconstructionLoss(Tensor.constant(batches.get()));
            List<Tensor> grads = Autodiff.grad(loss, parameters, false);
            List<DMatrixRMaj> descent = new ArrayList<>(grads.size());
            for (Tensor g : grads) {
                DMatrixRMaj v = g.value().copy();
                org.ejml.dense.row.CommonOps_DDRM.scale(-1.0, v);
                descent.add(v);
            }
            adam.step(parameters, descent);
            listener.afterStep(t, loss.item());
        }
        return new Autoencoder(encoder, decoder, description);
    }

    private List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>(encoder.parameters());
        all.addAll(decoder.parameters());
        return all;
    }

    // ----- the file -------------------------------------------------------------------------

    /** Writes the autoencoder atomically to {@code file}. */
    public void save(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(description);
            for (Mlp net : List.of(encoder, decoder)) {
                out.writeInt(net.layers().size());
                for (Linear layer : net.layers()) {
                    out.writeInt(layer.inputs());
                    out.writeInt(layer.outputs());
                }
            }
            for (Tensor p : parameters()) {
                DMatrixRMaj value = p.value();
                for (int i = 0; i < value.getNumElements(); i++) {
                    out.writeDouble(value.data[i]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the autoencoder", e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        long checksum = crc.getValue();
        AtomicFiles.write(file, out -> {
            bytes.writeTo(out);
            new DataOutputStream(out).writeLong(checksum);
        });
    }

    /**
     * Reads an autoencoder written by {@link #save}.
     *
     * @throws DataException naming the file when it is missing, not an autoencoder file,
     *     damaged (checksum) or cut short
     */
    public static Autoencoder load(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException("autoencoder file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new DataException("autoencoder file " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (all.length < MAGIC.length + 8
                || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new DataException("file " + file + " is not a kgan autoencoder (expected it "
                    + "to start with \"KGANAE\")");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new DataException("autoencoder file " + file + " is damaged: its CRC-32 "
                    + "does not match its content; delete it to retrain");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all,
                MAGIC.length, all.length - 8 - MAGIC.length))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new DataException("autoencoder file " + file + " has format version "
                        + version + "; expected " + VERSION);
            }
            String description = in.readUTF();
            int[][] encoderShapes = shapes(in);
            int[][] decoderShapes = shapes(in);
            Mlp encoder = new Mlp(layers(in, encoderShapes), Activation.RELU,
                    Activation.IDENTITY, 1.0);
            Mlp decoder = new Mlp(layers(in, decoderShapes), Activation.RELU,
                    Activation.IDENTITY, 1.0);
            if (in.available() != 0) {
                throw new DataException("autoencoder file " + file + " has " + in.available()
                        + " bytes more than its layers need");
            }
            return new Autoencoder(encoder, decoder, description);
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException("autoencoder file " + file + " is malformed: "
                    + e.getMessage(), e);
        }
    }

    private static int[][] shapes(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 1 || count > 64) {
            throw new IOException(count + " layers; expected 1 to 64");
        }
        int[][] shapes = new int[count][2];
        for (int k = 0; k < count; k++) {
            shapes[k][0] = in.readInt();
            shapes[k][1] = in.readInt();
            if (shapes[k][0] < 1 || shapes[k][1] < 1 || shapes[k][0] > 1 << 20
                    || shapes[k][1] > 1 << 20) {
                throw new IOException("layer " + (k + 1) + " of shape " + shapes[k][0] + "×"
                        + shapes[k][1]);
            }
        }
        return shapes;
    }

    private static List<Linear> layers(DataInputStream in, int[][] shapes) throws IOException {
        List<Linear> layers = new ArrayList<>();
        for (int[] shape : shapes) {
            DMatrixRMaj weight = new DMatrixRMaj(shape[0], shape[1]);
            DMatrixRMaj bias = new DMatrixRMaj(1, shape[1]);
            for (DMatrixRMaj m : List.of(weight, bias)) {
                for (int i = 0; i < m.getNumElements(); i++) {
                    m.data[i] = in.readDouble();
                }
            }
            layers.add(new Linear(Tensor.parameter(weight), Tensor.parameter(bias)));
        }
        return layers;
    }
}
