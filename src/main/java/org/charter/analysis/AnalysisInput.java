package org.charter.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one analysis run looks at: the conversation's statements and the current votes.
 *
 * @param statements  every statement of the conversation, voted on or not, with its moderation flags. A vote on a
 *                    statement that is not listed is analysed as an ordinary (accepted, non-meta) statement.
 * @param votes       the latest vote of each participant on each statement
 * @param givenGroups participant id → group id to use instead of clustering ({@code analyze --groups}: parity with
 *                    Polis, or groups from participant metadata); empty to cluster. Participants not listed are not
 *                    placed in a group; listed participants without votes are ignored.
 */
public record AnalysisInput(List<Statement> statements, Votes votes, Map<Long, Integer> givenGroups) {

    /**
     * A statement as the analysis needs to know it.
     *
     * @param id           the statement's id
     * @param moderatedOut rejected by a moderator: kept out of the opinion map, the representative statements and
     *                     the consensus lists, but its votes still count for participants' vote totals and for
     *                     group tallies (polis-math.md §1.3)
     * @param meta         a statement about the conversation itself: treated as moderated out for the math, and
     *                     routed with a fixed high priority (§7.1)
     */
    public record Statement(long id, boolean moderatedOut, boolean meta) {

        /** An accepted or unmoderated ordinary statement. */
        public static Statement of(long id) {
            return new Statement(id, false, false);
        }

        /** Left out of the opinion map: moderated out or meta (Polis's {@code mod-out} set). */
        public boolean excluded() {
            return moderatedOut || meta;
        }
    }

    public AnalysisInput {
        statements = List.copyOf(statements);
        Objects.requireNonNull(votes, "votes");
        givenGroups = Collections.unmodifiableMap(new LinkedHashMap<>(givenGroups));
    }

    /** Clustered analysis of these statements and votes. */
    public static AnalysisInput of(List<Statement> statements, Votes votes) {
        return new AnalysisInput(statements, votes, Map.of());
    }

    /** The same input with groups given instead of clustered. */
    public AnalysisInput withGroups(Map<Long, Integer> groups) {
        return new AnalysisInput(statements, votes, groups);
    }

    public boolean hasGivenGroups() {
        return !givenGroups.isEmpty();
    }
}
