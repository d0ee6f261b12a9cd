package org.charter.cli;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.Votes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic conversation with planted opinion groups, for benchmarks.
 *
 * <p>The generator (all draws from one {@link SplittableRandom} with a fixed seed, so a size always gives the same
 * conversation):
 * <ul>
 *   <li>{@code groups} planted groups (3 by default) of relative sizes 1/2, 1/3, 1/6 (for 3 groups; otherwise
 *       proportional to 1/(g+1)); each participant belongs to one, drawn by those weights.</li>
 *   <li>Each statement is a consensus statement with probability 0.4 (every group agrees with probability
 *       uniform in [0.6, 0.9]) and otherwise divisive (each group agrees with probability 0.15 or 0.85, a fair
 *       coin per group and statement).</li>
 *   <li>Each participant votes on a uniformly random subset of the statements of expected size
 *       {@code density · statements} (each statement independently with probability {@code density}; a participant
 *       who drew none votes on the last statement); a vote is a pass with probability 0.15, otherwise agree with the group's probability, else
 *       disagree.</li>
 *   <li>Votes are emitted participant by participant; participant and statement ids are 0, 1, 2, …; the vote
 *       times (for an export) are one second apart.</li>
 * </ul>
 *
 * @param participants  how many participants
 * @param statements    how many statements
 * @param voteVoter     per vote, the participant id
 * @param voteStatement per vote, the statement id
 * @param voteValue     per vote, +1, 0 or −1 (each pair occurs once)
 * @param plantedGroup  the planted group of each participant, by participant id
 * @param seed          the seed used
 */
record SyntheticConversation(int participants, int statements, int[] voteVoter, int[] voteStatement, byte[] voteValue,
                             int[] plantedGroup, long seed) {

    static final double PASS = 0.15;
    static final double CONSENSUS_SHARE = 0.4;

    static SyntheticConversation generate(int participants, int statements, double density, int groups, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[groups];
        double total = 0;
        for (int g = 0; g < groups; g++) {
            weights[g] = groups == 3 ? new double[]{3, 2, 1}[g] : 1.0 / (g + 1);
            total += weights[g];
        }
        double[][] agree = new double[statements][groups];
        for (int s = 0; s < statements; s++) {
            boolean consensus = random.nextDouble() < CONSENSUS_SHARE;
            for (int g = 0; g < groups; g++) {
                agree[s][g] = consensus ? 0.6 + 0.3 * random.nextDouble() : random.nextBoolean() ? 0.85 : 0.15;
            }
        }
        int[] planted = new int[participants];
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) (participants * (double) statements * density * 1.02) + 16);
        int[] voter = new int[capacity];
        int[] statement = new int[capacity];
        byte[] value = new byte[capacity];
        int n = 0;
        for (int p = 0; p < participants; p++) {
            double u = random.nextDouble() * total;
            int g = 0;
            while (g < groups - 1 && u >= weights[g]) {
                u -= weights[g];
                g++;
            }
            planted[p] = g;
            // Each statement independently with probability density: jump over geometric gaps.
            double logSkip = Math.log(1 - density);
            int cast = 0;
            int s = -1;
            while (true) {
                s += 1 + (density >= 1 ? 0 : (int) Math.min(statements, Math.floor(Math.log(1 - random.nextDouble()) / logSkip)));
                if (s >= statements) {
                    if (cast > 0) {
                        break;
                    }
                    s = statements - 1; // a participant who drew none votes on the last statement
                }
                if (n == value.length) {
                    int grown = value.length + (value.length >> 2) + 16;
                    voter = java.util.Arrays.copyOf(voter, grown);
                    statement = java.util.Arrays.copyOf(statement, grown);
                    value = java.util.Arrays.copyOf(value, grown);
                }
                voter[n] = p;
                statement[n] = s;
                value[n] = (byte) vote(random, agree[s][g]);
                n++;
                cast++;
                if (s == statements - 1) {
                    break;
                }
            }
        }
        return new SyntheticConversation(participants, statements, java.util.Arrays.copyOf(voter, n),
                java.util.Arrays.copyOf(statement, n), java.util.Arrays.copyOf(value, n), planted, seed);
    }

    private static int vote(SplittableRandom random, double agree) {
        if (random.nextDouble() < PASS) {
            return 0;
        }
        return random.nextDouble() < agree ? 1 : -1;
    }

    /** Every statement, accepted. */
    List<AnalysisInput.Statement> statementList() {
        List<AnalysisInput.Statement> list = new ArrayList<>(statements);
        for (int s = 0; s < statements; s++) {
            list.add(AnalysisInput.Statement.of(s));
        }
        return list;
    }

    int voteCount() {
        return voteValue.length;
    }

    /** The votes as analysis input, in generation order. */
    Votes votes() {
        Votes.Builder builder = Votes.builder(voteValue.length);
        for (int k = 0; k < voteValue.length; k++) {
            builder.add(voteVoter[k], voteStatement[k], voteValue[k]);
        }
        return builder.build();
    }

    AnalysisInput input() {
        return AnalysisInput.of(statementList(), votes());
    }

    /** Writes the conversation as a Polis export folder ({@code comments.csv}, {@code votes.csv}). */
    void writeExport(Path folder) throws IOException {
        Files.createDirectories(folder);
        long start = 1_700_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("comments.csv"), StandardCharsets.UTF_8)) {
            w.write("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
            for (int s = 0; s < statements; s++) {
                w.write(start + "," + "," + s + ",0,0,0,1,Synthetic statement " + s + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("votes.csv"), StandardCharsets.UTF_8)) {
            w.write("timestamp,datetime,comment-id,voter-id,vote\n");
            StringBuilder line = new StringBuilder(64);
            for (int k = 0; k < voteValue.length; k++) {
                line.setLength(0);
                line.append(start + k * 1000L).append(",,").append(voteStatement[k]).append(',')
                        .append(voteVoter[k]).append(',').append(voteValue[k]).append('\n');
                w.append(line);
            }
        }
    }
}
