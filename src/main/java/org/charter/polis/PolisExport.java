package org.charter.polis;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Polis conversation export folder as read by {@link PolisExportReader}: everything needed to store the
 * conversation or to write the folder back.
 *
 * @param folder            where it was read from
 * @param comments          {@code comments.csv}, in file order
 * @param votes             every vote row, in file order: all of {@code votes.csv} (history included, with
 *                          timestamps) or, when that file is absent, the cells of the {@code participants-votes.csv}
 *                          matrix (latest votes only, no timestamps); see {@link #voteSource()}
 * @param voteSource        which file {@link #votes()} came from
 * @param participantsVotes {@code participants-votes.csv} (with Polis's {@code group-id}s), when present
 * @param summary           {@code summary.csv} key → value in file order; empty when the file is absent
 * @param commentColumns    the {@code comments.csv} header as written, so a writer can reproduce its layout
 */
public record PolisExport(Path folder, List<PolisComment> comments, List<PolisVote> votes, VoteSource voteSource,
                          Optional<PolisParticipantsVotes> participantsVotes, Map<String, String> summary,
                          List<String> commentColumns) {

    /** The file the votes were read from. */
    public enum VoteSource {
        /** {@code votes.csv}: every vote with its timestamp. */
        VOTES_CSV,
        /** {@code participants-votes.csv}: the latest vote per participant and statement, no timestamps. */
        PARTICIPANTS_VOTES_MATRIX
    }

    public PolisExport {
        Objects.requireNonNull(folder);
        comments = List.copyOf(comments);
        votes = List.copyOf(votes);
        Objects.requireNonNull(voteSource);
        Objects.requireNonNull(participantsVotes);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        commentColumns = List.copyOf(commentColumns);
    }

    /** Whether the votes carry timestamps (they do when read from {@code votes.csv}). */
    public boolean hasVoteTimes() {
        return voteSource == VoteSource.VOTES_CSV;
    }
}
