package kgan.dynamics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.game.Batch;
import kgan.game.Field;
import kgan.game.KernelGuidedGame;
import kgan.game.Player;

/**
 * The game's vector field F(z) on one fixed batch, over the stacked state
 * z = (ψ, θ, W) ∈ R^n as one flat vector: the discriminator's parameters, then the
 * generator's, then the learned witness points, each tensor row-major, in the order of
 * {@link KernelGuidedGame#parameters(Player)}. Every value comes from
 * {@link KernelGuidedGame#field}; this class only flattens it and differentiates it.
 *
 * <p>The state lives in the game's parameter tensors: {@link #set} writes into them, and
 * every evaluation reads them.
 */
public final class VectorField {

    private static final Set<Player> ALL = EnumSet.allOf(Player.class);

    private final KernelGuidedGame game;
    private final Batch batch;
    private final List<Tensor> parameters;
    private final int[] offsets;

    /** The field of {@code game} on {@code batch}; neither is copied. */
    public VectorField(KernelGuidedGame game, Batch batch) {
        this.game = game;
        this.batch = batch;
        List<Tensor> all = new ArrayList<>();
        offsets = new int[Player.values().length + 1];
        for (Player player : Player.values()) {
            offsets[player.ordinal()] = count(all);
            all.addAll(game.parameters(player));
        }
        offsets[Player.values().length] = count(all);
        parameters = Collections.unmodifiableList(all);
    }

    public KernelGuidedGame game() {
        return game;
    }

    public Batch batch() {
        return batch;
    }

    /** n = dim z. */
    public int dimension() {
        return offsets[offsets.length - 1];
    }

    /** Where {@code player}'s coordinates start in z. */
    public int offset(Player player) {
        return offsets[player.ordinal()];
    }

    /** How many coordinates of z belong to {@code player}. */
    public int size(Player player) {
        return offsets[player.ordinal() + 1] - offsets[player.ordinal()];
    }

    /** The parameter tensors in the order of z. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** The current state z (a copy). */
    public double[] state() {
        double[] z = new double[dimension()];
        int at = 0;
        for (Tensor p : parameters) {
            DMatrixRMaj v = p.value();
            int size = v.getNumElements();
            System.arraycopy(v.data, 0, z, at, size);
            at += size;
        }
        return z;
    }

    /** Writes z into the game's parameters. {@code z}: not modified. */
    public void set(double[] z) {
        requireDimension("state", z);
        int at = 0;
        for (Tensor p : parameters) {
            DMatrixRMaj v = p.value();
            int size = v.getNumElements();
            System.arraycopy(z, at, v.data, 0, size);
            at += size;
        }
    }

    /** F(z) at the current state. */
    public double[] value() {
        return value(ALL);
    }

    /** F(z) after setting the state to z. */
    public double[] value(double[] z) {
        set(z);
        return value();
    }

    /**
     * The components of F(z) of the given players at the current state, zero for the
     * others: what an alternating scheme moves each player along.
     */
    public double[] value(Set<Player> players) {
        Field field = game.field(batch, players, false);
        double[] f = new double[dimension()];
        for (Player player : players) {
            int at = offset(player);
            for (Tensor v : field.of(player)) {
                DMatrixRMaj m = v.value();
                int size = m.getNumElements();
                System.arraycopy(m.data, 0, f, at, size);
                at += size;
            }
        }
        return f;
    }

    /**
     * The exact Jacobian J_ij = ∂F_i/∂z_j at the current state, by reverse over reverse:
     * the field is evaluated once as a differentiable graph, then row i is the gradient of
     * F_i, one backward pass with the seed e_i on the velocity tensor holding F_i.
     */
    public DMatrixRMaj jacobian() {
        int n = dimension();
        DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
        List<Tensor> velocity = velocityGraph();
        int row = 0;
        for (Tensor v : velocity) {
            DMatrixRMaj seed = new DMatrixRMaj(v.rows(), v.cols());
            for (int e = 0; e < seed.getNumElements(); e++, row++) {
                if (!v.requiresGrad()) {
                    continue;
                }
                seed.data[e] = 1.0;
                List<Tensor> grads = Autodiff.grad(v, Tensor.constant(seed), parameters, false);
                seed.data[e] = 0.0;
                copyInto(grads, jacobian.data, row * n);
            }
        }
        return jacobian;
    }

    /**
     * J at the current state as a linear map, for methods that need only products with it
     * (Arnoldi). Products read the state at the time of this call; changing the state
     * afterwards does not change the map.
     */
    public Linearisation linearise() {
        return new Linearisation(velocityGraph());
    }

    /**
     * The linearisation of F at one state: u ↦ Jᵀ u by one backward pass through F, and
     * v ↦ J v by differentiating that backward pass with respect to its seed:
     * J v = ∇_u ⟨Jᵀ u, v⟩, which is linear in u, so the seed's value does not matter.
     */
    public final class Linearisation implements Arnoldi.Operator {

        private final List<Tensor> velocity;
        private final List<Tensor> seeds = new ArrayList<>();
        private final List<Tensor> transposedProduct;

        private Linearisation(List<Tensor> velocity) {
            this.velocity = velocity;
            Tensor pairing = Tensor.scalar(0.0);
            for (Tensor v : velocity) {
                Tensor u = Tensor.parameter(new DMatrixRMaj(v.rows(), v.cols()));
                seeds.add(u);
                pairing = Ops.add(pairing, Ops.sum(Ops.mul(v, u)));
            }
            transposedProduct = Autodiff.grad(pairing, parameters, true);
        }

        @Override
        public int dimension() {
            return VectorField.this.dimension();
        }

        /** J v. {@code v}: not modified. */
        @Override
        public double[] apply(double[] v) {
            requireDimension("vector", v);
            Tensor pairing = Tensor.scalar(0.0);
            int at = 0;
            for (Tensor g : transposedProduct) {
                DMatrixRMaj slice = new DMatrixRMaj(g.rows(), g.cols());
                System.arraycopy(v, at, slice.data, 0, slice.getNumElements());
                at += slice.getNumElements();
                pairing = Ops.add(pairing, Ops.sum(Ops.mul(g, Tensor.constant(slice))));
            }
            double[] out = new double[dimension()];
            copyInto(Autodiff.grad(pairing, seeds, false), out, 0);
            return out;
        }

        /** Jᵀ u. {@code u}: not modified. */
        public double[] applyTransposed(double[] u) {
            requireDimension("vector", u);
            Tensor pairing = Tensor.scalar(0.0);
            int at = 0;
            for (Tensor v : velocity) {
                DMatrixRMaj slice = new DMatrixRMaj(v.rows(), v.cols());
                System.arraycopy(u, at, slice.data, 0, slice.getNumElements());
                at += slice.getNumElements();
                pairing = Ops.add(pairing, Ops.sum(Ops.mul(v, Tensor.constant(slice))));
            }
            double[] out = new double[dimension()];
            copyInto(Autodiff.grad(pairing, parameters, false), out, 0);
            return out;
        }
    }

    /** The velocity tensors of F in the order of z, as a differentiable graph. */
    private List<Tensor> velocityGraph() {
        Field field = game.field(batch, ALL, true);
        List<Tensor> velocity = new ArrayList<>();
        for (Player player : Player.values()) {
            velocity.addAll(field.of(player));
        }
        return velocity;
    }

    private static void copyInto(List<Tensor> tensors, double[] out, int at) {
        for (Tensor t : tensors) {
            DMatrixRMaj m = t.value();
            int size = m.getNumElements();
            System.arraycopy(m.data, 0, out, at, size);
            at += size;
        }
    }

    private void requireDimension(String what, double[] z) {
        if (z.length != dimension()) {
            throw new IllegalArgumentException("vector field: a " + what + " of length "
                    + z.length + " for a state of dimension " + dimension());
        }
    }

    private static int count(List<Tensor> tensors) {
        int n = 0;
        for (Tensor t : tensors) {
            n += t.value().getNumElements();
        }
        return n;
    }
}
