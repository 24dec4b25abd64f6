package io.gendict.core.experiment;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All rows of an experiment with the summaries written next to them: {@code results.csv},
 * {@code summary.json} and the terminal table.
 *
 * @param settings the settings that produced the rows
 * @param rows     one row per (method, trial, batch)
 * @since 0.1
 */
public record ExperimentResult(ExperimentSettings settings, List<ResultRow> rows) {

    /** Copies the rows. */
    public ExperimentResult {
        rows = List.copyOf(rows);
    }

    /** Header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "method,trial,batch,samples,test_error,noisy_error,train_seconds";

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
     * @param method           the method
     * @param samples          samples seen after each batch
     * @param meanError        mean test error after each batch
     * @param stdError         standard deviation over trials (population, as in the paper's plots)
     * @param medianSeconds    median training seconds per batch over all trials and batches
     * @param noisyError       mean noisy-input error
     */
    public record MethodSummary(String method, long[] samples, double[] meanError, double[] stdError,
                                double medianSeconds, double noisyError) {
        /** @return the mean test error after the last batch */
        public double finalMean() {
            return meanError[meanError.length - 1];
        }

        /** @return the std of the test error after the last batch */
        public double finalStd() {
            return stdError[stdError.length - 1];
        }
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
            double[] mean = new double[batches];
            double[] std = new double[batches];
            for (int b = 0; b < batches; b++) {
                final int batch = b;
                double[] errs = mine.stream().filter(r -> r.batch() == batch).mapToDouble(ResultRow::testError).toArray();
                samples[b] = mine.stream().filter(r -> r.batch() == batch).findFirst().map(ResultRow::samples).orElse(0L);
                mean[b] = Arrays.stream(errs).average().orElse(Double.NaN);
                double m = mean[b];
                std[b] = Math.sqrt(Arrays.stream(errs).map(e -> (e - m) * (e - m)).average().orElse(Double.NaN));
            }
            double[] secs = mine.stream().mapToDouble(ResultRow::trainSeconds).sorted().toArray();
            double median = secs.length % 2 == 1 ? secs[secs.length / 2]
                    : 0.5 * (secs[secs.length / 2 - 1] + secs[secs.length / 2]);
            double noisy = mine.stream().mapToDouble(ResultRow::noisyError).average().orElse(Double.NaN);
            out.add(new MethodSummary(method, samples, mean, std, median, noisy));
        }
        return out;
    }

    /** @return {@code summary.json}: the settings and each method's curve and timing */
    public String toSummaryJson() {
        Map<String, Object> root = new LinkedHashMap<>();
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
        Map<String, Object> methods = new LinkedHashMap<>();
        for (MethodSummary m : summaries()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("samples", m.samples());
            e.put("test_error_mean", m.meanError());
            e.put("test_error_std", m.stdError());
            e.put("median_train_seconds_per_batch", m.medianSeconds());
            e.put("noisy_error", m.noisyError());
            methods.put(m.method(), e);
        }
        root.put("methods", methods);
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root);
    }

    /** @return a short table: method, final test error mean ± std, seconds per batch */
    public String toTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %24s %16s%n",
                "method", "final test error", "s / batch"));
        double noisy = Double.NaN;
        for (MethodSummary m : summaries()) {
            sb.append(String.format(Locale.ROOT, "%-22s %12.4g ± %-9.3g %16.4g%n", m.method(), m.finalMean(),
                    m.finalStd(), m.medianSeconds()));
            noisy = m.noisyError();
        }
        sb.append(String.format(Locale.ROOT, "%-22s %12.4g%n", "(noisy input)", noisy));
        return sb.toString();
    }
}
