package kgan.game;

import static kgan.autodiff.Ops.add;
import static kgan.autodiff.Ops.mean;
import static kgan.autodiff.Ops.mulRowsBy;
import static kgan.autodiff.Ops.oneMinus;
import static kgan.autodiff.Ops.plus;
import static kgan.autodiff.Ops.rowSums;
import static kgan.autodiff.Ops.scale;
import static kgan.autodiff.Ops.sqrt;
import static kgan.autodiff.Ops.square;
import static kgan.autodiff.Ops.sub;
import static kgan.autodiff.Ops.sum;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Tensor;
import kgan.kernel.Discrepancy;
import kgan.kernel.Grams;
import kgan.nn.Network;

/**
 * The kernel-guided game of Mehrjou, Jitkrittum, Muandet and Schölkopf, "Kernel-Guided
 * Training of Implicit Generative Models with Stability Guarantees": a discriminator D_ψ
 * ascending the GAN value V, a generator G_θ descending
 * L_G = L_GAN + λ_g MMD²(P, Q_θ) + λ_l Λ(P, Q_θ; W), and witness points W ascending Λ.
 *
 * <p>Its vector field F(z) = (∇_ψ V, −∇_θ L_G, η ∇_W Λ) over the stacked state
 * z = (ψ, θ, W) is the one definition of the training dynamics: trainers step along it and
 * the stability analysis differentiates it (evaluate it with {@code createGraph}).
 */
public final class KernelGuidedGame {

    private final GameSpec spec;
    private final Network discriminator;
    private final Network generator;
    private final Witnesses witnesses;
    private final Network featureMap;

    public KernelGuidedGame(GameSpec spec, Network discriminator, Network generator,
            Witnesses witnesses) {
        this(spec, discriminator, generator, witnesses, null);
    }

    /**
     * A game whose kernel terms compare features: MMD², the witness and Λ are computed on
     * φ(x) and φ(G(z)) for a frozen feature map φ (e.g. an autoencoder's encoder), so the
     * witness points live in φ's output space. φ belongs to no player: nothing moves it, and
     * the generator's gradient flows through it. Null φ is the identity.
     */
    public KernelGuidedGame(GameSpec spec, Network discriminator, Network generator,
            Witnesses witnesses, Network featureMap) {
        this.spec = spec;
        this.discriminator = discriminator;
        this.generator = generator;
        this.witnesses = witnesses;
        this.featureMap = featureMap;
    }

    public GameSpec spec() {
        return spec;
    }

    public Network discriminator() {
        return discriminator;
    }

    public Network generator() {
        return generator;
    }

    public Witnesses witnesses() {
        return witnesses;
    }

    /** φ, the frozen feature map of the kernel terms; null for none (the identity). */
    public Network featureMap() {
        return featureMap;
    }

    /** One player's parameters: ψ, θ or the learned witness points. */
    public List<Tensor> parameters(Player player) {
        return switch (player) {
            case DISCRIMINATOR -> discriminator.parameters();
            case GENERATOR -> generator.parameters();
            case WITNESSES -> witnesses.parameters();
        };
    }

    /**
     * The batch with G(z) computed once, graph and all, so that evaluations of the field on
     * it share one forward pass of the generator. It stays valid only while θ is unchanged:
     * the discriminator's step may come between two such evaluations, the generator's may not.
     */
    public Batch generate(Batch batch) {
        return batch.withGenerated(generator.forward(batch.latent()));
    }

    /**
     * F(z) for the players asked for, at the current parameters and the given batch.
     * With {@code createGraph} the velocities are differentiable in every parameter.
     */
    public Field field(Batch batch, Set<Player> players, boolean createGraph) {
        Tensor data = batch.data();
        boolean throughGenerator = createGraph || players.contains(Player.GENERATOR);
        Tensor generated = batch.generated();
        if (generated == null) {
            generated = throughGenerator
                    ? generator.forward(batch.latent())
                    : Autodiff.noGrad(() -> generator.forward(batch.latent()));
        } else if (throughGenerator && Autodiff.isRecording() && !generated.requiresGrad()
                && !generator.parameters().isEmpty()) {
            throw new IllegalArgumentException("field: the batch's generated points carry no "
                    + "graph, so no gradient could reach the generator; make them with "
                    + "generate(batch) outside noGrad");
        }
        Tensor fakeLogits = discriminator.forward(generated);
        Map<Player, List<Tensor>> velocity = new EnumMap<>(Player.class);

        double discriminatorValue = Double.NaN;
        if (players.contains(Player.DISCRIMINATOR)) {
            Tensor realLogits = discriminator.forward(data);
            Tensor objective = spec.loss().discriminatorObjective(realLogits, fakeLogits);
            if (spec.gradientPenalty() > 0) {
                objective = sub(objective, scale(gradientPenalty(data, generated,
                        batch.mixing()), spec.gradientPenalty()));
            }
            discriminatorValue = objective.item();
            velocity.put(Player.DISCRIMINATOR, Autodiff.grad(objective,
                    parameters(Player.DISCRIMINATOR), createGraph));
        }

        double adversarialValue = Double.NaN;
        double mmd2Value = Double.NaN;
        double localValue = Double.NaN;
        double generatorValue = Double.NaN;
        Tensor local = null;
        // φ is frozen and the data constant, so φ(data) needs no graph.
        Tensor dataFeatures = featureMap == null ? data
                : Autodiff.noGrad(() -> featureMap.forward(data));
        Tensor generatedFeatures = featureMap == null ? generated
                : featureMap.forward(generated);
        Grams grams = witnesses.count() > 0
                ? Grams.of(spec.kernel(), dataFeatures, generatedFeatures, witnesses.points())
                : Grams.of(spec.kernel(), dataFeatures, generatedFeatures);
        boolean wantWitnesses = players.contains(Player.WITNESSES)
                && !witnesses.parameters().isEmpty();
        if (spec.lambdaLocal() > 0 || wantWitnesses) {
            local = localDiscrepancy(grams);
            localValue = local.item();
        }
        if (players.contains(Player.GENERATOR)) {
            Tensor adversarial = spec.loss().generatorLoss(fakeLogits);
            adversarialValue = adversarial.item();
            Tensor loss = adversarial;
            if (spec.lambdaGlobal() > 0) {
                Tensor mmd2 = spec.unbiasedMmd()
                        ? Discrepancy.mmd2Unbiased(grams)
                        : Discrepancy.mmd2Biased(grams);
                mmd2Value = mmd2.item();
                loss = add(loss, scale(mmd2, spec.lambdaGlobal()));
            }
            if (spec.lambdaLocal() > 0) {
                loss = add(loss, scale(local, spec.lambdaLocal()));
            }
            if (spec.gradientNormPenalty() > 0) {
                loss = add(loss, scale(discriminatorGradientNorm(data, fakeLogits),
                        spec.gradientNormPenalty()));
            }
            generatorValue = loss.item();
            velocity.put(Player.GENERATOR, negate(Autodiff.grad(loss,
                    parameters(Player.GENERATOR), createGraph)));
        }

        if (players.contains(Player.WITNESSES)) {
            List<Tensor> ascent = wantWitnesses
                    ? Autodiff.grad(local, witnesses.parameters(), createGraph)
                    : List.of();
            velocity.put(Player.WITNESSES, scaleAll(ascent, spec.witnessRate()));
        }
        return new Field(velocity, new Objectives(discriminatorValue, adversarialValue,
                mmd2Value, localValue, generatorValue));
    }

    /** Λ(P, Q_θ; W) on the batch, plain or normalised as the spec says. */
    private Tensor localDiscrepancy(Grams grams) {
        return spec.normalisedLocal()
                ? Discrepancy.normalisedLocalDiscrepancy(grams, witnesses.weights(),
                        spec.normalisationGamma())
                : Discrepancy.localDiscrepancy(grams, witnesses.weights());
    }

    /**
     * The WGAN-GP penalty E (‖∇_x D(x̂)‖ − 1)² at x̂ = ε x + (1 − ε) G(z), the generated
     * points held fixed (Gulrajani et al. 2017). The 1e-12 under the root keeps its
     * gradient finite where ∇_x D vanishes.
     */
    private Tensor gradientPenalty(Tensor data, Tensor generated, Tensor mixing) {
        if (mixing == null) {
            throw new IllegalArgumentException("the gradient penalty needs the batch's "
                    + "mixing weights");
        }
        Tensor between = add(mulRowsBy(data, mixing),
                mulRowsBy(generated.detach(), oneMinus(mixing)));
        Tensor points = Tensor.parameter(between.value());
        Tensor logits = discriminator.forward(points);
        Tensor slope = Autodiff.grad(sum(logits), List.of(points), true).get(0);
        Tensor norms = sqrt(plus(rowSums(square(slope)), 1e-12));
        return mean(square(plus(norms, -1.0)));
    }

    /**
     * ‖∇_ψ V‖² for the generator's loss (Nagarajan and Kolter 2017), with V the loss's
     * value on the batch, differentiable in θ through the generated points.
     */
    private Tensor discriminatorGradientNorm(Tensor data, Tensor fakeLogits) {
        Tensor value = spec.loss().discriminatorObjective(discriminator.forward(data),
                fakeLogits);
        Tensor total = Tensor.scalar(0.0);
        for (Tensor g : Autodiff.grad(value, discriminator.parameters(), true)) {
            total = add(total, sum(square(g)));
        }
        return total;
    }

    private static List<Tensor> negate(List<Tensor> tensors) {
        return scaleAll(tensors, -1.0);
    }

    private static List<Tensor> scaleAll(List<Tensor> tensors, double alpha) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            out.add(alpha == 1.0 ? t : scale(t, alpha));
        }
        return out;
    }
}
