package org.charter.polis;

import org.charter.abuse.SpreadsheetSafeText;
import org.charter.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Polis conversation export folder ({@code comments.csv}, {@code votes.csv}, {@code participants-votes.csv},
 * {@code summary.csv}), as written by Polis's exporters and published in the Computational Democracy Project's open
 * data. Columns are found by header name, so both the older and the newer {@code comments.csv} layouts work, as does
 * the optional {@code xid} column of the matrix. Votes use the export's sign: agree = +1, disagree = −1, pass = 0
 * (polis-math.md §1.1). Timestamps are normalized to epoch milliseconds. Texts (comment bodies, xids, summary
 * values) lose the apostrophe that {@link PolisExportWriter} puts before a formula ({@link SpreadsheetSafeText}).
 *
 * <p>Every problem with the input is a {@link Problem} of kind INVALID whose {@code where} names the file and, for a
 * bad row, the line ({@code votes.csv:17}). Cross-file consistency (for example a vote on a comment id that is not in
 * {@code comments.csv}) is not checked here; that is the caller's decision.
 */
public final class PolisExportReader {

    public static final String COMMENTS = "comments.csv";
    public static final String VOTES = "votes.csv";
    public static final String PARTICIPANTS_VOTES = "participants-votes.csv";
    public static final String SUMMARY = "summary.csv";

    /** The leading columns of {@code participants-votes.csv}; every other column is a comment id. */
    private static final Set<String> MATRIX_INFO_COLUMNS =
            Set.of("participant", "xid", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree");

    private PolisExportReader() {
    }

    /**
     * Reads the folder. {@code comments.csv} is required, and so is one source of votes: {@code votes.csv} or,
     * failing that, {@code participants-votes.csv}.
     */
    public static PolisExport read(Path folder) {
        Layout files = Layout.of(folder);
        List<String> commentColumns = new ArrayList<>();
        List<PolisComment> commentList = readComments(files.comments(), commentColumns);
        Optional<PolisParticipantsVotes> participants = files.matrix() == null ? Optional.empty()
                : Optional.of(readParticipantsVotes(files.matrix()));
        List<PolisVote> voteList;
        PolisExport.VoteSource source;
        if (files.votes() != null) {
            voteList = readVotes(files.votes());
            source = PolisExport.VoteSource.VOTES_CSV;
        } else {
            voteList = votesOf(participants.orElseThrow());
            source = PolisExport.VoteSource.PARTICIPANTS_VOTES_MATRIX;
        }
        Path summary = folder.resolve(SUMMARY);
        Map<String, String> summaryMap = Files.isRegularFile(summary) ? readSummary(summary) : Map.of();
        return new PolisExport(folder, commentList, voteList, source, participants, summaryMap, commentColumns);
    }

    /**
     * The files of an export folder, checked: {@code comments.csv} must be there, and {@code votes.csv} or
     * {@code participants-votes.csv}.
     *
     * @param comments {@code comments.csv}
     * @param votes    {@code votes.csv}, or null when absent
     * @param matrix   {@code participants-votes.csv}, or null when absent
     */
    record Layout(Path comments, Path votes, Path matrix) {

        static Layout of(Path folder) {
            if (!Files.isDirectory(folder)) {
                throw Problem.invalid(folder.toString(), "not a folder");
            }
            Path comments = folder.resolve(COMMENTS);
            if (!Files.isRegularFile(comments)) {
                throw Problem.invalid(folder.toString(), "no " + COMMENTS + " in this folder (is it a Polis export?)");
            }
            Path votes = folder.resolve(VOTES);
            Path matrix = folder.resolve(PARTICIPANTS_VOTES);
            boolean hasVotes = Files.isRegularFile(votes);
            boolean hasMatrix = Files.isRegularFile(matrix);
            if (!hasVotes && !hasMatrix) {
                throw Problem.invalid(folder.toString(),
                        "neither " + VOTES + " nor " + PARTICIPANTS_VOTES + " in this folder: the export has no votes");
            }
            return new Layout(comments, hasVotes ? votes : null, hasMatrix ? matrix : null);
        }
    }

    /** Reads {@code comments.csv} in either layout; {@code columns} receives the header as written. */
    public static List<PolisComment> readComments(Path file, List<String> columns) {
        try (CsvFile csv = CsvFile.open(file)) {
            Map<String, Integer> header = csv.header();
            columns.addAll(List.of(csv.row()));
            int timestamp = csv.require(header, "timestamp");
            Integer datetime = header.get("datetime");
            int commentId = csv.require(header, "comment-id");
            int authorId = csv.require(header, "author-id");
            int agrees = csv.require(header, "agrees");
            int disagrees = csv.require(header, "disagrees");
            int moderated = csv.require(header, "moderated");
            int body = csv.require(header, "comment-body");
            Integer meta = header.get("is-meta");
            Integer seed = header.get("is-seed");
            Integer gic = header.get("group-informed-consensus");
            Integer importance = header.get("importance");
            List<PolisComment> comments = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            while (csv.next()) {
                long id = csv.integer(commentId, "comment-id");
                if (!seen.add(id)) {
                    throw Problem.invalid(csv.where(), "comment-id " + id + " appears twice");
                }
                long mod = csv.integer(moderated, "moderated");
                PolisModeration moderation = PolisModeration.ofCode(mod);
                if (moderation == null) {
                    throw Problem.invalid(csv.where(), "moderated must be 1, 0 or -1, found " + mod);
                }
                comments.add(new PolisComment(
                        id,
                        csv.timestamp(timestamp, "timestamp"),
                        datetime == null ? "" : csv.text(datetime),
                        csv.integer(authorId, "author-id"),
                        csv.integer(agrees, "agrees"),
                        csv.integer(disagrees, "disagrees"),
                        moderation,
                        meta == null ? null : csv.bool(meta, "is-meta"),
                        seed == null ? null : csv.bool(seed, "is-seed"),
                        csv.optionalDecimal(gic, "group-informed-consensus"),
                        csv.optionalInteger(importance, "importance"),
                        SpreadsheetSafeText.unescape(csv.text(body))));
            }
            return comments;
        }
    }

    /** Reads every row of {@code votes.csv} in file order. */
    public static List<PolisVote> readVotes(Path file) {
        List<PolisVote> votes = new ArrayList<>();
        forEachVote(file, true, (comment, voter, vote, time, datetime, important) ->
                votes.add(new PolisVote(comment, voter, vote, time, datetime, important)));
        return votes;
    }

    /** Receives the rows of {@code votes.csv}. */
    @FunctionalInterface
    public interface VoteHandler {
        /**
         * One row.
         *
         * @param commentId       {@code comment-id}
         * @param voterId         {@code voter-id}
         * @param vote            1, 0 or −1
         * @param timestampMillis {@code timestamp}, in epoch milliseconds
         */
        void vote(long commentId, long voterId, int vote, long timestampMillis);
    }

    /**
     * Streams the rows of {@code votes.csv} in file order with the same checks as {@link #readVotes(Path)}, without
     * building a record per row (for half a million votes that saves allocation and garbage collection).
     */
    public static void readVotes(Path file, VoteHandler handler) {
        forEachVote(file, false, (comment, voter, vote, time, datetime, important) ->
                handler.vote(comment, voter, vote, time));
    }

    private interface Row {
        void accept(long comment, long voter, int vote, long time, String datetime, Boolean important);
    }

    private static void forEachVote(Path file, boolean withText, Row row) {
        try (CsvFile csv = CsvFile.open(file)) {
            Map<String, Integer> header = csv.header();
            int timestamp = csv.require(header, "timestamp");
            Integer datetime = withText ? header.get("datetime") : null;
            int commentId = csv.require(header, "comment-id");
            int voterId = csv.require(header, "voter-id");
            int vote = csv.require(header, "vote");
            Integer important = withText ? header.get("important") : null;
            while (csv.next()) {
                long value = csv.integer(vote, "vote");
                if (value < -1 || value > 1) {
                    throw Problem.invalid(csv.where(), "vote must be -1, 0 or 1, found " + value);
                }
                row.accept(
                        csv.integer(commentId, "comment-id"),
                        csv.integer(voterId, "voter-id"),
                        (int) value,
                        csv.timestamp(timestamp, "timestamp"),
                        datetime == null ? null : csv.isBlank(datetime) ? "" : csv.text(datetime),
                        important == null ? null : csv.bool(important, "important"));
            }
        }
    }

    /** Reads {@code participants-votes.csv}: info columns by name, every other column is a comment id. */
    public static PolisParticipantsVotes readParticipantsVotes(Path file) {
        try (CsvFile csv = CsvFile.open(file)) {
            Map<String, Integer> header = csv.header();
            int participant = csv.require(header, "participant");
            Integer xid = header.get("xid");
            int groupId = csv.require(header, "group-id");
            Integer nComments = header.get("n-comments");
            Integer nVotes = header.get("n-votes");
            Integer nAgree = header.get("n-agree");
            Integer nDisagree = header.get("n-disagree");
            int width = header.size();
            long[] columnComment = new long[width];
            boolean[] isComment = new boolean[width];
            List<Long> commentIds = new ArrayList<>();
            String[] names = csv.row();
            for (int i = 0; i < width; i++) {
                if (MATRIX_INFO_COLUMNS.contains(names[i])) {
                    continue;
                }
                try {
                    columnComment[i] = Long.parseLong(names[i]);
                } catch (NumberFormatException e) {
                    throw Problem.invalid(csv.where(), "column '" + names[i] + "' is neither a known column nor a comment id");
                }
                isComment[i] = true;
                commentIds.add(columnComment[i]);
            }
            List<PolisParticipant> rows = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            while (csv.next()) {
                long id = csv.integer(participant, "participant");
                if (!seen.add(id)) {
                    throw Problem.invalid(csv.where(), "participant " + id + " appears twice");
                }
                Map<Long, Integer> votes = new LinkedHashMap<>();
                for (int i = 0; i < width; i++) {
                    if (isComment[i] && !csv.isBlank(i)) {
                        long value = csv.integer(i, "comment " + names[i]);
                        if (value < -1 || value > 1) {
                            throw Problem.invalid(csv.where(), "comment " + names[i]
                                    + ": vote must be -1, 0 or 1, found " + value);
                        }
                        votes.put(columnComment[i], (int) value);
                    }
                }
                Long group = csv.optionalInteger(groupId, "group-id");
                String xidText = xid == null || csv.isBlank(xid) ? null : SpreadsheetSafeText.unescape(csv.text(xid));
                rows.add(new PolisParticipant(id, xidText, group == null ? null : Math.toIntExact(group),
                        count(csv, nComments, "n-comments"), count(csv, nVotes, "n-votes"),
                        count(csv, nAgree, "n-agree"), count(csv, nDisagree, "n-disagree"), votes));
            }
            return new PolisParticipantsVotes(xid != null, commentIds, rows);
        }
    }

    private static long count(CsvFile csv, Integer index, String column) {
        Long value = csv.optionalInteger(index, column);
        return value == null ? 0 : value;
    }

    /** The matrix cells as votes without timestamps, participant by participant in file order. */
    public static List<PolisVote> votesOf(PolisParticipantsVotes matrix) {
        List<PolisVote> votes = new ArrayList<>();
        for (PolisParticipant p : matrix.participants()) {
            p.votes().forEach((comment, vote) ->
                    votes.add(new PolisVote(comment, p.participantId(), vote, null, null, null)));
        }
        return votes;
    }

    /** Reads {@code summary.csv}: {@code key,value} rows without a header. */
    public static Map<String, String> readSummary(Path file) {
        try (CsvFile csv = CsvFile.open(file)) {
            Map<String, String> summary = new LinkedHashMap<>();
            while (csv.next()) {
                if (csv.size() < 2) {
                    throw Problem.invalid(csv.where(), "expected key,value");
                }
                summary.put(csv.text(0), SpreadsheetSafeText.unescape(csv.text(1)));
            }
            return summary;
        }
    }
}
