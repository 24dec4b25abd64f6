package io.gendict.cli.plot;

import io.gendict.core.experiment.ExperimentResult;
import io.gendict.core.experiment.ExperimentResult.MethodSummary;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

import java.io.IOException;
import java.util.Arrays;

/**
 * Renders {@code error_vs_samples.png}: test error (logarithmic axis) against training samples, one line per method with ±1 std error bars over trials (a bar is shortened to 90% of
 * the mean where mean − std would not be positive, since a log axis cannot show it), and the
 * noisy-input error as a reference line.
 *
 * @since 0.1
 */
public final class ErrorCurvePlot {
    /** Width of the image in pixels. */
    public static final int WIDTH = 900;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 600;

    private ErrorCurvePlot() {
    }

    /**
     * @param result the experiment's rows
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] render(ExperimentResult result) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("gendict " + result.settings().name() + ": test error vs training samples ("
                        + result.settings().trials() + (result.settings().trials() == 1 ? " trial)" : " trials, mean ± std)"))
                .xAxisTitle("training samples").yAxisTitle("test error (mean ‖A·x̂ − clean‖)").build();
        XYStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        double noisy = Double.NaN;
        double[] lastX = null;
        for (MethodSummary m : result.summaries()) {
            double[] x = Arrays.stream(m.samples()).asDoubleStream().toArray();
            double[] y = m.meanError().clone();
            double[] bars = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                bars[i] = Math.min(m.stdError()[i], 0.9 * y[i]);
            }
            chart.addSeries(m.method(), x, y, bars);
            noisy = m.noisyError();
            lastX = x;
        }
        if (lastX != null && Double.isFinite(noisy) && noisy > 0) {
            double[] flat = new double[lastX.length];
            Arrays.fill(flat, noisy);
            chart.addSeries("noisy input", lastX, flat).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
