package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charter bench votes} on a small conversation: it drives a real server over HTTP, reports the phases asked for,
 * keeps to its schedule, and leaves no database behind (no timing is asserted).
 */
class BenchVotesCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSmallOpenLoopRunReportsThePhasesAskedFor() throws Exception {
        Set<Path> before = benchDirectories();
        Path out = dir.resolve("votes.json");
        int exit = CharterCommand.commandLine().execute("bench", "votes", "--statements", "40", "--participants", "300",
                "--seed-votes", "5", "--clients", "4", "--warmup", "1", "--seconds", "2", "--rate", "100",
                "--phases", "vote,next", "--out", out.toString());
        assertEquals(0, exit);
        JsonNode report = Output.JSON.readTree(out.toFile());
        for (String phase : List.of("voteOnly", "next")) {
            JsonNode p = report.get(phase);
            assertEquals(100, p.get("offeredPerSecond").asInt(), phase);
            long requests = p.get("requests").asLong();
            assertTrue(requests > 0 && requests <= 100 * 2 + 4,
                    phase + ": the schedule allows at most rate × seconds (+1 per client): " + requests);
            assertTrue(p.get("p50ms").asDouble() <= p.get("p99ms").asDouble(), phase + ": " + p);
            double jit = p.get("serverJitShare").asDouble(-1); // this machine is Linux: /proc is there to read
            assertTrue(jit >= 0 && jit <= 1, phase + ": the server's JIT share is a share: " + p);
            assertEquals(2, p.get("p99msBySecond").size(), phase + ": one p99 per measured second: " + p);
            assertTrue(p.get("analysisRuns").isArray(), phase + ": " + p);
            assertTrue(p.get("analysisAgeAtEndSeconds").asDouble() > 0, phase + ": analysed before the phases: " + p);
        }
        assertEquals("server", report.get("analysis").asText(), "the analysis runs in the server by default");
        assertFalse(report.has("voteWithNext"), "only the phases asked for run");
        assertEquals(before, benchDirectories(), "the benchmark's database is deleted");
    }

    @Test
    void anUnknownPhaseIsRefusedBeforeAnythingStarts() throws Exception {
        Set<Path> before = benchDirectories();
        CommandRun run = CommandRun.of("bench", "votes", "--phases", "vote,dance");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--phases: unknown phase 'dance'; use next, vote, vote-next"), run.err());
        assertEquals(before, benchDirectories(), "no server was started");
    }

    @Test
    void anUnknownPlaceForTheAnalysisIsRefusedBeforeAnythingStarts() throws Exception {
        Set<Path> before = benchDirectories();
        CommandRun run = CommandRun.of("bench", "votes", "--analysis", "elsewhere");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--analysis") && run.err().contains("server, worker, off"), run.err());
        assertEquals(before, benchDirectories(), "no server was started");
    }

    private static Set<Path> benchDirectories() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("charter-bench-votes")).collect(Collectors.toSet());
        }
    }
}
