package org.charter.polis;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.abuse.SpreadsheetSafeText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a conversation in Polis's export layout ({@code comments.csv}, {@code votes.csv},
 * {@code participants-votes.csv}, {@code summary.csv}), which {@link PolisExportReader} and Polis-compatible tools
 * read. Output is deterministic: writing what was read from a written folder gives the same bytes.
 *
 * <p>Text cells that a spreadsheet would run as a formula are written with a leading apostrophe
 * ({@link SpreadsheetSafeText}); {@link PolisExportReader} takes it off again.
 */
public final class PolisExportWriter {

    /** The newer comments.csv layout (with is-meta and is-seed), which Charter always writes. */
    public static final List<String> COMMENT_COLUMNS = List.of("timestamp", "datetime", "comment-id", "author-id",
            "agrees", "disagrees", "moderated", "is-meta", "is-seed", "comment-body");
    private static final List<String> VOTE_COLUMNS = List.of("timestamp", "datetime", "comment-id", "voter-id", "vote");
    private static final CsvMapper CSV = new CsvMapper();

    private PolisExportWriter() {
    }

    /** Each file's name and content, in the order a folder lists them. */
    public static Map<String, byte[]> files(PolisExport export) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PolisExportReader.COMMENTS, comments(export.comments()));
        files.put(PolisExportReader.VOTES, votes(export.votes()));
        export.participantsVotes().ifPresent(m -> files.put(PolisExportReader.PARTICIPANTS_VOTES, participantsVotes(m)));
        if (!export.summary().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            export.summary().forEach((k, v) -> rows.add(List.of(k, escapeText(v))));
            files.put(PolisExportReader.SUMMARY, csv(rows));
        }
        return files;
    }

    public static void write(PolisExport export, Path folder) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : files(export).entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder, e);
        }
    }

    /** Guards against formula injection when the CSV is opened in a spreadsheet. */
    private static String escapeText(String text) {
        return SpreadsheetSafeText.escape(text);
    }

    private static byte[] comments(List<PolisComment> comments) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COMMENT_COLUMNS);
        for (PolisComment c : comments) {
            rows.add(List.of(Long.toString(c.timestampMillis()), c.datetime(), Long.toString(c.commentId()),
                    Long.toString(c.authorId()), Long.toString(c.agrees()), Long.toString(c.disagrees()),
                    Integer.toString(c.moderation().code()), Boolean.toString(c.isMeta()), Boolean.toString(c.isSeed()),
                    escapeText(c.body())));
        }
        return csv(rows);
    }

    private static byte[] votes(List<PolisVote> votes) {
        List<List<String>> rows = new ArrayList<>(votes.size() + 1);
        rows.add(VOTE_COLUMNS);
        for (PolisVote v : votes) {
            rows.add(List.of(v.timestampMillis() == null ? "" : Long.toString(v.timestampMillis()),
                    v.datetime() == null ? "" : v.datetime(), Long.toString(v.commentId()), Long.toString(v.voterId()),
                    Integer.toString(v.vote())));
        }
        return csv(rows);
    }

    private static byte[] participantsVotes(PolisParticipantsVotes matrix) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("participant"));
        if (matrix.hasXidColumn()) {
            header.add("xid");
        }
        header.addAll(List.of("group-id", "n-comments", "n-votes", "n-agree", "n-disagree"));
        matrix.commentIds().forEach(id -> header.add(Long.toString(id)));
        rows.add(header);
        for (PolisParticipant p : matrix.participants()) {
            List<String> row = new ArrayList<>(header.size());
            row.add(Long.toString(p.participantId()));
            if (matrix.hasXidColumn()) {
                row.add(p.xid() == null ? "" : escapeText(p.xid()));
            }
            row.add(p.groupId() == null ? "" : Integer.toString(p.groupId()));
            row.add(Long.toString(p.nComments()));
            row.add(Long.toString(p.nVotes()));
            row.add(Long.toString(p.nAgree()));
            row.add(Long.toString(p.nDisagree()));
            for (long id : matrix.commentIds()) {
                Integer vote = p.votes().get(id);
                row.add(vote == null ? "" : Integer.toString(vote));
            }
            rows.add(row);
        }
        return csv(rows);
    }

    private static byte[] csv(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SequenceWriter w = CSV.writerFor(String[].class)
                .with(CsvSchema.emptySchema().withLineSeparator("\n"))
                .writeValues(out)) {
            for (List<String> row : rows) {
                w.write(row.toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
