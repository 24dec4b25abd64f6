package io.gendict.core.experiment;

import com.google.gson.GsonBuilder;
import io.gendict.core.eval.SampleQuantiles;
import io.gendict.core.eval.Spread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All rows of an experiment with the summaries written next to them: {@code results.csv},
 * {@code summary.json} and the terminal table. Statistics: per-trial errors are summarised by their
 * mean, sample standard deviation (n − 1) and 95% Student-t confidence interval ({@link Spread});
 * per-sample quantiles ({@link SampleQuantiles}) pool the final per-sample errors over all trials
 * and test batches.
 *
 * @param settings   the settings that produced the rows
 * @param rows       one row per (method, trial, batch)
 * @param finals     per method and trial, the per-sample errors after the last batch
 * @param references per reference line and trial, the per-sample errors
 * @since 0.1
 */
public record ExperimentResult(ExperimentSettings settings, List<ResultRow> rows, List<SampleErrors> finals,
                               List<SampleErrors> references) {

    /** Copies the lists. */
    public ExperimentResult {
        rows = List.copyOf(rows);
        finals = List.copyOf(finals);
        references = List.copyOf(references);
    }

    /** Header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "method,trial,batch,samples,test_error,noisy_error,train_seconds";

    /** How the statistics are computed, as recorded in {@code summary.json}. */
    public static final String STATISTICS = "mean over trials; std: sample standard deviation (n-1) over trials; "
            + "ci95: two-sided 95% Student-t interval of the mean over trials (null with one trial); "
            + "median/p90/max: per-sample errors after the last batch, pooled over all trials and test batches "
            + "(linear interpolation between order statistics)";

    /** @return the rows as CSV with {@link #CSV_HEADER} */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (ResultRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.10g,%.10g,%.6f%n", r.method(), r.trial(),
                    r.batch(), r.samples(), r.testError(), r.noisyError(), r.trainSeconds()));
        }
        return sb.toString();
    }

    /**
     * Per-method statistics over trials.
     *
     * @param method        the method
     * @param samples       samples seen after each batch
     * @param curve         the test error's spread over trials after each batch
     * @param quantiles     per-sample error quantiles after the last batch, pooled over trials
     * @param medianSeconds median training seconds per batch over all trials and batches
     * @param noisyError    mean noisy-input error
     */
    public record MethodSummary(String method, long[] samples, Spread[] curve, SampleQuantiles quantiles,
                                double medianSeconds, double noisyError) {
        /** @return the spread of the test error after the last batch */
        public Spread last() {
            return curve[curve.length - 1];
        }
    }

    /**
     * Statistics of a reference line over trials.
     *
     * @param line      the line
     * @param spread    its per-trial mean errors' spread
     * @param quantiles per-sample error quantiles pooled over trials
     */
    public record ReferenceSummary(ReferenceLine line, Spread spread, SampleQuantiles quantiles) {
    }

    /** @return one summary per method, in the order of the settings */
    public List<MethodSummary> summaries() {
        List<MethodSummary> out = new ArrayList<>();
        int batches = settings.batches();
        for (String method : settings.methods()) {
            List<ResultRow> mine = rows.stream().filter(r -> r.method().equals(method)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            long[] samples = new long[batches];
            Spread[] curve = new Spread[batches];
            for (int b = 0; b < batches; b++) {
                final int batch = b;
                List<ResultRow> atBatch = mine.stream().filter(r -> r.batch() == batch).toList();
                samples[b] = atBatch.get(0).samples();
                curve[b] = Spread.of(atBatch.stream().mapToDouble(ResultRow::testError).toArray());
            }
            double[] secs = mine.stream().mapToDouble(ResultRow::trainSeconds).sorted().toArray();
            double median = secs.length % 2 == 1 ? secs[secs.length / 2]
                    : 0.5 * (secs[secs.length / 2 - 1] + secs[secs.length / 2]);
            double noisy = mine.stream().mapToDouble(ResultRow::noisyError).average().orElse(Double.NaN);
            out.add(new MethodSummary(method, samples, curve, SampleQuantiles.of(pooled(finals, method)), median, noisy));
        }
        return out;
    }

    /** @return one summary per reference line measured, in {@link ReferenceLine} order */
    public List<ReferenceSummary> referenceSummaries() {
        List<ReferenceSummary> out = new ArrayList<>();
        for (ReferenceLine line : ReferenceLine.values()) {
            double[] perTrial = references.stream().filter(e -> e.name().equals(line.key()))
                    .mapToDouble(SampleErrors::mean).toArray();
            if (perTrial.length > 0) {
                out.add(new ReferenceSummary(line, Spread.of(perTrial), SampleQuantiles.of(pooled(references, line.key()))));
            }
        }
        return out;
    }

    private static double[] pooled(List<SampleErrors> all, String name) {
        return TrialReferences.concat(all.stream().filter(e -> e.name().equals(name)).map(SampleErrors::errors).toList());
    }

    /**
     * @param provenance what produced the result (versions, machine, resolved specs, input files),
     *                   written under {@code "provenance"}
     * @return {@code summary.json}: provenance, settings, each method's curve, final statistics and
     * timing, and the reference lines; undefined values (a confidence interval from one trial) are null
     */
    public String toSummaryJson(Map<String, Object> provenance) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provenance", provenance);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("experiment", settings.name());
        s.put("methods", settings.methods());
        s.put("trials", settings.trials());
        s.put("batches", settings.batches());
        s.put("batch_size", settings.batchSize());
        s.put("test_batches", settings.testBatches());
        s.put("test_batch_size", settings.testBatchSize());
        s.put("quantizer", settings.quantizer().describe());
        s.put("seed", settings.seed());
        s.put("threads", settings.threads());
        root.put("settings", s);
        root.put("statistics", STATISTICS);
        Map<String, Object> methods = new LinkedHashMap<>();
        for (MethodSummary m : summaries()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("samples", m.samples());
            e.put("test_error_mean", finite(Arrays.stream(m.curve()).mapToDouble(Spread::mean).toArray()));
            e.put("test_error_std", finite(Arrays.stream(m.curve()).mapToDouble(Spread::std).toArray()));
            e.put("test_error_ci95_half_width", finite(Arrays.stream(m.curve()).mapToDouble(Spread::halfWidth).toArray()));
            e.put("final", statistics(m.last(), m.quantiles()));
            e.put("median_train_seconds_per_batch", finite(m.medianSeconds()));
            e.put("noisy_error", finite(m.noisyError()));
            methods.put(m.method(), e);
        }
        root.put("methods", methods);
        Map<String, Object> refs = new LinkedHashMap<>();
        for (ReferenceSummary r : referenceSummaries()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", r.line().legend());
            e.putAll(statistics(r.spread(), r.quantiles()));
            refs.put(r.line().key(), e);
        }
        root.put("references", refs);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root);
    }

    private static Map<String, Object> statistics(Spread spread, SampleQuantiles q) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("trials", spread.n());
        e.put("mean", finite(spread.mean()));
        e.put("std", finite(spread.std()));
        e.put("ci95_half_width", finite(spread.halfWidth()));
        e.put("ci95", Double.isFinite(spread.halfWidth())
                ? List.of(spread.mean() - spread.halfWidth(), spread.mean() + spread.halfWidth()) : null);
        e.put("sample_median", finite(q.median()));
        e.put("sample_p90", finite(q.p90()));
        e.put("sample_max", finite(q.max()));
        return e;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Double> finite(double[] v) {
        return Arrays.stream(v).mapToObj(ExperimentResult::finite).toList();
    }

    /**
     * @return a table: per method and reference line the final test error's mean over trials, the 95%
     * confidence half-width ("n/a" with one trial), the per-sample median, 90th percentile and
     * maximum, and (methods) the median seconds per training batch
     */
    public String toTable() {
        String row = "%-22s %11s %11s %10s %10s %10s %10s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, row, "method", "final error", "± 95% CI",
                "median", "p90", "max", "s / batch"));
        for (MethodSummary m : summaries()) {
            sb.append(String.format(Locale.ROOT, row, m.method(), num(m.last().mean()), num(m.last().halfWidth()),
                    num(m.quantiles().median()), num(m.quantiles().p90()), num(m.quantiles().max()),
                    num(m.medianSeconds())));
        }
        for (ReferenceSummary r : referenceSummaries()) {
            sb.append(String.format(Locale.ROOT, row, r.line().label(), num(r.spread().mean()),
                    num(r.spread().halfWidth()), num(r.quantiles().median()), num(r.quantiles().p90()),
                    num(r.quantiles().max()), ""));
        }
        sb.append(String.format(Locale.ROOT, "(mean of %d trial%s; median/p90/max over all %d test samples of all trials)%n",
                settings.trials(), settings.trials() == 1 ? "" : "s",
                settings.trials() * settings.testBatches() * settings.testBatchSize()));
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }
}
