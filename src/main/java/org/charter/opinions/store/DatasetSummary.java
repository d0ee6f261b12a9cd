package org.charter.opinions.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an uploaded survey dataset holds: {@code rows} read (qids 0..rows−1), {@code questions} stored, countries,
 * (question, country) distributions, ordinal questions, questions per source, and the rows skipped and why.
 */
public record DatasetSummary(long id, String name, String fileName, int rows, int questions, int countries,
                             int distributions, int ordinalQuestions, Map<String, Long> sources,
                             List<IssueView> skipped, List<IssueView> warnings, Instant createdAt) {
}
