package org.charter.constitution;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.analysis.Votes;
import org.charter.polis.PolisAnalysisInput;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.polis.PolisParticipant;
import org.charter.polis.PolisParticipantsVotes;
import org.charter.polis.PolisVote;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Collective Constitutional AI conversation (Anthropic and the Collective Intelligence Project, 2023), read from
 * ../shared/data (no license: never copied into the repository). Reproduces the authors' per-group agreement from
 * their cleaned votes and groups, their published counts of statements above each threshold in both groups, and
 * reports what Charter's default selection keeps from the raw export.
 */
@Tag("real-data")
class CcaiConstitutionRealDataTest {

    private static Path folder() {
        Path f = Path.of(System.getProperty("charter.test.shared-data", "../shared/data"), "polis",
                "ccai.3akt5cdsfk.2023-07-18");
        assertTrue(Files.isDirectory(f), "the real-data suite needs " + f);
        return f;
    }

    /** clean_comments.csv: comment id → {group_0_consensus, group_1_consensus}, and the texts. */
    private static Map<Long, double[]> authorsAgreement(Map<Long, String> texts) throws IOException {
        Map<Long, double[]> out = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(folder().resolve("clean_comments.csv").toFile())) {
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                long id = Long.parseLong(r.get("comment-id"));
                out.put(id, new double[]{Double.parseDouble(r.get("group_0_consensus")),
                        Double.parseDouble(r.get("group_1_consensus"))});
                texts.put(id, r.get("comment-body"));
            }
        }
        return out;
    }

    @Test
    void reproducesTheAuthorsAgreementAndCountsFromTheirVotes() throws IOException {
        Map<Long, String> texts = new HashMap<>();
        Map<Long, double[]> authors = authorsAgreement(texts);
        assertEquals(275, authors.size());
        PolisParticipantsVotes matrix = PolisExportReader.readParticipantsVotes(folder().resolve("clean_votes.csv"));
        Map<Long, Integer> groups = new HashMap<>();
        for (PolisParticipant p : matrix.participants()) {
            groups.put(p.participantId(), p.groupId());
        }
        assertEquals(1002, groups.size());
        Votes.Builder votes = Votes.builder();
        for (PolisVote v : PolisExportReader.votesOf(matrix)) {
            votes.add(v.voterId(), v.commentId(), v.vote());
        }
        List<AnalysisInput.Statement> statements = authors.keySet().stream().map(AnalysisInput.Statement::of).toList();
        AnalysisResult result = OpinionAnalysis.update(AnalysisInput.of(statements, votes.build()).withGroups(groups),
                null, AnalysisParameters.POLIS).result();
        assertEquals(2, result.groups().size());

        // all 550 per-group agreement values, through the constitution's selection
        Selection.Outcome all = Selection.select(result, texts, SelectionParameters.of(0.5, 1, null, null, null));
        Map<Long, Map<Integer, Double>> charter = new HashMap<>();
        all.candidates().forEach(c -> charter.put(c.statementId(), Selection.agreement(c.groupVotes())));
        all.excluded().forEach(e -> charter.put(e.statementIds().getFirst(), e.groupAgreement()));
        int exact = 0;
        for (Map.Entry<Long, double[]> e : authors.entrySet()) {
            for (int g = 0; g < 2; g++) {
                double mine = charter.get(e.getKey()).get(g);
                assertEquals(e.getValue()[g], mine, 1e-12, "statement " + e.getKey() + " group " + g);
                if (mine == e.getValue()[g]) {
                    exact++;
                }
            }
        }
        System.out.println("CCAI: " + exact + " of 550 per-group agreement values equal the authors' to the last bit");

        // published counts of statements above each threshold in both groups
        Map<Double, Integer> published = new TreeMap<>(Map.of(0.6, 233, 0.7, 196, 0.75, 180, 0.8, 135, 0.85, 82, 0.9, 33));
        published.forEach((threshold, count) -> assertEquals(count.intValue(), Selection.select(result, texts,
                        SelectionParameters.of(threshold, 1, null, null, null)).candidates().size(),
                "statements above " + threshold + " in both groups"));
    }

    @Test
    void rewritesEveryCcaiStatementIntoAWellFormedCaiLine() throws IOException {
        Map<Long, String> texts = new HashMap<>();
        authorsAgreement(texts);
        int rewritten = 0;
        for (String statement : new TreeMap<>(texts).values()) {
            String line = CaiRewrite.rewrite(statement);
            System.out.println(statement.strip() + "\n    -> " + line);
            assertTrue(line.startsWith("Choose the response that ") && line.endsWith(".") && !line.endsWith(".."), line);
            assertTrue(!line.contains("  ") && !line.contains(" ,") && !line.contains(",,"), line);
            boolean template = line.contains("consistent with the principle that") || line.contains("reflects this principle");
            if (!template) {
                rewritten++;
                // a rephrased rule has lost its subject and modal, and starts with its degree
                assertTrue(!line.contains(" should ") && !line.toLowerCase(java.util.Locale.ROOT).contains("the ai should"), line);
                assertTrue(line.matches("Choose the response that (most|least|only|is most|is least|is best) .*"), line);
            }
        }
        System.out.println("CCAI: " + rewritten + " of " + texts.size() + " statements rephrased by rule, the others by template");
        assertTrue(rewritten >= 0.7 * texts.size(), rewritten + " of " + texts.size());
    }

    @Test
    void reportsWhatCharterKeepsFromTheRawExport() throws IOException {
        Map<Long, String> cleanTexts = new HashMap<>();
        Map<Long, double[]> authors = authorsAgreement(cleanTexts);
        Set<Long> authorsAbove60 = new HashSet<>();
        authors.forEach((id, r) -> {
            if (r[0] > 0.6 && r[1] > 0.6) {
                authorsAbove60.add(id);
            }
        });
        PolisExport export = PolisExportReader.read(folder());
        AnalysisResult result = OpinionAnalysis.update(PolisAnalysisInput.of(export), null, AnalysisParameters.POLIS)
                .result();
        Map<Long, String> texts = new HashMap<>();
        export.comments().forEach(c -> texts.put(c.commentId(), c.body()));
        long start = System.nanoTime();
        Constitution c = ConstitutionBuilder.build(result, texts, SelectionParameters.DEFAULTS,
                ConstitutionBuilder.source(result, "ccai", null, null, null, texts.size(), "Charter"), "CCAI");
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> kept = new ArrayList<>();
        c.principles().forEach(p -> kept.addAll(p.statementIds()));
        long inAuthors = kept.stream().filter(authorsAbove60::contains).count();
        Map<String, Integer> reasons = new TreeMap<>();
        c.excluded().forEach(e -> reasons.merge(e.reason(), 1, Integer::sum));
        System.out.printf("CCAI, Charter's defaults (%d groups: %s): %d principles from %d statements (%d merged "
                        + "groups); %d of those statements are among the authors' %d above 0.6 in both of their groups; "
                        + "%d minority views; excluded %s; built in %.2f s%n",
                result.groups().size(), c.source().groups(), c.principles().size(), kept.size(),
                c.principles().stream().filter(p -> p.statementIds().size() > 1).count(), inAuthors,
                authorsAbove60.size(), c.minorityViews().size(), reasons, seconds);
        c.minorityViews().forEach(m -> System.out.println("  minority view of group " + m.group() + ": " + m.text()));
        System.out.println("  first principles: ");
        c.principles().stream().limit(10).forEach(p -> System.out.println("    " + p.cai()));
        assertTrue(c.principles().size() >= 100, "principles: " + c.principles().size());
        assertTrue(inAuthors >= 0.8 * kept.size(), inAuthors + " of " + kept.size());
        for (Constitution.Principle p : c.principles()) {
            assertTrue(p.cai().startsWith("Choose the response that ") && p.cai().endsWith("."), p.cai());
            assertTrue(p.minGroupAgreement() > 0.6);
        }
    }
}
