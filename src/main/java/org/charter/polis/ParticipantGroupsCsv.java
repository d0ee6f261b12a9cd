package org.charter.polis;

import org.charter.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A participant → group file: CSV with the header {@code participant,group-id} (the column names of
 * {@code participants-votes.csv}). Used to give the analysis groups instead of clustering, for parity with Polis or
 * for groups defined by participant metadata. Rows with a blank group are skipped (not placed).
 */
public final class ParticipantGroupsCsv {

    private ParticipantGroupsCsv() {
    }

    /** Participant id → group id, in file order. */
    public static Map<Long, Integer> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw Problem.invalid(file.toString(), "no such file");
        }
        try (CsvFile csv = CsvFile.open(file)) {
            Map<String, Integer> header = csv.header();
            int participant = csv.require(header, "participant");
            int group = csv.require(header, "group-id");
            Map<Long, Integer> groups = new LinkedHashMap<>();
            while (csv.next()) {
                long id = csv.integer(participant, "participant");
                Long g = csv.optionalInteger(group, "group-id");
                if (g == null) {
                    continue;
                }
                if (g < 0 || g > Integer.MAX_VALUE) {
                    throw Problem.invalid(csv.where(), "group-id must be a non-negative integer, found " + g);
                }
                if (groups.putIfAbsent(id, g.intValue()) != null) {
                    throw Problem.invalid(csv.where(), "participant " + id + " appears twice");
                }
            }
            if (groups.isEmpty()) {
                throw Problem.invalid(csv.name(), "no participant has a group");
            }
            return groups;
        }
    }
}
