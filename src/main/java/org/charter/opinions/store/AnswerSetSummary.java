package org.charter.opinions.store;

import java.time.Instant;
import java.util.List;

/** A stored model answer set: its name (model + condition), questions answered and upload warnings. */
public record AnswerSetSummary(long id, long datasetId, String name, String fileName, int questions,
                               List<IssueView> warnings, Instant createdAt) {
}
