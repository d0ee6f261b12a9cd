package org.charter.opinions;

/**
 * A country's similarity to the model: the mean over the {@code questions} it answered, with the 95% bootstrap
 * interval {@code ci95} = [lo, hi] (null without resamples). {@code iso3} is its ISO 3166-1 alpha-3 code for maps,
 * or null when the name is not a country (e.g. "Northern Ireland").
 */
public record CountryScore(String country, String iso3, double similarity, int questions, double[] ci95) {
}
