package org.charter.opinions;

import java.util.List;

/**
 * How a country's similarity changes from one answer set ({@code before}) to another ({@code after}), over the
 * {@code questions} both answer; countries by change, largest gain first.
 */
public record ComparisonReport(String dataset, String before, String after, int questions, String metric,
                               String logBase, List<CountryChange> countries, Bootstrap.Settings bootstrap) {

    /** {@code change} = after − before over the country's common questions; {@code ci95} is the paired interval. */
    public record CountryChange(String country, String iso3, double before, double after, double change, int questions,
                                double[] ci95) {
    }
}
