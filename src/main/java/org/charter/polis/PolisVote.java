package org.charter.polis;

/**
 * One vote: a row of {@code votes.csv} (the full history: a participant who changed their mind appears more than
 * once), or, when the export has no {@code votes.csv}, one cell of the {@code participants-votes.csv} matrix (the
 * latest vote only, with no time).
 *
 * @param commentId       the statement voted on ({@code comment-id})
 * @param voterId         the participant ({@code voter-id}, the same id as {@code participant} in the matrix)
 * @param vote            {@code 1} agree, {@code -1} disagree, {@code 0} pass (exports use agree = +1)
 * @param timestampMillis when the vote was cast, epoch milliseconds; null for votes read from the matrix
 * @param datetime        the export's human-readable date text, as written; null for votes from the matrix
 * @param important       the optional {@code important} column (the participant marked the statement as
 *                        important); null when the file has no such column
 */
public record PolisVote(long commentId, long voterId, int vote, Long timestampMillis, String datetime,
                        Boolean important) {

    /** Vote values in Charter's (and the export's) convention. */
    public static final int AGREE = 1;
    public static final int DISAGREE = -1;
    public static final int PASS = 0;

    public PolisVote {
        if (vote < DISAGREE || vote > AGREE) {
            throw new IllegalArgumentException("vote must be -1, 0 or 1: " + vote);
        }
    }
}
