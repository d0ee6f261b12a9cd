package org.charter.analysis.snapshot;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.util.Map;

/**
 * The analysis with participants grouped by their answer to a metadata question instead of by opinion:
 * {@code groups} maps each group id of {@code result} to the answer it stands for.
 */
public record Breakdown(String question, String label, Map<Integer, String> groups, int answered,
                        @JsonRawValue String result) {
}
