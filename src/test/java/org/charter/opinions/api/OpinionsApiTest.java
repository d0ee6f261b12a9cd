package org.charter.opinions.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyDataset;
import org.charter.opinions.SurveyQuestion;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.charter.testing.SignedInOpinionsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opinions API over a real socket on a real PostgreSQL, with the real GlobalOpinionQA sample. */
@MicronautTest(transactional = false)
class OpinionsApiTest extends DatabaseTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(MAP);
    static final int UPLOAD_LIMIT = 400_000;

    @Inject
    @Client("/")
    HttpClient http;

    String sample;
    SurveyDataset parsed;
    long datasetId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.opinions.max-upload-bytes", String.valueOf(UPLOAD_LIMIT), "charter.test.sign-in-opinions", "true");
    }

    @BeforeAll
    void uploadTheSample() throws Exception {
        SignedInOpinionsClient.token = new Api(http).newOrganizer();
        try (InputStream in = getClass().getResourceAsStream("/globalopinions/global_opinions_sample.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        parsed = SurveyCsvReader.read(sample, "sample.csv");
        HttpResponse<Map<String, Object>> r = http.toBlocking().exchange(
                HttpRequest.POST("/api/opinions/datasets?name=GlobalOpinionQA%20sample&fileName=global_opinions_sample.csv", sample)
                        .contentType("text/csv"), MAP);
        assertEquals(HttpStatus.CREATED, r.getStatus());
        datasetId = ((Number) r.body().get("id")).longValue();
        assertEquals("/api/opinions/datasets/" + datasetId, r.header("Location"));
    }

    // --- helpers ---

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), MAP);
    }

    /** Sends the request, expects a 4xx problem document with this status, returns it. */
    private Map<String, Object> problem(HttpRequest<?> request, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> body = e.getResponse().getBody(MAP).orElseThrow();
        assertEquals(status.getCode(), ((Number) body.get("status")).intValue());
        assertNotNull(body.get("detail"));
        return body;
    }

    private long count(String sql) throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An answer set equal to one country's answers, as JSON lines. */
    private String mirrorOf(String country) {
        StringBuilder out = new StringBuilder();
        for (SurveyQuestion q : parsed.questions()) {
            double[] s = q.shares(country);
            if (s != null && java.util.Arrays.stream(s).sum() > 0) {
                out.append("{\"qid\": ").append(q.qid()).append(", \"distribution\": ")
                        .append(java.util.Arrays.toString(s)).append("}\n");
            }
        }
        return out.toString();
    }

    private long uploadAnswers(String name, String jsonl) {
        HttpResponse<Map<String, Object>> r = http.toBlocking().exchange(HttpRequest.POST(
                "/api/opinions/datasets/" + datasetId + "/answer-sets?name=" + name, jsonl).contentType("application/x-ndjson"), MAP);
        assertEquals(HttpStatus.CREATED, r.getStatus());
        return ((Number) r.body().get("id")).longValue();
    }

    // --- datasets ---

    @Test
    void theUploadedSampleIsSummarizedAndStored() throws Exception {
        Map<String, Object> summary = get("/api/opinions/datasets/" + datasetId);
        assertEquals("GlobalOpinionQA sample", summary.get("name"));
        assertEquals("global_opinions_sample.csv", summary.get("fileName"));
        assertEquals(279, summary.get("rows"));
        assertEquals(279, summary.get("questions"));
        assertEquals(124, summary.get("countries"));
        assertEquals(1047, summary.get("distributions"));
        assertEquals(Map.of("GAS", 232, "WVS", 47), summary.get("sources"));
        // Micronaut's JSON leaves out empty lists (serialization inclusion NON_EMPTY): no key means none
        assertEquals(List.of(), summary.get("skipped"));
        assertEquals(1047, count("SELECT count(*) FROM survey_distribution d JOIN survey_question q ON q.id = d.question_id"
                + " WHERE q.dataset_id = " + datasetId));
        List<Map<String, Object>> all = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets"), LIST);
        assertTrue(all.stream().anyMatch(d -> ((Number) d.get("id")).longValue() == datasetId));
    }

    @Test
    void skippedRowsAreReportedWithLineAndReason() {
        String csv = "question,selections,options,source\nQ0,\"{'A': [1, 0]}\",\"['Yes', 'No']\",GAS\n"
                + "Q1,\"{'A': [1, 0]\",\"['Yes', 'No']\",GAS\n";
        Map<String, Object> summary = http.toBlocking().retrieve(HttpRequest.POST(
                "/api/opinions/datasets?name=with-a-bad-row", csv).contentType("text/csv"), MAP);
        assertEquals(2, summary.get("rows"));
        assertEquals(1, summary.get("questions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> skipped = ((List<Map<String, Object>>) summary.get("skipped")).getFirst();
        assertEquals(3, skipped.get("line"));
        assertEquals("selections", skipped.get("column"));
    }

    @Test
    void multipartUploadTakesItsNameFromTheFile() {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", "tiny-survey.csv", MediaType.of("text/csv"),
                        "question,selections,options,source\nQ,\"{'A': [1, 0]}\",\"['Yes', 'No']\",GAS\n".getBytes(StandardCharsets.UTF_8))
                .build();
        HttpResponse<Map<String, Object>> r = http.toBlocking().exchange(HttpRequest.POST("/api/opinions/datasets", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), MAP);
        assertEquals(HttpStatus.CREATED, r.getStatus());
        assertEquals("tiny-survey", r.body().get("name"));
        assertEquals(1, r.body().get("questions"));
    }

    @Test
    void badDatasetUploadsAreRefusedWithProblemsAndStoreNothing() throws Exception {
        long before = count("SELECT count(*) FROM survey_dataset");
        Map<String, Object> p = problem(HttpRequest.POST("/api/opinions/datasets?name=broken&fileName=broken.csv",
                "question,selections,options,source\nQ0,\"{'A': [1, 0]}\",\"['Yes', 'No']\",GAS\n\"Q1,x,y,z\n").contentType("text/csv"),
                HttpStatus.BAD_REQUEST);
        assertEquals("broken.csv:line 3", p.get("where"));
        assertTrue(((String) p.get("detail")).contains("malformed CSV"));

        p = problem(HttpRequest.POST("/api/opinions/datasets?name=x", "question,options\nQ,\"['a','b']\"\n").contentType("text/csv"),
                HttpStatus.BAD_REQUEST);
        assertTrue(((String) p.get("detail")).contains("missing column 'selections'"));

        p = problem(HttpRequest.POST("/api/opinions/datasets", sample).contentType("text/csv"), HttpStatus.BAD_REQUEST);
        assertEquals("name", p.get("where"));

        p = problem(HttpRequest.POST("/api/opinions/datasets?name=GlobalOpinionQA%20sample", sample).contentType("text/csv"),
                HttpStatus.CONFLICT);
        assertEquals("name", p.get("where"));

        p = problem(HttpRequest.POST("/api/opinions/datasets?name=" + "n".repeat(201), sample).contentType("text/csv"),
                HttpStatus.BAD_REQUEST);
        assertEquals("name", p.get("where"));

        problem(HttpRequest.POST("/api/opinions/datasets?name=empty", "").contentType("text/csv"), HttpStatus.BAD_REQUEST);

        String big = sample + sample.substring(sample.indexOf('\n') + 1) + sample.substring(sample.indexOf('\n') + 1);
        p = problem(HttpRequest.POST("/api/opinions/datasets?name=too-big", big).contentType("text/csv"),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertEquals("file", p.get("where"));

        p = problem(HttpRequest.POST("/api/opinions/datasets", MultipartBody.builder().addPart("name", "x").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), HttpStatus.BAD_REQUEST);
        assertEquals("file", p.get("where"));

        problem(HttpRequest.POST("/api/opinions/datasets?name=json", "{}").contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertEquals(before, count("SELECT count(*) FROM survey_dataset"));
    }

    @Test
    void anUploadThatFailsHalfWayStoresNothing() throws Exception {
        // a database failure after the dataset and question rows are written, while the distributions are
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE FUNCTION refuse_failland() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.country = 'Failland' THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$""");
            s.execute("CREATE TRIGGER refuse_failland BEFORE INSERT ON survey_distribution FOR EACH ROW EXECUTE FUNCTION refuse_failland()");
        }
        long datasets = count("SELECT count(*) FROM survey_dataset");
        long questions = count("SELECT count(*) FROM survey_question");
        String csv = "question,selections,options,source\nQ0,\"{'Brazil': [1, 0]}\",\"['Yes', 'No']\",GAS\n"
                + "Q1,\"{'Failland': [1, 0]}\",\"['Yes', 'No']\",GAS\n";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/opinions/datasets?name=half-way", csv).contentType("text/csv"), String.class));
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, e.getStatus());
        assertFalse(e.getResponse().getBody(String.class).orElse("").contains("test failure"), "no internals leak");
        assertEquals(datasets, count("SELECT count(*) FROM survey_dataset"));
        assertEquals(questions, count("SELECT count(*) FROM survey_question"));
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER refuse_failland ON survey_distribution");
        }
    }

    @Test
    void unknownOrMalformedIdsAreProblems() {
        assertEquals("datasetId", problem(HttpRequest.GET("/api/opinions/datasets/999999"), HttpStatus.NOT_FOUND).get("where"));
        problem(HttpRequest.GET("/api/opinions/datasets/abc"), HttpStatus.BAD_REQUEST);
        assertEquals("qid", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/questions/5000"),
                HttpStatus.NOT_FOUND).get("where"));
        problem(HttpRequest.DELETE("/api/opinions/datasets/999999"), HttpStatus.NOT_FOUND);
    }

    @Test
    void questionsArePagedSearchedAndShownWithTheirDistributions() {
        Map<String, Object> page = get("/api/opinions/datasets/" + datasetId + "/questions?offset=1&limit=2");
        assertEquals(279, page.get("total"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions = (List<Map<String, Object>>) page.get("questions");
        assertEquals(List.of(1, 2), questions.stream().map(q -> q.get("qid")).toList());
        assertEquals(java.util.Arrays.asList(1.0, 2.0, 3.0, 4.0, null), questions.getFirst().get("ordinal"));

        Map<String, Object> found = get("/api/opinions/datasets/" + datasetId + "/questions?q=CLIMATE%20change&limit=500");
        assertTrue(((Number) found.get("total")).intValue() >= 1);

        assertEquals("limit", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/questions?limit=0"),
                HttpStatus.BAD_REQUEST).get("where"));
        assertEquals("offset", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/questions?offset=-1"),
                HttpStatus.BAD_REQUEST).get("where"));
        problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/questions?limit=many"), HttpStatus.BAD_REQUEST);

        Map<String, Object> q0 = get("/api/opinions/datasets/" + datasetId + "/questions/0");
        assertEquals(13, ((List<?>) q0.get("countries")).size());
        assertNull(q0.get("model"));
    }

    @Test
    void theDatasetDownloadsInTheSameFormat() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/download"), String.class);
        assertTrue(r.header("Content-Disposition").contains("GlobalOpinionQA_sample.csv"));
        SurveyDataset again = SurveyCsvReader.read(r.body(), "download.csv");
        assertEquals(279, again.questions().size());
        assertEquals(124, again.countries().size());
        assertEquals(parsed.question(7).orElseThrow().options(), again.question(7).orElseThrow().options());
    }

    // --- answer sets and results ---

    @Test
    void anAnswerSetEqualToJapansAnswersRanksJapanFirst() {
        long set = uploadAnswers("japan-mirror", mirrorOf("Japan"));
        Map<String, Object> results = get("/api/opinions/datasets/" + datasetId + "/answer-sets/" + set + "/results");
        assertEquals("jsd", results.get("metric"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> countries = (List<Map<String, Object>>) results.get("countries");
        assertEquals("Japan", countries.getFirst().get("country"));
        assertEquals("JPN", countries.getFirst().get("iso3"));
        assertEquals(1.0, ((Number) countries.getFirst().get("similarity")).doubleValue(), 1e-12);
        assertEquals(2, ((List<?>) countries.getFirst().get("ci95")).size());
        assertEquals(20, ((List<?>) ((Map<?, ?>) results.get("histogram")).get("counts")).size());

        HttpResponse<String> csv = http.toBlocking().exchange(HttpRequest.GET(
                "/api/opinions/datasets/" + datasetId + "/answer-sets/" + set + "/results?format=csv&metric=wasserstein"), String.class);
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("japan-mirror-wasserstein.csv"));
        String[] lines = csv.body().split("\n");
        assertEquals("rank,country,iso3,similarity,questions,ci95_low,ci95_high", lines[0]);
        assertTrue(lines[1].startsWith("1,Japan,JPN,1.0,"), lines[1]);
    }

    @Test
    void drillDownAndPerCountryQuestionLists() {
        long set = uploadAnswers("brazil-mirror", mirrorOf("Brazil"));
        int qid = parsed.questions().stream().filter(q -> q.shares("Brazil") != null && q.countries().size() > 1)
                .findFirst().orElseThrow().qid();
        Map<String, Object> detail = get("/api/opinions/datasets/" + datasetId + "/answer-sets/" + set + "/questions/" + qid);
        assertEquals(qid, detail.get("qid"));
        assertNotNull(detail.get("model"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> countries = (List<Map<String, Object>>) detail.get("countries");
        assertEquals("Brazil", countries.getFirst().get("country"));
        assertEquals(1.0, ((Number) countries.getFirst().get("similarity")).doubleValue(), 1e-12);

        List<Map<String, Object>> scores = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets/" + datasetId
                + "/answer-sets/" + set + "/results/questions?country=Brazil"), LIST);
        assertFalse(scores.isEmpty());
        assertEquals("country", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/answer-sets/" + set
                + "/results/questions?country=Atlantis"), HttpStatus.NOT_FOUND).get("where"));
        assertEquals("country", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/answer-sets/" + set
                + "/results/questions"), HttpStatus.BAD_REQUEST).get("where"));
    }

    @Test
    void resultQueriesAreValidated() {
        long set = uploadAnswers("validation", mirrorOf("Sweden"));
        String base = "/api/opinions/datasets/" + datasetId + "/answer-sets/" + set + "/results";
        assertEquals("metric", problem(HttpRequest.GET(base + "?metric=kl"), HttpStatus.BAD_REQUEST).get("where"));
        assertEquals("logBase", problem(HttpRequest.GET(base + "?logBase=10"), HttpStatus.BAD_REQUEST).get("where"));
        assertEquals("resamples", problem(HttpRequest.GET(base + "?resamples=-1"), HttpStatus.BAD_REQUEST).get("where"));
        assertEquals("format", problem(HttpRequest.GET(base + "?format=xml"), HttpStatus.BAD_REQUEST).get("where"));
        assertEquals("minQuestions", problem(HttpRequest.GET(base + "?minQuestions=0"), HttpStatus.BAD_REQUEST).get("where"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranked = (List<Map<String, Object>>) get(base + "?minQuestions=10").get("countries");
        assertTrue(ranked.stream().allMatch(c -> ((Number) c.get("questions")).intValue() >= 10));
        problem(HttpRequest.GET(base + "?seed=abc"), HttpStatus.BAD_REQUEST);
        assertEquals("answerSetId", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId
                + "/answer-sets/999999/results"), HttpStatus.NOT_FOUND).get("where"));
        Map<String, Object> natural = get(base + "?logBase=e&resamples=0");
        assertEquals("e", natural.get("logBase"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) natural.get("countries")).getFirst();
        assertNull(first.get("ci95"));
    }

    @Test
    void badAnswerSetUploadsAreRefusedAndStoreNothing() throws Exception {
        long before = count("SELECT count(*) FROM answer_set");
        String url = "/api/opinions/datasets/" + datasetId + "/answer-sets?name=bad&fileName=answers.jsonl";
        Map<String, Object> p = problem(HttpRequest.POST(url, "{\"qid\": 0, \"distribution\": [0.5, 0.5]}\n")
                .contentType("application/x-ndjson"), HttpStatus.BAD_REQUEST);
        assertEquals("answers.jsonl:line 1, column distribution", p.get("where"));
        assertTrue(((String) p.get("detail")).contains("has 2 values but question 0 has 7 options"));

        p = problem(HttpRequest.POST(url, "{\"qid\": 0, \"distribution\": [1, 0, 0, 0, 0, 0, 0]}\n{\"qid\": 9999, \"distribution\": [1, 0]}\n")
                .contentType("application/x-ndjson"), HttpStatus.BAD_REQUEST);
        assertEquals("answers.jsonl:line 2, column qid", p.get("where"));

        p = problem(HttpRequest.POST(url, "{\"qid\": 1, \"distribution\": [-1, 1, 0.5, 0.5, 0]}\n")
                .contentType("application/x-ndjson"), HttpStatus.BAD_REQUEST);
        assertTrue(((String) p.get("detail")).contains("negative"));

        p = problem(HttpRequest.POST("/api/opinions/datasets/" + datasetId + "/answer-sets?fileName=a.jsonl",
                "{\"qid\": 1, \"answer\": \"Very serious\"}\n").contentType("application/x-ndjson"), HttpStatus.BAD_REQUEST);
        assertEquals("name", p.get("where"));

        p = problem(HttpRequest.POST(url + "&format=xml", "x").contentType("text/plain"), HttpStatus.BAD_REQUEST);
        assertEquals("format", p.get("where"));

        problem(HttpRequest.POST("/api/opinions/datasets/999999/answer-sets?name=x", "{\"qid\": 1, \"answer\": \"A\"}")
                .contentType("application/x-ndjson"), HttpStatus.NOT_FOUND);

        uploadAnswers("taken", "{\"qid\": 1, \"answer\": \"Very serious\"}\n");
        long afterFirst = count("SELECT count(*) FROM answer_set");
        assertEquals("name", problem(HttpRequest.POST("/api/opinions/datasets/" + datasetId + "/answer-sets?name=taken",
                "{\"qid\": 1, \"answer\": \"Very serious\"}\n").contentType("application/x-ndjson"), HttpStatus.CONFLICT).get("where"));
        assertEquals(before + 1, afterFirst);
        assertEquals(afterFirst, count("SELECT count(*) FROM answer_set"));
    }

    @Test
    void csvAndMultipartAnswerUploadsWithWarnings() {
        Map<String, Object> a = http.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets/" + datasetId
                + "/answer-sets?name=csv-upload", "qid,distribution\n1,\"[2, 1, 1, 0, 0]\"\n").contentType("text/csv"), MAP);
        assertEquals(1, a.get("questions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> warning = ((List<Map<String, Object>>) a.get("warnings")).getFirst();
        assertEquals(2, warning.get("line"));
        assertTrue(((String) warning.get("message")).contains("normalized"));

        MultipartBody body = MultipartBody.builder()
                .addPart("file", "model-x-default.jsonl", MediaType.of("application/x-ndjson"),
                        "{\"qid\": 1, \"answer\": \"Very serious\"}\n{\"qid\": 2, \"distribution\": [1, 0, 0, 0, 0, 0, 0]}\nnot json\n"
                                .getBytes(StandardCharsets.UTF_8))
                .addPart("lenient", "true")
                .build();
        Map<String, Object> m = http.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets/" + datasetId + "/answer-sets", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), MAP);
        assertEquals("model-x-default", m.get("name"));
        assertEquals(2, m.get("questions"));
        assertEquals(1, ((List<?>) m.get("warnings")).size());

        Map<String, Object> p = problem(HttpRequest.POST("/api/opinions/datasets/" + datasetId + "/answer-sets",
                MultipartBody.builder().addPart("name", "no-file").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                HttpStatus.BAD_REQUEST);
        assertEquals("file", p.get("where"));
        p = problem(HttpRequest.POST("/api/opinions/datasets/" + datasetId + "/answer-sets?name=wrong-country",
                "question,country,distribution\nx,Japan,\"[1, 0]\"\n").contentType("text/csv"), HttpStatus.BAD_REQUEST);
        assertTrue(((String) p.get("detail")).contains("unknown question"), (String) p.get("detail"));
        p = problem(HttpRequest.POST("/api/opinions/datasets/" + datasetId + "/answer-sets?name=no-country&country=Japan",
                "{\"qid\": 3, \"answer\": \"Agree\"}\n").contentType("application/x-ndjson"), HttpStatus.BAD_REQUEST);
        assertTrue(((String) p.get("detail")).contains("no line names a country"), (String) p.get("detail"));
    }

    @Test
    void comparingTwoAnswerSetsShowsThePerCountryChange() {
        long us = uploadAnswers("us-mirror", mirrorOf("United States"));
        long china = uploadAnswers("china-mirror", mirrorOf("China"));
        Map<String, Object> c = get("/api/opinions/datasets/" + datasetId + "/compare?before=" + us + "&after=" + china);
        assertEquals("us-mirror", c.get("before"));
        assertEquals("china-mirror", c.get("after"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> countries = (List<Map<String, Object>>) c.get("countries");
        Map<String, Object> chinaRow = countries.stream().filter(x -> x.get("country").equals("China")).findFirst().orElseThrow();
        assertTrue(((Number) chinaRow.get("change")).doubleValue() > 0);
        assertEquals(1.0, ((Number) chinaRow.get("after")).doubleValue(), 1e-12);

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/compare?before=" + us
                + "&after=" + china + "&format=csv"), String.class);
        assertTrue(csv.startsWith("rank,country,iso3,before,after,change,questions,ci95_low,ci95_high\n"));

        assertEquals("before", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/compare?after=" + china),
                HttpStatus.BAD_REQUEST).get("where"));
        assertEquals("answerSetId", problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/compare?before=" + us
                + "&after=999999"), HttpStatus.NOT_FOUND).get("where"));
    }

    @Test
    void answerSetsAreListedDownloadedAndDeleted() {
        long set = uploadAnswers("to-delete-" + UUID.randomUUID().toString().substring(0, 8), mirrorOf("Nigeria"));
        List<Map<String, Object>> sets = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets/" + datasetId
                + "/answer-sets"), LIST);
        assertTrue(sets.stream().anyMatch(s -> ((Number) s.get("id")).longValue() == set));
        String jsonl = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/answer-sets/" + set
                + "/download"), String.class);
        assertEquals(mirrorOf("Nigeria").lines().count(), jsonl.lines().count());
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.DELETE("/api/opinions/datasets/" + datasetId
                + "/answer-sets/" + set)).getStatus());
        problem(HttpRequest.GET("/api/opinions/datasets/" + datasetId + "/answer-sets/" + set), HttpStatus.NOT_FOUND);
    }

    @Test
    void deletingADatasetDeletesItsAnswerSets() throws Exception {
        String csv = "question,selections,options,source\nQ,\"{'A': [1, 0]}\",\"['Yes', 'No']\",GAS\n";
        long id = ((Number) http.toBlocking().retrieve(HttpRequest.POST("/api/opinions/datasets?name=short-lived", csv)
                .contentType("text/csv"), MAP).get("id")).longValue();
        http.toBlocking().exchange(HttpRequest.POST("/api/opinions/datasets/" + id + "/answer-sets?name=m",
                "{\"qid\": 0, \"answer\": \"Yes\"}").contentType("application/x-ndjson"), MAP);
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.DELETE("/api/opinions/datasets/" + id)).getStatus());
        problem(HttpRequest.GET("/api/opinions/datasets/" + id), HttpStatus.NOT_FOUND);
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE dataset_id = " + id));
    }
}
