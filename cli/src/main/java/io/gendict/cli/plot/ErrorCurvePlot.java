package io.gendict.cli.plot;

import io.gendict.core.experiment.ExperimentResult;
import io.gendict.core.eval.Spread;
import io.gendict.core.experiment.ExperimentResult.MethodSummary;
import io.gendict.core.experiment.ExperimentResult.ReferenceSummary;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.util.Arrays;

/**
 * Renders {@code error_vs_samples.png}: test error (logarithmic axis) against training samples, one
 * line per method (mean over trials) with error bars of the 95% Student-t confidence interval of the
 * mean (none with one trial; a bar is shortened to 90% of the mean where it would reach zero, since
 * a log axis cannot show it), and each reference line (noisy input; for synthetic data A* with the
 * fast decoder and A* with the true latents) as a dashed horizontal line at its mean over trials.
 *
 * @since 0.1
 */
public final class ErrorCurvePlot {
    /** Width of the image in pixels. */
    public static final int WIDTH = 900;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 600;

    /** Reference lines in greys, by {@link io.gendict.core.experiment.ReferenceLine} ordinal, apart from the methods' colours. */
    private static final Color[] REFERENCE_COLORS = {Color.BLACK, Color.DARK_GRAY, Color.GRAY};

    private ErrorCurvePlot() {
    }

    /**
     * @param result the experiment's rows
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] render(ExperimentResult result) throws IOException {
        int trials = result.settings().trials();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("gendict " + result.settings().name() + ": test error vs training samples ("
                        + trials + (trials == 1 ? " trial)" : " trials, mean, bars: 95% CI)"))
                .xAxisTitle("training samples").yAxisTitle("test error (mean ‖A·x̂ − clean‖)").build();
        XYStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        double[] lastX = null;
        for (MethodSummary m : result.summaries()) {
            double[] x = Arrays.stream(m.samples()).asDoubleStream().toArray();
            double[] y = Arrays.stream(m.curve()).mapToDouble(Spread::mean).toArray();
            double[] bars = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double half = m.curve()[i].halfWidth();
                bars[i] = Double.isFinite(half) ? Math.min(half, 0.9 * y[i]) : 0;
            }
            chart.addSeries(m.method(), x, y, bars);
            lastX = x;
        }
        for (ReferenceSummary r : result.referenceSummaries()) {
            double level = r.spread().mean();
            if (lastX != null && Double.isFinite(level) && level > 0) {
                double[] flat = new double[lastX.length];
                Arrays.fill(flat, level);
                XYSeries line = chart.addSeries(r.line().legend(), lastX, flat);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setLineColor(REFERENCE_COLORS[r.line().ordinal()]);
            }
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
