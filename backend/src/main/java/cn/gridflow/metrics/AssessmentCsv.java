package cn.gridflow.metrics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** The two-way assessment as CSV: a UTF-8 byte-order mark first, or Excel reads the Chinese as mojibake. */
final class AssessmentCsv {

    private static final String BOM = "\uFEFF";

    private AssessmentCsv() {
    }

    static byte[] write(List<AssessmentQuery.Row> rows, String by, Function<String, String> text) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of(text.apply("metrics.csv." + by), text.apply("metrics.csv.id"),
                text.apply("metrics.csv.total"), text.apply("metrics.csv.closed"),
                text.apply("metrics.csv.closureRate"), text.apply("metrics.csv.responseRate"),
                text.apply("metrics.csv.onTimeRate"), text.apply("metrics.csv.satisfactionRate"),
                text.apply("metrics.csv.reopenRate"), text.apply("metrics.csv.overdue")));
        for (AssessmentQuery.Row row : rows) {
            line(csv, List.of(row.name(), row.id(), String.valueOf(row.total()), String.valueOf(row.closed()),
                    percent(row.closureRate()), percent(row.responseRate()), percent(row.onTimeRate()),
                    percent(row.satisfactionRate()), percent(row.reopenRate()), String.valueOf(row.overdue())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String percent(OverviewQuery.Rate rate) {
        return rate.rate() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f%%", rate.rate() * 100);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes what would break a cell; a leading = + - @ is neutralised so Excel does not run it as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
