package kgan.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import kgan.dynamics.DiracGan;
import kgan.dynamics.Flow;
import kgan.dynamics.VectorField;
import kgan.game.GanLoss;
import kgan.game.Player;
import kgan.plot.LinePlot;
import kgan.plot.Png;
import kgan.data.AtomicFiles;
import kgan.train.TrainConfig;

/**
 * Figures of the Dirac-GAN (proofs/dirac-gan.md) drawn from its flow ż = F(z), integrated
 * with the classical Runge–Kutta scheme of {@link Flow#rk4}:
 *
 * <ul>
 * <li>trajectories.png: trajectories in the (θ, ψ) plane from four starts, for the standard,
 * non-saturating and Wasserstein losses, unguided (λ_g = λ_l = 0) and guided;
 * <li>rates.png and rates.csv: the convergence rate against λ_g (λ_l = 0), measured as the
 * slope of log ‖(ψ, θ)‖ over the second half of a trajectory that starts near the equilibrium,
 * beside the closed-form spectral abscissa max Re μ over the eigenvalues
 * (−a ± √(a² − 4f'(0)²))/2, a = 2λ_g/σ².
 * </ul>
 */
public final class DiracFigures {

    /** The losses compared. */
    static final List<GanLoss> LOSSES = List.of(GanLoss.STANDARD, GanLoss.NON_SATURATING,
            GanLoss.WASSERSTEIN);

    private static final double[][] STARTS = {{1, 0}, {0, 1}, {-0.7, -0.7}, {0.5, -1}};
    private static final double NEAR = 1e-3;

    private final double bandwidth;
    private final double witness;
    private final double guidedLambdaGlobal;
    private final double guidedLambdaLocal;
    private final double step;
    private final double horizon;

    /**
     * @param bandwidth          σ of the Gaussian kernel
     * @param witness            the witness point's start v
     * @param guidedLambdaGlobal λ_g of the guided trajectories
     * @param guidedLambdaLocal  λ_l of the guided trajectories
     * @param step               h of the Runge–Kutta scheme
     * @param horizon            T, the time each trajectory runs
     */
    public DiracFigures(double bandwidth, double witness, double guidedLambdaGlobal,
            double guidedLambdaLocal, double step, double horizon) {
        this.bandwidth = bandwidth;
        this.witness = witness;
        this.guidedLambdaGlobal = guidedLambdaGlobal;
        this.guidedLambdaLocal = guidedLambdaLocal;
        this.step = step;
        this.horizon = horizon;
    }

    private int steps() {
        return (int) Math.ceil(horizon / step);
    }

    /** The trajectory of the flow from (ψ, θ) = start, the witness at v; rows z_k. */
    double[][] trajectory(GanLoss loss, double lambdaGlobal, double lambdaLocal,
            double psi, double theta) {
        VectorField field = DiracGan.field(loss, lambdaGlobal, lambdaLocal, bandwidth, witness,
                psi, theta);
        return Flow.rk4(field, field.state(), step, steps());
    }

    /** Writes trajectories.png: rows the losses, columns unguided and guided. */
    public void writeTrajectories(Path file) {
        List<XYChart> charts = new ArrayList<>();
        int psi = DiracGan.field(GanLoss.STANDARD, 0, 0, bandwidth, witness)
                .offset(Player.DISCRIMINATOR);
        int theta = DiracGan.field(GanLoss.STANDARD, 0, 0, bandwidth, witness)
                .offset(Player.GENERATOR);
        for (GanLoss loss : LOSSES) {
            for (boolean guided : new boolean[] {false, true}) {
                double lg = guided ? guidedLambdaGlobal : 0;
                double ll = guided ? guidedLambdaLocal : 0;
                LinePlot plot = new LinePlot(420, 380).xLabel("θ").yLabel("ψ")
                        .title(String.format(Locale.ROOT, "%s, λ_g = %s, λ_l = %s", name(loss), lg,
                                ll));
                for (int s = 0; s < STARTS.length; s++) {
                    double[][] path = trajectory(loss, lg, ll, STARTS[s][1], STARTS[s][0]);
                    double[] x = new double[path.length];
                    double[] y = new double[path.length];
                    for (int k = 0; k < path.length; k++) {
                        x[k] = path[k][theta];
                        y[k] = path[k][psi];
                    }
                    plot.add(String.format(Locale.ROOT, "from (%s, %s)", STARTS[s][0],
                            STARTS[s][1]), x, y);
                }
                XYChart chart = plot.chart();
                // Thousands of points per path: a line without markers.
                chart.getSeriesMap().values().forEach(x -> x.setMarker(SeriesMarkers.NONE));
                charts.add(chart);
            }
        }
        Png.writePanel(charts, LOSSES.size(), 2, file);
    }

    /**
     * The rate r of ‖(ψ, θ)(t)‖ ~ e^{rt}: the least-squares slope of log ‖(ψ, θ)‖ against t
     * over the second half of the trajectory from (0, 10⁻³), where the slowest mode
     * dominates. The start is small so the flow stays in its linear regime.
     */
    double measuredRate(GanLoss loss, double lambdaGlobal) {
        double[][] path = trajectory(loss, lambdaGlobal, 0, 0, NEAR);
        VectorField shape = DiracGan.field(loss, 0, 0, bandwidth, witness);
        int psi = shape.offset(Player.DISCRIMINATOR);
        int theta = shape.offset(Player.GENERATOR);
        double st = 0;
        double sy = 0;
        double stt = 0;
        double sty = 0;
        int n = 0;
        for (int k = path.length / 2; k < path.length; k++) {
            double norm = Math.hypot(path[k][psi], path[k][theta]);
            // Below 1e-250 the logarithm nears the end of the double range; such a run has
            // long since shown its rate.
            if (!(norm > 1e-250)) {
                break;
            }
            double t = k * step;
            double y = Math.log(norm);
            st += t;
            sy += y;
            stt += t * t;
            sty += t * y;
            n++;
        }
        return n < 2 ? Double.NaN : (n * sty - st * sy) / (n * stt - st * st);
    }

    /** max Re μ over the two eigenvalues of the (ψ, θ) block, in closed form. */
    double closedFormRate(GanLoss loss, double lambdaGlobal) {
        double[][] mu = DiracGan.eigenvalues(loss, lambdaGlobal, 0, bandwidth, witness);
        return Math.max(mu[1][0], mu[2][0]);
    }

    /** Writes rates.csv and rates.png over the given λ_g; returns a Markdown table. */
    public String writeRates(Path csvFile, Path pngFile, double[] lambdas) {
        StringBuilder csv = new StringBuilder("loss,lambda_global,measured_rate,"
                + "closed_form_rate\n");
        StringBuilder md = new StringBuilder("| loss | λ_g | measured rate | closed-form "
                + "abscissa |\n|---|---|---|---|\n");
        LinePlot plot = new LinePlot(640, 400).xLabel("λ_g").yLabel("rate (max Re μ)")
                .title(String.format(Locale.ROOT, "Dirac-GAN convergence rate, σ = %s, "
                        + "RK4 h = %s, T = %s", bandwidth, step, horizon));
        for (GanLoss loss : LOSSES) {
            double[] measured = new double[lambdas.length];
            double[] closed = new double[lambdas.length];
            for (int i = 0; i < lambdas.length; i++) {
                measured[i] = measuredRate(loss, lambdas[i]);
                closed[i] = closedFormRate(loss, lambdas[i]);
                csv.append(name(loss)).append(',').append(lambdas[i]).append(',')
                        .append(measured[i]).append(',').append(closed[i]).append('\n');
                md.append(String.format(Locale.ROOT, "| %s | %s | %.5f | %.5f |%n", name(loss),
                        lambdas[i], measured[i], closed[i]));
            }
            plot.add(name(loss) + ", closed form", lambdas, closed);
            plot.add(name(loss) + ", measured", lambdas, measured);
        }
        AtomicFiles.writeString(csvFile, csv.toString());
        plot.write(pngFile);
        return md.toString();
    }

    private static String name(GanLoss loss) {
        return TrainConfig.cliName(loss);
    }

    /** Writes every figure and table into {@code out}; returns the Markdown of the rates. */
    public String write(Path out, double[] lambdas) {
        writeTrajectories(out.resolve("trajectories.png"));
        String table = writeRates(out.resolve("rates.csv"), out.resolve("rates.png"),
                lambdas);
        AtomicFiles.writeString(out.resolve("dirac.md"), "# Dirac-GAN flows\n\n"
                + "![trajectories, unguided and guided](trajectories.png)\n\n"
                + "Convergence rate against λ_g (λ_l = 0), measured from trajectories "
                + "and in closed form:\n\n" + table + "\n![rates](rates.png)\n");
        return table;
    }
}
