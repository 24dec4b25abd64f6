package io.gendict.cli.plot;

import io.gendict.core.experiment.rd.RateDistortionResult;
import io.gendict.core.experiment.rd.RateDistortionResult.Curve;
import io.gendict.core.experiment.rd.RateDistortionResult.CurvePoint;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Renders {@code rd.png}: PSNR (dB) against amortised bits per image (logarithmic axis), one curve
 * per lossy codec (mean over trials), and each lossless codec (PNG) as a dashed vertical line at
 * its size, since its PSNR is infinite.
 *
 * @since 0.1
 */
public final class RateDistortionPlot {
    /** Width of the image in pixels. */
    public static final int WIDTH = 900;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 600;

    private RateDistortionPlot() {
    }

    /**
     * @param result     the curves
     * @param generative the generative codecs' names, marked in the legend
     * @param trials     trials averaged, for the title
     * @return the PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] render(RateDistortionResult result, Set<String> generative, int trials) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("gendict rate-distortion: PSNR vs size (" + trials + (trials == 1 ? " trial)" : " trials, mean)"))
                .xAxisTitle("bits per image (file bytes · 8 / images, shared header counted once)")
                .yAxisTitle("PSNR (dB)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Curve c : result.curves()) {
            List<CurvePoint> lossy = c.points().stream().filter(p -> Double.isFinite(p.psnr())).toList();
            if (lossy.isEmpty()) {
                continue;
            }
            double[] x = lossy.stream().mapToDouble(CurvePoint::bitsPerImage).toArray();
            double[] y = lossy.stream().mapToDouble(CurvePoint::psnr).toArray();
            chart.addSeries(c.codec() + (generative.contains(c.codec()) ? " (generative)" : ""), x, y);
            for (double v : y) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        for (Curve c : result.curves()) {
            CurvePoint last = c.points().get(c.points().size() - 1);
            if (!Double.isFinite(last.psnr()) && Double.isFinite(low)) {
                XYSeries line = chart.addSeries(c.codec() + " (lossless)", new double[] {last.bitsPerImage(),
                    last.bitsPerImage()}, new double[] {low, high});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setLineColor(Color.BLACK);
            }
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
