package org.charter.analysis;

/**
 * What {@link OpinionAnalysis#update} returns: the analysis to show and the state to store for the next update.
 *
 * @param result the analysis
 * @param state  everything the next update depends on
 */
public record AnalysisUpdate(AnalysisResult result, AnalysisState state) {
}
