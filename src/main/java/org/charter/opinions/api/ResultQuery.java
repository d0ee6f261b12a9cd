package org.charter.opinions.api;

import org.charter.opinions.LogBase;
import org.charter.opinions.Metric;
import org.charter.opinions.SimilarityOptions;
import org.charter.problem.Problem;

import java.util.Locale;

/** The query parameters every results endpoint shares, checked and named in errors. */
final class ResultQuery {

    private ResultQuery() {
    }

    static SimilarityOptions options(String metric, String logBase, Integer resamples, Long seed) {
        return options(metric, logBase, resamples, seed, null);
    }

    static SimilarityOptions options(String metric, String logBase, Integer resamples, Long seed, Integer minQuestions) {
        Metric m;
        LogBase b;
        try {
            m = Metric.parse(metric == null ? "jsd" : metric);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("metric", e.getMessage());
        }
        try {
            b = LogBase.parse(logBase == null ? "2" : logBase);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("logBase", e.getMessage());
        }
        int r = resamples == null ? SimilarityOptions.DEFAULT_RESAMPLES : resamples;
        if (r < 0 || r > 10_000) {
            throw Problem.invalid("resamples", "must be between 0 and 10000");
        }
        int min = minQuestions == null ? 1 : minQuestions;
        if (min < 1) {
            throw Problem.invalid("minQuestions", "must be at least 1");
        }
        return new SimilarityOptions(m, b, r, seed == null ? SimilarityOptions.DEFAULT_SEED : seed, min);
    }

    /** true for CSV, false for JSON. */
    static boolean csv(String format) {
        return switch (format == null ? "json" : format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw Problem.invalid("format", "must be json or csv, not '" + format + "'");
        };
    }

    /** A file name safe in a Content-Disposition header. */
    static String fileName(String base, String extension) {
        String safe = base.replaceAll("[^A-Za-z0-9._-]+", "_");
        return (safe.isEmpty() ? "download" : safe) + "." + extension;
    }
}
