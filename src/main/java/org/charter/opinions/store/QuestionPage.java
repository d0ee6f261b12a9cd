package org.charter.opinions.store;

import java.util.List;

/** A page of a dataset's questions. */
public record QuestionPage(long total, int offset, int limit, List<Entry> questions) {

    /** A question without its distributions; {@code ordinal} has null for options off the scale. */
    public record Entry(int qid, int line, String text, List<String> options, String source, List<Double> ordinal,
                        String ordinalBasis) {
    }
}
