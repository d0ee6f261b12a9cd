package org.charter.opinions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One survey question: {@code qid} is its 0-based row index in the dataset (rows skipped as malformed keep their
 * index, so qids never shift), {@code line} the CSV line where its row starts. {@code countries} maps each country
 * to its answer shares, one per option in option order; a missing share is {@code NaN}. {@code ordinal} is the
 * question's scale for the Wasserstein metric, or null when the question is not ordinal.
 */
public record SurveyQuestion(int qid, int line, String text, List<String> options, String source,
                             Map<String, double[]> countries, OrdinalScale ordinal) {

    public SurveyQuestion {
        options = List.copyOf(options);
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : countries.entrySet()) {
            if (e.getValue().length != options.size()) {
                throw new IllegalArgumentException(e.getKey() + " has " + e.getValue().length + " shares for "
                        + options.size() + " options");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        countries = Collections.unmodifiableMap(copy);
        source = source == null ? "" : source;
        if (ordinal != null && ordinal.size() != options.size()) {
            throw new IllegalArgumentException("the ordinal scale has " + ordinal.size() + " positions for "
                    + options.size() + " options");
        }
    }

    /** The shares of one country (a copy), or null when the country did not answer this question. */
    public double[] shares(String country) {
        double[] s = countries.get(country);
        return s == null ? null : s.clone();
    }

    /** Shares without copying, for the metric loops; callers must not modify the array. */
    double[] sharesUnsafe(String country) {
        return countries.get(country);
    }
}
