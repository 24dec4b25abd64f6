package io.gendict.core.experiment.rd;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The operating points of a rate-distortion run averaged over trials into one curve per codec, and
 * what they say: the bits per image each codec needs for a PSNR, and over which sizes the
 * generative codec is the best of all. Curves compare by their upper envelope: at a size R, a codec
 * offers the best PSNR of its points of at most R bits per image.
 *
 * @since 0.1
 */
public final class RateDistortionResult {
    /** Header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "codec,setting,trial,images,bytes,header_bytes,file_bytes,bits_per_image,"
            + "file_bits_per_image,psnr_db,mean_distance";

    /**
     * One setting of a codec, averaged over trials.
     *
     * @param setting          e.g. {@code bits:4}
     * @param bitsPerImage     mean amortised bits per image
     * @param fileBitsPerImage mean bits per image of the files as written
     * @param headerBytes      mean shared header bytes
     * @param psnr             mean PSNR in dB (+∞ for lossless)
     * @param meanDistance     mean of the paper's metric
     */
    public record CurvePoint(String setting, double bitsPerImage, double fileBitsPerImage, double headerBytes,
                             double psnr, double meanDistance) {
    }

    /**
     * @param codec  the codec's name
     * @param points its settings in order of size
     */
    public record Curve(String codec, List<CurvePoint> points) {
        /**
         * @param bits a size in bits per image
         * @return the best PSNR of the points of at most that size, −∞ when there is none
         */
        public double envelope(double bits) {
            double best = Double.NEGATIVE_INFINITY;
            for (CurvePoint p : points) {
                if (p.bitsPerImage() <= bits) {
                    best = Math.max(best, p.psnr());
                }
            }
            return best;
        }

        /**
         * @param psnr a PSNR in dB
         * @return the bits per image at which the envelope first reaches it, interpolated linearly
         *         between the point before and the first point reaching it; NaN when none does
         */
        public double bitsFor(double psnr) {
            CurvePoint before = null;
            for (CurvePoint p : points) {
                if (p.psnr() >= psnr) {
                    if (before == null || !Double.isFinite(p.psnr())) {
                        return p.bitsPerImage();
                    }
                    double t = (psnr - before.psnr()) / (p.psnr() - before.psnr());
                    return before.bitsPerImage() + t * (p.bitsPerImage() - before.bitsPerImage());
                }
                if (before == null || p.psnr() > before.psnr()) {
                    before = p;
                }
            }
            return Double.NaN;
        }
    }

    private final List<RatePoint> points;
    private final List<Curve> curves;
    private final Set<String> generative;

    /**
     * @param points     every operating point of every trial
     * @param generative the names of the generative codecs (the others are compared against them)
     */
    public RateDistortionResult(List<RatePoint> points, Set<String> generative) {
        this.points = List.copyOf(points);
        this.generative = Set.copyOf(generative);
        Map<String, Map<String, List<RatePoint>>> grouped = new LinkedHashMap<>();
        for (RatePoint p : points) {
            grouped.computeIfAbsent(p.codec(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(p.setting(), k -> new ArrayList<>()).add(p);
        }
        List<Curve> out = new ArrayList<>();
        grouped.forEach((codec, settings) -> {
            List<CurvePoint> curve = new ArrayList<>();
            settings.forEach((setting, runs) -> curve.add(new CurvePoint(setting,
                    mean(runs, RatePoint::bitsPerImage), mean(runs, RatePoint::fileBitsPerImage),
                    mean(runs, RatePoint::headerBytes), mean(runs, RatePoint::psnr), mean(runs, RatePoint::meanDistance))));
            curve.sort(Comparator.comparingDouble(CurvePoint::bitsPerImage));
            out.add(new Curve(codec, List.copyOf(curve)));
        });
        this.curves = List.copyOf(out);
    }

    /** @return one curve per codec, in the order the codecs ran */
    public List<Curve> curves() {
        return curves;
    }

    /** @return every operating point, one CSV row each ({@link #CSV_HEADER}); PSNR {@code inf} when lossless */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (RatePoint p : points) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%.6f,%.6f,%s,%.10g%n", p.codec(), p.setting(),
                    p.trial(), p.images(), p.bytes(), p.headerBytes(), p.fileBytes(), p.bitsPerImage(),
                    p.fileBitsPerImage(), Double.isFinite(p.psnr()) ? String.format(Locale.ROOT, "%.6f", p.psnr()) : "inf",
                    p.meanDistance()));
        }
        return sb.toString();
    }

    /**
     * @param below a size in bits per image
     * @return the sizes (every point's, below {@code below}) at which a generative codec's envelope
     *         is above every other codec's, as [from, to] runs of consecutive sizes
     */
    public List<double[]> generativeDominates(double below) {
        List<Double> sizes = new ArrayList<>();
        for (Curve c : curves) {
            for (CurvePoint p : c.points()) {
                if (p.bitsPerImage() < below) {
                    sizes.add(p.bitsPerImage());
                }
            }
        }
        sizes.sort(null);
        List<double[]> runs = new ArrayList<>();
        double[] run = null;
        for (double r : sizes) {
            double best = Double.NEGATIVE_INFINITY;
            double others = Double.NEGATIVE_INFINITY;
            for (Curve c : curves) {
                if (generative.contains(c.codec())) {
                    best = Math.max(best, c.envelope(r));
                } else {
                    others = Math.max(others, c.envelope(r));
                }
            }
            if (best > others) {
                if (run == null) {
                    run = new double[] {r, r};
                    runs.add(run);
                }
                run[1] = r;
            } else {
                run = null;
            }
        }
        return runs;
    }

    /**
     * @param provenance the provenance object
     * @param targets    PSNRs in dB to report the needed bits for
     * @param goalBits   the size below which the generative codec's dominance is checked
     * @return summary.json: provenance, per codec its curve and the bits per image for each target
     *         (null when never reached), and where the generative codecs dominate
     */
    public String toSummaryJson(Map<String, Object> provenance, List<Double> targets, double goalBits) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provenance", provenance);
        Map<String, Object> codecs = new LinkedHashMap<>();
        for (Curve c : curves) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("generative", generative.contains(c.codec()));
            Map<String, Object> needs = new LinkedHashMap<>();
            for (double t : targets) {
                double bits = c.bitsFor(t);
                needs.put(String.format(Locale.ROOT, "psnr_%.0f_db", t), Double.isNaN(bits) ? null : bits);
            }
            m.put("bits_per_image_for", needs);
            List<Map<String, Object>> pts = new ArrayList<>();
            for (CurvePoint p : c.points()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("setting", p.setting());
                q.put("bits_per_image", p.bitsPerImage());
                q.put("file_bits_per_image", p.fileBitsPerImage());
                q.put("header_bytes", p.headerBytes());
                q.put("psnr_db", Double.isFinite(p.psnr()) ? p.psnr() : null);
                q.put("lossless", !Double.isFinite(p.psnr()));
                q.put("mean_distance", p.meanDistance());
                pts.add(q);
            }
            m.put("points", pts);
            codecs.put(c.codec(), m);
        }
        root.put("codecs", codecs);
        Map<String, Object> dominance = new LinkedHashMap<>();
        dominance.put("below_bits_per_image", goalBits);
        dominance.put("generative_best_at_bits_per_image", generativeDominates(goalBits));
        dominance.put("how", "at each codec's point size R below the limit, a generative codec's best PSNR at ≤ R bits "
                + "per image against every other codec's; runs of consecutive sizes where it is higher");
        root.put("generative_dominance", dominance);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root);
    }

    /**
     * @param targets PSNRs in dB
     * @return a table: per codec its smallest and largest size and PSNR and the bits per image for each target
     */
    public String toTable(List<Double> targets) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s %12s %10s %12s %10s", "codec",
                "min bits/img", "PSNR dB", "max bits/img", "PSNR dB"));
        for (double t : targets) {
            head.append(String.format(Locale.ROOT, " %14s", String.format(Locale.ROOT, "bits @ %.0f dB", t)));
        }
        StringBuilder sb = new StringBuilder(head).append('\n');
        for (Curve c : curves) {
            CurvePoint lo = c.points().get(0);
            CurvePoint hi = c.points().get(c.points().size() - 1);
            sb.append(String.format(Locale.ROOT, "%-22s %12.1f %10s %12.1f %10s", c.codec(), lo.bitsPerImage(),
                    db(lo.psnr()), hi.bitsPerImage(), db(hi.psnr())));
            for (double t : targets) {
                double bits = c.bitsFor(t);
                sb.append(String.format(Locale.ROOT, " %14s", Double.isNaN(bits) ? "never" : String.format(Locale.ROOT, "%.1f", bits)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String db(double psnr) {
        return Double.isFinite(psnr) ? String.format(Locale.ROOT, "%.2f", psnr) : "lossless";
    }

    private static double mean(List<RatePoint> runs, ToDoubleFunction<RatePoint> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
