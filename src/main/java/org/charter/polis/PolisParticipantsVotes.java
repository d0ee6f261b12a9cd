package org.charter.polis;

import java.util.List;

/**
 * The {@code participants-votes.csv} file: one row per participant, one column per statement.
 *
 * @param hasXidColumn whether the file has the optional {@code xid} column (kept so a writer can reproduce it)
 * @param commentIds   the statement columns, in the file's order
 * @param participants the rows, in the file's order
 */
public record PolisParticipantsVotes(boolean hasXidColumn, List<Long> commentIds,
                                     List<PolisParticipant> participants) {

    public PolisParticipantsVotes {
        commentIds = List.copyOf(commentIds);
        participants = List.copyOf(participants);
    }
}
