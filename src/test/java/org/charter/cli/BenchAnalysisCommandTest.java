package org.charter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charter bench analysis} runs on a small size and reports a table row (no timing is asserted). */
class BenchAnalysisCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsASize() throws Exception {
        Path out = dir.resolve("bench.md");
        int exit = CharterCommand.commandLine().execute("bench", "analysis", "--sizes", "600x80", "--density",
                "0.5", "--repeat", "1", "--no-end-to-end", "--out", out.toString());
        assertEquals(0, exit);
        String report = Files.readString(out);
        String row = report.lines().filter(l -> l.startsWith("| 600 × 80 |")).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        assertEquals("3", cells[7].strip(), "three planted groups are found: " + row);
        assertTrue(Double.parseDouble(cells[8].strip()) > 0.9, "they match the planted ones: " + row);
    }

    @Test
    void aBadSizeIsRefused() {
        CommandRun run = CommandRun.of("bench", "analysis", "--sizes", "huge", "--no-end-to-end");
        assertTrue(run.exit() != 0);
        assertEquals("charter: --sizes: 'huge' is not 1k, 10k, 100k or PxS (e.g. 2000x300)", run.err().strip());
    }
}
