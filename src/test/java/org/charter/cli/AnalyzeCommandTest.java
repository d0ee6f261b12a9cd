package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charter analyze}: the JSON contract, --groups, --replay, and clear failures on bad input. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(AnalyzeCommandTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode analyze(String... args) throws IOException {
        Path out = dir.resolve("result.json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return Output.JSON.readTree(out.toFile());
    }

    @Test
    void analysesAnExportFolder() throws IOException {
        JsonNode r = analyze("analyze", resource("polis/brexit-consensus").toString());
        assertEquals(204, r.get("participants").asInt());
        assertEquals(50, r.get("statements").asInt());
        assertEquals(5303, r.get("votes").asInt());
        assertTrue(r.get("groups").size() >= 2);
        JsonNode group = r.get("groups").get(0);
        JsonNode representative = group.get("representative").get(0);
        for (String key : List.of("statementId", "direction", "probability", "representativeness", "zScore")) {
            assertTrue(representative.has(key), key);
        }
        String member = group.get("members").get(0).asText();
        assertEquals(group.get("id").asInt(), r.get("participantGroups").get(member).asInt());
        assertEquals(204, r.get("projection").size());
        assertEquals(50, r.get("consensus").size());
        assertTrue(r.get("bridging").size() > 0);
        assertTrue(r.get("bridging").get(0).has("score"));
    }

    @Test
    void givenGroupsAreUsed() throws IOException {
        Path folder = resource("polis-math/below-100-ptpts");
        JsonNode r = analyze("analyze", folder.toString(), "--groups", folder.resolve("polis-groups.csv").toString());
        assertEquals(3, r.get("groups").size());
        assertEquals(23, r.get("participantGroups").size());
        assertEquals(2, r.get("participantGroups").get("0").asInt());
    }

    @Test
    void replaysInTimeWindows() throws IOException {
        JsonNode perSecond = analyze("analyze", resource("polis/london.youth.policing").toString(), "--replay");
        assertEquals(26, perSecond.get("participants").asInt());
        long ticks = perSecond.get("tick").asLong();
        JsonNode perMinute = analyze("analyze", resource("polis/london.youth.policing").toString(), "--replay",
                "--window", "1m");
        assertTrue(perMinute.get("tick").asLong() < ticks, "fewer, larger windows");
        assertEquals(485, ticks); // distinct seconds holding votes (SOURCE.md: 640 votes)
    }

    @Test
    void aTooSmallConversationHasNoGroupsAndANote() throws IOException {
        writeComments(3);
        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1500000000000,,0,1,1
                1500000001000,,1,1,-1
                1500000002000,,0,2,1
                1500000003000,,2,2,0
                1500000004000,,1,3,1
                """);
        JsonNode r = analyze("analyze", dir.toString());
        assertEquals(0, r.get("groups").size());
        assertTrue(r.get("note").asText().startsWith("too few participants"), r.get("note").asText());
        assertEquals(3, r.get("participants").asInt());
        assertEquals(3, r.get("projection").size());
    }

    @Test
    void aFolderWithoutVotesFails() throws IOException {
        writeComments(2);
        CommandRun run = CommandRun.of("analyze", dir.toString());
        assertNotEquals(0, run.exit());
        assertEquals("charter: " + dir + ": neither votes.csv nor participants-votes.csv in this folder: the export"
                + " has no votes", run.err().strip());
    }

    @Test
    void aMalformedLineIsNamed() throws IOException {
        writeComments(2);
        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1500000000000,,0,1,1
                1500000001000,,1,1
                """);
        CommandRun run = CommandRun.of("analyze", dir.toString());
        assertNotEquals(0, run.exit());
        assertEquals("charter: votes.csv:3: expected 5 fields like the header, found 4", run.err().strip());
    }

    @Test
    void aVoteOutsideTheScaleIsNamed() throws IOException {
        writeComments(2);
        Files.writeString(dir.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1500000000000,,0,1,1
                1500000001000,,1,1,5
                """);
        CommandRun run = CommandRun.of("analyze", dir.toString());
        assertNotEquals(0, run.exit());
        assertEquals("charter: votes.csv:3: vote must be -1, 0 or 1, found 5", run.err().strip());
    }

    @Test
    void aMatrixCellOutsideTheScaleIsNamed() throws IOException {
        writeComments(2);
        Files.writeString(dir.resolve("participants-votes.csv"), """
                participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1
                1,,0,2,1,0,1,0
                2,,0,2,1,0,1,-2
                """);
        CommandRun run = CommandRun.of("analyze", dir.toString());
        assertNotEquals(0, run.exit());
        assertEquals("charter: participants-votes.csv:3: comment 1: vote must be -1, 0 or 1, found -2",
                run.err().strip());
    }

    @Test
    void anEmptyConversationFails() throws IOException {
        writeComments(2);
        Files.writeString(dir.resolve("votes.csv"), "timestamp,datetime,comment-id,voter-id,vote\n");
        CommandRun run = CommandRun.of("analyze", dir.toString());
        assertNotEquals(0, run.exit());
        assertEquals("charter: votes.csv: no votes: the conversation is empty, there is nothing to analyse",
                run.err().strip());
    }

    @Test
    void replayNeedsVoteTimes() throws IOException {
        writeComments(2);
        Files.writeString(dir.resolve("participants-votes.csv"), """
                participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1
                1,,0,2,1,0,1,0
                """);
        CommandRun run = CommandRun.of("analyze", dir.toString(), "--replay");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().startsWith("charter: participants-votes.csv: --replay needs the vote times"), run.err());
    }

    @Test
    void aBadWindowIsRefused() {
        CommandRun run = CommandRun.of("analyze", dir.toString(), "--replay", "--window", "soon");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("'soon' is not a duration"), run.err());
    }

    private void writeComments(int count) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,"
                + "comment-body\n");
        for (int c = 0; c < count; c++) {
            csv.append("1500000000000,,").append(c).append(",0,0,0,1,Statement ").append(c).append('\n');
        }
        Files.writeString(dir.resolve("comments.csv"), csv);
    }
}
