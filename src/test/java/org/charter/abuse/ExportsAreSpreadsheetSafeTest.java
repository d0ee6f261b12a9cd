package org.charter.abuse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every CSV download over HTTP — the Polis export, the constitution, a survey dataset, a similarity ranking and a
 * comparison — with statements, questions and country names written to be formulas: no cell a spreadsheet would run
 * (text cells get an apostrophe, numbers such as -0.05 stay numbers), and what Charter reads back is what was written.
 * The constitution's Markdown, rendered, shows markup from participants as text.
 */
@MicronautTest(transactional = false)
class ExportsAreSpreadsheetSafeTest extends DatabaseTest {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\",\"click me\")",
            "+1 for free trains", "-2 is not a score", "@everyone should vote", "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">");
    private static final List<String> DIVISIVE = List.of("The town should build a stadium.", "Cars should be banned downtown.",
            "Taxes should rise for the library.");
    private static final String WRITTEN = "=1+1 is what a participant wrote";

    @Inject
    @Client("/")
    HttpClient client;

    @TempDir
    Path tmp;

    private Api api;
    private String organizer;

    @Override
    protected Map<String, String> extraProperties() {
        // Only the recompute below analyses the conversation, from scratch: a live run warm-started the recompute from
        // whatever state the machine's load had let it reach, and the groups (so the principles) varied with it.
        return Map.of("charter.test.sign-in-opinions", "true", "charter.analysis.live", "false");
    }

    @BeforeAll
    void conversation() {
        api = new Api(client);
        organizer = api.newOrganizer();
        org.charter.testing.SignedInOpinionsClient.token = organizer;
        List<String> seeds = new ArrayList<>(HOSTILE);
        seeds.addAll(DIVISIVE);
        api.post("/api/conversations", Map.of("slug", "hostile", "topic", "=HYPERLINK(\"http://evil.example\",\"topic\")",
                "description", "-A description that starts with a minus", "seedStatements", seeds), organizer);
        Map<String, Long> ids = new HashMap<>();
        for (Object card : api.getList("/api/conversations/hostile/statements", null)) {
            ids.put((String) ((Map<?, ?>) card).get("text"), ((Number) ((Map<?, ?>) card).get("id")).longValue());
        }
        // three camps that agree on the hostile texts and split on the divisive ones, so that the hostile texts
        // become the constitution's principles
        Random random = new Random(5);
        for (int p = 0; p < 45; p++) {
            String token = api.join("hostile");
            if (p == 0) {
                api.asParticipant(HttpRequest.POST("/api/conversations/hostile/statements", Map.of("text", WRITTEN)), token);
            }
            for (String text : HOSTILE) {
                api.vote("hostile", token, ids.get(text), random.nextDouble() < 0.9 ? "agree" : "pass");
            }
            for (int d = 0; d < DIVISIVE.size(); d++) {
                api.vote("hostile", token, ids.get(DIVISIVE.get(d)), random.nextDouble() < 0.85 == (d == p % 3) ? "agree" : "disagree");
            }
        }
        api.post("/api/conversations/hostile/analysis/recompute", Map.of(), organizer);
    }

    /** Every row of a CSV, as spreadsheets see cells. */
    private static List<String[]> rows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** No cell starts like a formula unless it is a number; answers the cells for further checks. */
    private static Set<String> assertNoFormulas(String name, String csv) throws Exception {
        List<String> formulas = new ArrayList<>();
        Set<String> cells = new java.util.HashSet<>();
        for (String[] row : rows(csv)) {
            for (String cell : row) {
                cells.add(cell);
                if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches()) {
                    formulas.add(cell);
                }
            }
        }
        assertEquals(List.of(), formulas, name + " has cells a spreadsheet would run");
        return cells;
    }

    private String get(String path, String token) {
        return client.toBlocking().retrieve(Api.auth(HttpRequest.GET(path), token), String.class);
    }

    @Test
    void thePolisExportDefusesFormulasAndReadsBackAsWritten() throws Exception {
        byte[] zip = client.toBlocking().retrieve(Api.auth(HttpRequest.GET("/api/conversations/hostile/export/polis"), organizer), byte[].class);
        Path folder = Files.createDirectories(tmp.resolve("hostile"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.write(folder.resolve(e.getName()), in.readAllBytes());
            }
        }
        Set<String> comments = assertNoFormulas("comments.csv", Files.readString(folder.resolve("comments.csv")));
        assertTrue(comments.contains("'=HYPERLINK(\"http://evil.example\",\"click me\")"), comments::toString);
        assertTrue(comments.contains("'" + WRITTEN), "the participant's statement too");
        Set<String> summary = assertNoFormulas("summary.csv", Files.readString(folder.resolve("summary.csv")));
        assertTrue(summary.contains("'-A description that starts with a minus"), summary::toString);
        assertNoFormulas("participants-votes.csv", Files.readString(folder.resolve("participants-votes.csv")));
        assertTrue(rows(Files.readString(folder.resolve("votes.csv"))).stream().anyMatch(r -> r[4].equals("-1")),
                "votes stay numbers, -1 included");

        PolisExport back = PolisExportReader.read(folder);
        Set<String> texts = back.comments().stream().map(PolisComment::body).collect(Collectors.toSet());
        assertTrue(texts.containsAll(HOSTILE) && texts.contains(WRITTEN), texts::toString);
        assertEquals("=HYPERLINK(\"http://evil.example\",\"topic\")", back.summary().get("topic"));
    }

    @Test
    void theConstitutionCsvDefusesFormulasAndItsMarkdownShowsMarkupAsText() throws Exception {
        String csv = get("/api/conversations/hostile/constitution/draft/export?format=csv", organizer);
        Set<String> cells = assertNoFormulas("constitution csv", csv);
        for (String text : List.of(HOSTILE.get(0), HOSTILE.get(1), HOSTILE.get(2), HOSTILE.get(3))) {
            assertTrue(cells.contains("'" + text), () -> "principle " + text + " in\n" + csv);
        }
        List<String> principles = org.charter.constitution.ConstitutionCsv.read(csv, "draft.csv").stream()
                .map(org.charter.constitution.ConstitutionCsv.Row::text).toList();
        assertTrue(principles.containsAll(HOSTILE), principles::toString);

        String md = get("/api/conversations/hostile/constitution/draft/export?format=md", organizer);
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;"), html);
    }

    @Test
    void surveyDownloadsRankingsAndComparisonsDefuseFormulas() throws Exception {
        String question = "=HYPERLINK(\"http://evil.example\",\"question\")";
        String survey = "question,selections,options,source\n"
                + csvCell(question) + "," + csvCell(selections()) + ",\"['Yes', 'No']\",@source\n"
                + "\"+1 or -1?\"," + csvCell(selections()) + ",\"['Yes', 'No']\",-source\n";
        Map<?, ?> dataset = client.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets?name=hostile", survey)
                .contentType("text/csv").bearerAuth(organizer), Map.class);
        long id = ((Number) dataset.get("id")).longValue();

        String download = get("/api/opinions/datasets/" + id + "/download", null);
        Set<String> cells = assertNoFormulas("survey download", download);
        assertTrue(cells.contains("'" + question) && cells.contains("'+1 or -1?") && cells.contains("'@source"), cells::toString);
        // uploading the download again gives the questions as first written
        Map<?, ?> again = client.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets?name=hostile-again", download)
                .contentType("text/csv").bearerAuth(organizer), Map.class);
        Map<?, ?> page = api.get("/api/opinions/datasets/" + again.get("id") + "/questions", null);
        List<?> questions = (List<?>) page.get("questions");
        assertEquals(List.of(question, "+1 or -1?"), questions.stream().map(q -> ((Map<?, ?>) q).get("text")).toList());

        long before = answerSet(id, "before", 0.5);
        long after = answerSet(id, "after", 0.9);
        String ranking = get("/api/opinions/datasets/" + id + "/answer-sets/" + before + "/results?format=csv&resamples=0&minQuestions=1", null);
        Set<String> rankingCells = assertNoFormulas("ranking", ranking);
        assertTrue(rankingCells.containsAll(List.of("'=cmd|' /C calc'!A0", "'-Minus land", "'@Atland", "'+Plusland")), rankingCells::toString);
        String comparison = get("/api/opinions/datasets/" + id + "/compare?before=" + before + "&after=" + after
                + "&format=csv&resamples=0&minQuestions=1", null);
        Set<String> comparisonCells = assertNoFormulas("comparison", comparison);
        assertTrue(comparisonCells.contains("'=cmd|' /C calc'!A0"), comparisonCells::toString);
        assertTrue(comparisonCells.stream().anyMatch(c -> c.startsWith("-0.")), "a negative change stays a number: " + comparisonCells);
    }

    private long answerSet(long dataset, String name, double yes) {
        String jsonl = "{\"qid\": 0, \"distribution\": [" + yes + ", " + (1 - yes) + "]}\n"
                + "{\"qid\": 1, \"distribution\": [" + yes + ", " + (1 - yes) + "]}\n";
        Map<?, ?> set = client.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets/" + dataset
                + "/answer-sets?name=" + name, jsonl).contentType("application/x-ndjson").bearerAuth(organizer), Map.class);
        return ((Number) set.get("id")).longValue();
    }

    /** Countries whose names are formulas, and two real ones; their answers lean differently. */
    private static String selections() {
        return "defaultdict(<class 'list'>, {\"=cmd|' /C calc'!A0\": [0.9, 0.1], '-Minus land': [0.2, 0.8], "
                + "'@Atland': [0.5, 0.5], '+Plusland': [0.7, 0.3], 'Brazil': [0.6, 0.4]})";
    }

    private static String csvCell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
