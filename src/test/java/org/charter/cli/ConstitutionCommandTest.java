package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.charter.constitution.ConstitutionCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charter constitution}: every format from a Polis export folder, compare, and clear failures. */
class ConstitutionCommandTest {

    @TempDir
    Path dir;

    private static String brexit() {
        try {
            return Path.of(ConstitutionCommandTest.class.getResource("/polis/brexit-consensus").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String build(String format, String... extra) throws IOException {
        Path out = dir.resolve("constitution." + format);
        List<String> args = new java.util.ArrayList<>(List.of("constitution", brexit(), "--format", format, "--out", out.toString()));
        args.addAll(List.of(extra));
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return Files.readString(out);
    }

    @Test
    void writesEveryFormatWithTheSamePrinciples() throws IOException {
        JsonNode json = Output.JSON.readTree(build("json"));
        int n = json.get("principles").size();
        assertTrue(n >= 5, "principles: " + n);
        assertEquals("brexit-consensus", json.get("source").get("conversation").asText());
        assertEquals(0.6, json.get("parameters").get("minGroupAgreement").asDouble());
        assertEquals(5303, json.get("source").get("votes").asInt());
        List<ConstitutionCsv.Row> rows = ConstitutionCsv.read(build("csv"), "constitution.csv");
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) {
            assertEquals(json.get("principles").get(i).get("text").asText(), rows.get(i).text());
        }
        String cai = build("cai");
        assertEquals(n, cai.strip().split("\n").length);
        String md = build("md", "--title", "Brexit principles");
        assertTrue(md.startsWith("# Brexit principles\n"));
        assertTrue(md.contains("## Methods"));
    }

    @Test
    void thresholdsChangeTheSelection() throws IOException {
        int defaults = Output.JSON.readTree(build("json")).get("principles").size();
        JsonNode strict = Output.JSON.readTree(build("json", "--min-agreement", "0.9", "--min-votes", "10",
                "--rank-by", "bridging", "--merge-threshold", "1"));
        assertTrue(strict.get("principles").size() < defaults);
        assertEquals("BRIDGING", strict.get("parameters").get("rankBy").asText());
        double previous = Double.MAX_VALUE;
        for (JsonNode p : strict.get("principles")) {
            assertTrue(p.get("bridging").asDouble() <= previous);
            previous = p.get("bridging").asDouble();
            for (JsonNode rate : p.get("groupAgreement")) {
                assertTrue(rate.asDouble() > 0.9);
            }
        }
    }

    @Test
    void comparesTwoConstitutions() throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, build("json"));
        Path b = dir.resolve("b.txt");
        Files.writeString(b, "# Our own\n- I voted to Remain.\n- Pineapple belongs on pizza\n");
        Path out = dir.resolve("cmp.json");
        CommandRun r = CommandRun.of("constitution", "compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode c = Output.JSON.readTree(out.toFile());
        assertEquals(2, c.get("summary").get("bPrinciples").asInt());
        assertEquals(1, c.get("summary").get("bOverlapping").asInt());
        assertEquals("I voted to Remain.", c.get("bToA").get(0).get("closest").asText());
        CommandRun md = CommandRun.of("constitution", "compare", a.toString(), b.toString(), "--format", "md", "--out", dir.resolve("c.md").toString());
        assertEquals(0, md.exit(), md.err());
    }

    @Test
    void badInputIsOneClearLine() throws IOException {
        CommandRun r = CommandRun.of("constitution", brexit(), "--min-agreement", "1.5");
        assertEquals(1, r.exit());
        assertEquals("charter: --min-agreement: must be at least 0.5 (a majority of every group) and below 1, found 1.5",
                r.err().strip());
        assertTrue(CommandRun.of("constitution", brexit(), "--merge-threshold", "0").err().startsWith("charter: --merge-threshold:"));
        assertTrue(CommandRun.of("constitution", brexit(), "--rank-by", "votes").err().startsWith("charter: --rank-by:"));
        assertTrue(CommandRun.of("constitution", brexit(), "--format", "pdf").err().startsWith("charter: --format:"));
        assertTrue(CommandRun.of("constitution").err().startsWith("charter: DIR:"));
        assertTrue(CommandRun.of("constitution", dir.resolve("missing").toString()).err().startsWith("charter: "));
        assertTrue(CommandRun.of("constitution", "compare", dir.resolve("x").toString(), dir.resolve("y").toString(),
                "--threshold", "2").err().startsWith("charter: --threshold:"));

        // a folder without votes
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("comments.csv"),
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                        + "1500000000000,x,0,0,0,0,1,Hello\n");
        Files.writeString(empty.resolve("votes.csv"), "timestamp,datetime,comment-id,voter-id,vote\n");
        CommandRun noVotes = CommandRun.of("constitution", empty.toString());
        assertEquals(1, noVotes.exit());
        assertTrue(noVotes.err().startsWith("charter: votes.csv: no votes"), noVotes.err());

        // a conversation too small for opinion groups
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.copy(empty.resolve("comments.csv"), small.resolve("comments.csv"));
        Files.writeString(small.resolve("votes.csv"), "timestamp,datetime,comment-id,voter-id,vote\n"
                + "1500000000001,x,0,1,1\n1500000000002,x,0,2,1\n1500000000003,x,0,3,-1\n");
        CommandRun noGroups = CommandRun.of("constitution", small.toString());
        assertEquals(1, noGroups.exit());
        assertTrue(noGroups.err().startsWith("charter: conversation: the conversation has no opinion groups yet"),
                noGroups.err());
    }
}
