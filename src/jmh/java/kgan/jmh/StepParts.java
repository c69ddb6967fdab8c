package kgan.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.kernel.GaussianKernel;
import kgan.kernel.Kernel;
import kgan.linalg.Dense;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Mlp;

/**
 * The parts of the ring protocol's training step at its shapes (batch 512, latent 256,
 * generator 256-128-128-2, discriminator 2-128-1, Gaussian kernel σ = 0.5): the products of
 * the generator's first layer forward and backward, the Gram matrices, and one forward and
 * backward pass of each network. Run with the jmh profile (see bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StepParts {

    private DMatrixRMaj latent;
    private DMatrixRMaj weight;
    private DMatrixRMaj upstream;
    private DMatrixRMaj data;
    private DMatrixRMaj generated;
    private Kernel kernel;
    private Mlp generator;
    private Mlp discriminator;

    @Setup
    public void setUp() {
        Rng rng = new Rng(1);
        latent = rng.gaussian(512, 256);
        weight = rng.gaussian(256, 128);
        upstream = rng.gaussian(512, 128);
        data = rng.gaussian(512, 2);
        generated = rng.gaussian(512, 2);
        kernel = new GaussianKernel(0.5);
        generator = new Mlp(List.of(256, 128, 128, 2), Activation.RELU, Activation.IDENTITY,
                new Init.Orthogonal(0.8), rng);
        discriminator = new Mlp(List.of(2, 128, 1), Activation.RELU, Activation.IDENTITY,
                0.25, new Init.Orthogonal(0.8), rng);
    }

    /** Z W: 512×256 by 256×128, the generator's first layer. */
    @Benchmark
    public DMatrixRMaj productForward() {
        return Dense.mult(latent, weight);
    }

    /** Zᵀ g: the first layer's weight gradient. */
    @Benchmark
    public DMatrixRMaj productTransA() {
        return Dense.multTransA(latent, upstream);
    }

    /** g Wᵀ: the gradient flowing into the first layer's input. */
    @Benchmark
    public DMatrixRMaj productTransB() {
        return Dense.multTransB(upstream, weight);
    }

    /** k(X, Y) for 512 data and 512 generated points, no graph. */
    @Benchmark
    public DMatrixRMaj gramCross() {
        return kernel.gram(data, generated);
    }

    /** k(Y, Y), the generated points' own Gram matrix, no graph. */
    @Benchmark
    public DMatrixRMaj gramSelf() {
        return kernel.gram(generated, generated);
    }

    /** ‖x_i − y_j‖² alone, 512×512. */
    @Benchmark
    public DMatrixRMaj squaredDistances() {
        return Ops.squaredDistances(data, generated);
    }

    /** Σ k(X, Y) differentiated in Y: the kernel term's forward and backward. */
    @Benchmark
    public List<Tensor> gramForwardBackward() {
        Tensor y = Tensor.parameter(generated);
        Tensor total = Ops.sum(kernel.gram(Tensor.constant(data), y));
        return Autodiff.grad(total, List.of(y), false);
    }

    /** G(Z) and the gradient of Σ G(Z) in θ. */
    @Benchmark
    public List<Tensor> generatorForwardBackward() {
        Tensor out = generator.forward(Tensor.constant(latent));
        return Autodiff.grad(Ops.sum(out), generator.parameters(), false);
    }

    /** D(X) and the gradient of Σ D(X) in ψ. */
    @Benchmark
    public List<Tensor> discriminatorForwardBackward() {
        Tensor out = discriminator.forward(Tensor.constant(data));
        return Autodiff.grad(Ops.sum(out), discriminator.parameters(), false);
    }
}
