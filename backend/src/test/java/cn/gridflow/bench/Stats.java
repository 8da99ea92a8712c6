package cn.gridflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Percentiles within one run, and the median with its spread over the repeats of a measurement. */
final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile, p in 0..100. */
    static double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The repeats of one figure: its median is what the table shows, min and max its spread. */
    record Repeats(List<Double> values) {

        Repeats() {
            this(new ArrayList<>());
        }

        Repeats add(double value) {
            values.add(value);
            return this;
        }

        double median() {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** "123 [110–131]": median and the range over the repeats. */
        String show(int decimals) {
            if (values.isEmpty()) {
                return "—";
            }
            if (values.size() == 1) {
                return fmt(median(), decimals);
            }
            return fmt(median(), decimals) + " [" + fmt(min(), decimals) + "–" + fmt(max(), decimals) + "]";
        }

        @Override
        public String toString() {
            return Arrays.toString(values.toArray());
        }
    }

    static String fmt(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Ratio of the medians, as a percentage, with the range of the per-repeat ratios. */
    static String ratio(Repeats a, Repeats b) {
        Repeats perRepeat = new Repeats();
        for (int i = 0; i < Math.min(a.values().size(), b.values().size()); i++) {
            perRepeat.add(100.0 * a.values().get(i) / b.values().get(i));
        }
        return perRepeat.show(0) + " %";
    }
}
