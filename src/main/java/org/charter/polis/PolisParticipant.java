package org.charter.polis;

import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code participants-votes.csv}: a participant, Polis's opinion group for them, and their latest vote
 * on each statement.
 *
 * @param participantId Polis's participant id ({@code pid}), the same id as {@code voter-id} in {@code votes.csv}
 * @param xid           the external id ({@code xid} column), or null when the file has no such column or the
 *                      cell is blank
 * @param groupId       Polis's group for this participant ({@code group-id}), or null when Polis did not place
 *                      them in a group
 * @param nComments     statements written ({@code n-comments})
 * @param nVotes        votes cast ({@code n-votes})
 * @param nAgree        agree votes ({@code n-agree})
 * @param nDisagree     disagree votes ({@code n-disagree})
 * @param votes         statement id → latest vote (1, 0, −1) for each non-blank cell, in the file's column order
 */
public record PolisParticipant(long participantId, String xid, Integer groupId, long nComments, long nVotes,
                               long nAgree, long nDisagree, Map<Long, Integer> votes) {

    public PolisParticipant {
        votes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Objects.requireNonNull(votes)));
    }
}
