package org.charter.polis;

import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolisExportReaderTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(PolisExportReaderTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheOlderLayoutWithEveryFile() {
        PolisExport export = PolisExportReader.read(resource("polis/london.youth.policing"));
        // Counts published in the folder's SOURCE.md.
        assertEquals(39, export.comments().size());
        assertEquals(640, export.votes().size());
        assertEquals(PolisExport.VoteSource.VOTES_CSV, export.voteSource());
        assertTrue(export.hasVoteTimes());
        assertEquals(36, export.comments().stream().filter(c -> c.moderation() == PolisModeration.ACCEPTED).count());
        assertEquals(3, export.comments().stream().filter(c -> c.moderation() == PolisModeration.REJECTED).count());
        PolisComment first = export.comments().getFirst();
        assertEquals(35, first.commentId());
        assertEquals(23, first.authorId());
        assertEquals(1658934589213L, first.timestampMillis());
        assertEquals("Wed Jul 27 22:09:49 WIB 2022", first.datetime());
        assertEquals(2, first.agrees());
        assertNull(first.meta(), "the older layout has no is-meta column");
        assertFalse(first.isMeta());
        assertEquals("Eliminate bias - wider background check to see the type of people they are hiring", first.body());
        assertEquals(List.of("timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated",
                "comment-body"), export.commentColumns());

        PolisVote vote = export.votes().getFirst();
        assertEquals(1, vote.commentId());
        assertEquals(1, vote.voterId());
        assertEquals(-1, vote.vote());
        assertEquals(1658933760180L, vote.timestampMillis());

        PolisParticipantsVotes matrix = export.participantsVotes().orElseThrow();
        assertTrue(matrix.hasXidColumn());
        assertEquals(26, matrix.participants().size());
        assertEquals(36, matrix.commentIds().size());
        Map<Integer, Integer> groupSizes = new HashMap<>();
        matrix.participants().forEach(p -> groupSizes.merge(p.groupId() == null ? -1 : p.groupId(), 1, Integer::sum));
        assertEquals(Map.of(-1, 2, 0, 3, 1, 18, 2, 3), groupSizes);
        assertEquals(638, matrix.participants().stream().mapToInt(p -> p.votes().size()).sum());
        PolisParticipant p1 = matrix.participants().getFirst();
        assertEquals(1, p1.participantId());
        assertNull(p1.xid());
        assertEquals(1, p1.groupId());
        assertEquals(12, p1.nVotes());
        assertEquals(-1, p1.votes().get(1L));

        assertEquals("What is the best way to engage more young people in local scrutiny of policing?",
                export.summary().get("topic"));
        assertEquals("3", export.summary().get("groups"));
    }

    @Test
    void theMatrixHoldsTheLatestVoteOfTheHistory() {
        PolisExport export = PolisExportReader.read(resource("polis/scoop-hivemind.biodiversity"));
        assertEquals(29_802, export.votes().size());
        Map<List<Long>, PolisVote> latest = new HashMap<>();
        for (PolisVote v : export.votes()) {
            latest.merge(List.of(v.voterId(), v.commentId()), v,
                    (a, b) -> b.timestampMillis() >= a.timestampMillis() ? b : a);
        }
        assertEquals(29_719, latest.size());
        int cells = 0;
        for (PolisParticipant p : export.participantsVotes().orElseThrow().participants()) {
            for (Map.Entry<Long, Integer> cell : p.votes().entrySet()) {
                assertEquals(latest.get(List.of(p.participantId(), cell.getKey())).vote(), cell.getValue());
                cells++;
            }
        }
        assertEquals(29_719, cells);
    }

    @Test
    void readsTheNewerLayoutWithMetaFlags() {
        List<String> columns = new ArrayList<>();
        List<PolisComment> comments = PolisExportReader.readComments(
                resource("polis-math/above-100-ptpts/comments.csv"), columns);
        assertTrue(columns.contains("is-meta"));
        assertEquals(2, comments.stream().filter(PolisComment::isMeta).count());
        assertTrue(comments.stream().allMatch(c -> c.meta() != null));
        assertTrue(comments.stream().allMatch(c -> c.seed() == null));
    }

    @Test
    void withoutVotesCsvTheVotesComeFromTheMatrix() throws IOException {
        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,group-informed-consensus,comment-body
                1689686433769,x,0,0,1,0,1,false,true,0.25,"A body, with a comma"
                1689686433770,x,1,3,0,1,-1,true,false,,"two
                lines"
                """);
        Files.writeString(dir.resolve("participants-votes.csv"), """
                participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1
                3,abc,0,1,2,1,0,1,0
                5,,,0,1,0,1,,-1
                """);
        PolisExport export = PolisExportReader.read(dir);
        assertEquals(PolisExport.VoteSource.PARTICIPANTS_VOTES_MATRIX, export.voteSource());
        assertFalse(export.hasVoteTimes());
        assertEquals(List.of(new PolisVote(0, 3, 1, null, null, null), new PolisVote(1, 3, 0, null, null, null),
                new PolisVote(1, 5, -1, null, null, null)), export.votes());
        PolisComment seed = export.comments().get(0);
        assertTrue(seed.isSeed());
        assertEquals(0.25, seed.groupInformedConsensus());
        assertEquals("A body, with a comma", seed.body());
        PolisComment meta = export.comments().get(1);
        assertTrue(meta.isMeta());
        assertEquals(PolisModeration.REJECTED, meta.moderation());
        assertNull(meta.groupInformedConsensus());
        assertEquals("two\nlines", meta.body());
        assertEquals("abc", export.participantsVotes().orElseThrow().participants().get(0).xid());
        assertNull(export.participantsVotes().orElseThrow().participants().get(1).groupId());
        assertTrue(export.summary().isEmpty());
    }

    @Test
    void timestampsInSecondsBecomeMilliseconds() {
        assertEquals(1_403_054_214_000L, PolisTimestamps.toMillis("1403054214"));
        assertEquals(1_403_054_214_196L, PolisTimestamps.toMillis("1403054214196"));
        assertEquals(1_403_054_214_196L, PolisTimestamps.toMillis("1403054214.196"));
    }

    @Test
    void votesWithSecondTimestampsAreNormalized() throws IOException {
        writeComments();
        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1403054214,a,0,7,1
                1403054215.5,b,0,8,-1
                """);
        List<PolisVote> votes = PolisExportReader.read(dir).votes();
        assertEquals(1_403_054_214_000L, votes.get(0).timestampMillis());
        assertEquals(1_403_054_215_500L, votes.get(1).timestampMillis());
    }

    @Test
    void aFolderWithoutVotesIsRefused() throws IOException {
        writeComments();
        Problem p = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals(dir.toString(), p.where());
        assertTrue(p.getMessage().contains("neither votes.csv nor participants-votes.csv"), p.getMessage());
    }

    @Test
    void aVoteOutsideTheScaleNamesTheLine() throws IOException {
        writeComments();
        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1403054214000,,0,7,1
                1403054214001,,0,8,2
                """);
        Problem p = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("votes.csv:3", p.where());
        assertEquals("vote must be -1, 0 or 1, found 2", p.getMessage());
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        writeComments();
        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1403054214000,,0,7,1

                1403054214001,,0,8
                """);
        Problem short_ = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("votes.csv:4", short_.where());
        assertEquals("expected 5 fields like the header, found 4", short_.getMessage());

        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1403054214000,,zero,7,1
                """);
        Problem notNumber = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("votes.csv:2", notNumber.where());
        assertEquals("comment-id: 'zero' is not an integer", notNumber.getMessage());

        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,comment-id,voter,vote
                1403054214000,0,7,1
                """);
        Problem missing = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("votes.csv:1", missing.where());
        assertEquals("missing column 'voter-id'", missing.getMessage());

        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1689686433769,x,0,0,1,0,1,"fine"
                1689686433769,x,1,0,1,0,1,"never closed
                """);
        Problem quote = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertTrue(quote.where().startsWith("comments.csv:"), quote.where());

        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1689686433769,x,0,0,1,0,1,"two
                lines"
                1689686433769,x,1,0,1,0,7,"on line 4"
                """);
        Problem afterMultiLine = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("comments.csv:4", afterMultiLine.where());

        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1689686433769,x,0,0,1,0,1,"fine"
                1689686433769,x,1,0,1,0,1,"never closed
                """);
        quote = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertTrue(quote.where().startsWith("comments.csv:"), quote.where());
        assertTrue(quote.getMessage().startsWith("malformed CSV"), quote.getMessage());
    }

    @Test
    void badModerationAndDuplicateIdsAreRefused() throws IOException {
        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1689686433769,x,0,0,1,0,2,"a"
                """);
        Files.writeString(dir.resolve("votes.csv"), "timestamp,datetime,comment-id,voter-id,vote\n");
        Problem mod = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("comments.csv:2", mod.where());
        assertEquals("moderated must be 1, 0 or -1, found 2", mod.getMessage());

        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1689686433769,x,0,0,1,0,1,"a"
                1689686433769,x,0,0,1,0,1,"b"
                """);
        Problem dup = assertThrows(Problem.class, () -> PolisExportReader.read(dir));
        assertEquals("comments.csv:3", dup.where());
    }

    @Test
    void groupFilesAreRead() throws IOException {
        Map<Long, Integer> groups = ParticipantGroupsCsv.read(resource("polis-math/below-100-ptpts/polis-groups.csv"));
        assertEquals(23, groups.size());
        assertEquals(2, groups.get(0L));
        Files.writeString(dir.resolve("g.csv"), "participant,group-id\n1,0\n1,1\n");
        Problem dup = assertThrows(Problem.class, () -> ParticipantGroupsCsv.read(dir.resolve("g.csv")));
        assertEquals("g.csv:3", dup.where());
    }

    private void writeComments() throws IOException {
        Files.writeString(dir.resolve("comments.csv"), """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1689686433769,x,0,0,1,0,1,"a"
                """);
    }
}
