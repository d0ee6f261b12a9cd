package org.charter.constitution.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.constitution.CaiList;
import org.charter.constitution.ConstitutionCsv;
import org.charter.constitution.ConstitutionJson;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.polis.PolisModeration;
import org.charter.polis.PolisVote;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organizer builds, curates, versions, compares, publishes and downloads the constitution of a stored
 * conversation (a real Polis conversation, brexit-consensus, stored in PostgreSQL), over HTTP; participants read the
 * published one.
 */
@MicronautTest(transactional = false)
class ConstitutionHttpTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    private Api api;
    private String organizer;
    private final String slug = "brexit";
    private final Map<Long, Long> statementIdOf = new HashMap<>(); // Polis comment id → stored statement id
    private final Map<Long, String> textOf = new HashMap<>();      // stored statement id → text

    private String base() {
        return "/api/conversations/" + slug + "/constitution";
    }

    @BeforeAll
    void storeTheConversation() throws Exception {
        api = new Api(client);
        organizer = api.newOrganizer();
        Map<?, ?> created = api.post("/api/conversations", Map.of("topic", "Can there be consensus on Brexit?", "slug", slug), organizer);
        long conversation = ((Number) created.get("id")).longValue();
        PolisExport export = PolisExportReader.read(resource("polis/brexit-consensus"));
        try (Connection c = jdbc()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO statement (conversation_id, external_id, text, text_key, "
                    + "is_meta, status, created_at) VALUES (?, ?, ?, ?, false, ?, ?) RETURNING id")) {
                for (PolisComment comment : export.comments()) {
                    s.setLong(1, conversation);
                    s.setString(2, String.valueOf(comment.commentId()));
                    s.setString(3, comment.body());
                    s.setString(4, comment.body().toLowerCase());
                    s.setString(5, comment.moderation() == PolisModeration.REJECTED ? "rejected"
                            : comment.moderation() == PolisModeration.ACCEPTED ? "accepted" : "pending");
                    s.setTimestamp(6, new Timestamp(comment.timestampMillis()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        statementIdOf.put(comment.commentId(), rs.getLong(1));
                        textOf.put(rs.getLong(1), comment.body());
                    }
                }
            }
            Map<Long, Long> participantOf = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO participant (conversation_id, external_id) VALUES (?, ?) RETURNING id")) {
                for (PolisVote v : export.votes()) {
                    if (!participantOf.containsKey(v.voterId())) {
                        p.setLong(1, conversation);
                        p.setString(2, String.valueOf(v.voterId()));
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            participantOf.put(v.voterId(), rs.getLong(1));
                        }
                    }
                }
            }
            List<PolisVote> votes = new ArrayList<>(export.votes());
            votes.sort(Comparator.comparingLong(PolisVote::timestampMillis));
            Map<String, PolisVote> latest = new LinkedHashMap<>();
            votes.forEach(v -> latest.put(v.voterId() + ":" + v.commentId(), v));
            try (PreparedStatement v = c.prepareStatement("""
                    WITH cast_vote AS (INSERT INTO vote (conversation_id, participant_id, statement_id, value, created_at)
                                       VALUES (?, ?, ?, ?, ?) RETURNING id, created_at)
                    INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, vote_id, updated_at)
                    SELECT ?, ?, ?, ?, id, created_at FROM cast_vote""")) {
                for (PolisVote vote : latest.values()) {
                    long participant = participantOf.get(vote.voterId());
                    long statement = statementIdOf.get(vote.commentId());
                    v.setLong(1, conversation);
                    v.setLong(2, participant);
                    v.setLong(3, statement);
                    v.setInt(4, vote.vote());
                    v.setTimestamp(5, new Timestamp(vote.timestampMillis()));
                    v.setLong(6, participant);
                    v.setLong(7, statement);
                    v.setLong(8, conversation);
                    v.setInt(9, vote.vote());
                    v.addBatch();
                }
                v.executeBatch();
            }
            c.commit();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ConstitutionHttpTest.class.getResource("/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> principles(Map<?, ?> constitution) {
        return (List<Map<String, Object>>) constitution.get("principles");
    }

    private static List<Long> ids(Map<String, Object> principle) {
        return ((List<?>) principle.get("statementIds")).stream().map(x -> ((Number) x).longValue()).toList();
    }

    @Test
    void organizerBuildsCuratesVersionsPublishesAndDownloads() {
        // the draft: candidates with evidence
        Map<?, ?> draft = api.get(base() + "/draft", organizer);
        List<Map<String, Object>> candidates = principles(draft);
        assertTrue(candidates.size() >= 5, "candidates: " + candidates.size());
        for (Map<String, Object> p : candidates) {
            for (Object rate : ((Map<?, ?>) p.get("groupAgreement")).values()) {
                assertTrue(((Number) rate).doubleValue() > 0.6);
            }
            assertEquals(textOf.get(ids(p).getFirst()), p.get("text"));
        }
        assertEquals(204, ((Number) ((Map<?, ?>) draft.get("source")).get("participants")).intValue());
        Map<?, ?> strict = api.get(base() + "/draft?minGroupAgreement=0.9&mergeThreshold=1", organizer);
        assertTrue(principles(strict).size() < candidates.size());

        // version 1: reorder the first two, reword the first, drop the last one with a reason
        Map<String, Object> first = candidates.get(0);
        Map<String, Object> second = candidates.get(1);
        Map<String, Object> last = candidates.getLast();
        List<Map<String, Object>> curated = new ArrayList<>();
        curated.add(Map.of("text", second.get("text"), "statementIds", second.get("statementIds"), "note", "most agreed"));
        curated.add(Map.of("text", "The Irish border deserves far more attention.", "statementIds", first.get("statementIds"),
                "cai", "Choose the response that takes the Irish border most seriously."));
        for (Map<String, Object> p : candidates.subList(2, candidates.size() - 1)) {
            curated.add(Map.of("text", p.get("text"), "statementIds", p.get("statementIds")));
        }
        Map<String, Object> body = Map.of("note", "first cut", "principles", curated,
                "dropped", List.of(Map.of("statementIds", last.get("statementIds"), "reason", "off topic")),
                "parameters", Map.of("minGroupAgreement", 0.6));
        HttpResponse<?> saved = client.toBlocking().exchange(Api.auth(HttpRequest.POST(base() + "/versions", body), organizer), Map.class);
        assertEquals(HttpStatus.CREATED, saved.getStatus());
        Map<?, ?> v1 = (Map<?, ?>) saved.body();
        int n1 = ((Number) ((Map<?, ?>) v1.get("version")).get("number")).intValue(); // other tests save versions too
        int n2 = n1 + 1;
        assertEquals("/api/conversations/brexit/constitution/versions/" + n1, saved.getHeaders().get("Location"));
        List<Map<String, Object>> p1 = principles(v1);
        assertEquals(curated.size(), p1.size());
        assertEquals(second.get("text"), p1.get(0).get("text"));
        assertEquals("most agreed", p1.get(0).get("note"));
        assertEquals("The Irish border deserves far more attention.", p1.get(1).get("text"));
        assertEquals("Choose the response that takes the Irish border most seriously.", p1.get(1).get("cai"));
        // the original statement text stays attached to the reworded principle, with its evidence
        Map<?, ?> original = (Map<?, ?>) ((List<?>) p1.get(1).get("statements")).getFirst();
        assertEquals(first.get("text"), original.get("text"));
        assertEquals(((Number) first.get("votes")).longValue(), ((Number) p1.get(1).get("votes")).longValue());
        assertEquals(first.get("groupAgreement"), p1.get(1).get("groupAgreement"));
        assertEquals("off topic", ((Map<?, ?>) ((List<?>) v1.get("excluded")).getFirst()).get("detail"));

        // version 2: the dropped one comes back, the reworded one goes, another is reworded
        List<Map<String, Object>> next = new ArrayList<>(curated);
        next.remove(1);
        next.set(1, Map.of("text", "Reworded by the organizer", "statementIds", next.get(1).get("statementIds")));
        next.add(Map.of("text", last.get("text"), "statementIds", last.get("statementIds")));
        api.post(base() + "/versions", Map.of("principles", next), organizer);
        List<?> versions = api.getList(base() + "/versions", organizer);
        assertEquals(n2, versions.size());
        assertEquals(curated.size(), ((Number) ((Map<?, ?>) versions.get(n1 - 1)).get("principles")).intValue());

        Map<?, ?> diff = api.get(base() + "/diff?from=" + n1 + "&to=" + n2, organizer);
        assertEquals(List.of(last.get("text")), ((List<?>) diff.get("added")).stream().map(a -> ((Map<?, ?>) a).get("text")).toList());
        assertEquals(List.of("The Irish border deserves far more attention."),
                ((List<?>) diff.get("removed")).stream().map(a -> ((Map<?, ?>) a).get("text")).toList());
        assertEquals(List.of("Reworded by the organizer"),
                ((List<?>) diff.get("reworded")).stream().map(a -> ((Map<?, ?>) a).get("after")).toList());
        // removing one principle does not move the others
        assertEquals(List.of(), diff.get("moved"));
        assertEquals(next.size() - 2, ((Number) diff.get("unchanged")).intValue());

        // publishing: participants see the published version only
        api.problem(HttpStatus.NOT_FOUND, HttpRequest.GET(base() + "/published"));
        api.post(base() + "/versions/" + n1 + "/publish", Map.of(), organizer);
        Map<?, ?> published = api.get(base() + "/published", null);
        assertEquals(n1, ((Number) ((Map<?, ?>) published.get("version")).get("number")).intValue());
        assertEquals(p1.size(), principles(published).size());
        api.post(base() + "/versions/" + n2 + "/publish", Map.of(), organizer);
        assertEquals(n2, ((Number) ((Map<?, ?>) api.get(base() + "/published", null).get("version")).get("number")).intValue());
        assertEquals(false, ((Map<?, ?>) api.get(base() + "/versions/" + n1, organizer).get("version")).get("published"));

        // downloads: content type, file name, and the same principles
        HttpResponse<String> csv = client.toBlocking().exchange(
                Api.auth(HttpRequest.GET(base() + "/versions/" + n1 + "/export?format=csv"), organizer), String.class);
        assertEquals("text/csv;charset=utf-8", csv.getContentType().orElseThrow().toString().replace(" ", ""));
        assertEquals("attachment; filename=\"brexit-constitution-v" + n1 + ".csv\"", csv.getHeaders().get("Content-Disposition"));
        List<ConstitutionCsv.Row> rows = ConstitutionCsv.read(csv.body(), "v1.csv");
        assertEquals(p1.stream().map(p -> p.get("text")).toList(), rows.stream().map(ConstitutionCsv.Row::text).toList());
        HttpResponse<String> cai = client.toBlocking().exchange(HttpRequest.GET(base() + "/published/export?format=cai"), String.class);
        assertTrue(cai.getContentType().orElseThrow().toString().startsWith("text/plain"));
        assertEquals("attachment; filename=\"brexit-constitution-v" + n2 + "-cai.txt\"", cai.getHeaders().get("Content-Disposition"));
        assertEquals(next.size(), CaiList.read(cai.body()).size());
        HttpResponse<String> md = client.toBlocking().exchange(
                Api.auth(HttpRequest.GET(base() + "/versions/" + n2 + "/export?format=md"), organizer), String.class);
        assertTrue(md.getContentType().orElseThrow().toString().startsWith("text/markdown"));
        assertTrue(md.body().contains("Reworded by the organizer"));
        HttpResponse<String> json = client.toBlocking().exchange(
                Api.auth(HttpRequest.GET(base() + "/draft/export?format=json"), organizer), String.class);
        assertTrue(json.getContentType().orElseThrow().toString().startsWith("application/json"));
        assertEquals("attachment; filename=\"brexit-constitution-draft.json\"", json.getHeaders().get("Content-Disposition"));
        assertEquals(candidates.stream().map(p -> p.get("text")).toList(), ConstitutionJson.read(json.body(), "draft.json")
                .principles().stream().map(org.charter.constitution.Constitution.Principle::text).toList());

        // withdrawing
        HttpResponse<?> withdrawn = client.toBlocking().exchange(Api.auth(HttpRequest.DELETE(base() + "/published"), organizer));
        assertEquals(HttpStatus.NO_CONTENT, withdrawn.getStatus());
        api.problem(HttpStatus.NOT_FOUND, HttpRequest.GET(base() + "/published"));
    }

    @Test
    void versionsCannotBeChangedInTheDatabase() throws SQLException {
        Map<?, ?> draft = api.get(base() + "/draft", organizer);
        Map<String, Object> p = principles(draft).getFirst();
        Map<?, ?> saved = api.post(base() + "/versions", Map.of("principles",
                List.of(Map.of("text", p.get("text"), "statementIds", p.get("statementIds")))), organizer);
        int number = ((Number) ((Map<?, ?>) saved.get("version")).get("number")).intValue();
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "UPDATE constitution_principle SET text = 'changed' WHERE version_id = "
                        + "(SELECT id FROM constitution_version WHERE version = ? AND conversation_id = "
                        + "(SELECT id FROM conversation WHERE slug = 'brexit'))")) {
            s.setInt(1, number);
            SQLException e = assertThrows(SQLException.class, s::executeUpdate);
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
        }
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "UPDATE constitution_version SET title = 'changed' WHERE version = ?")) {
            s.setInt(1, number);
            assertThrows(SQLException.class, s::executeUpdate);
        }
        assertEquals(p.get("text"), principles(api.get(base() + "/versions/" + number, organizer)).getFirst().get("text"));
    }

    @Test
    void badRequestsGetClearProblems() {
        long stored = statementIdOf.get(14L);
        String other = api.newOrganizer();
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET(base() + "/draft"));
        assertEquals("conversation", api.problem(HttpStatus.FORBIDDEN, Api.auth(HttpRequest.GET(base() + "/draft"), other)).get("where"));
        assertEquals("conversation", api.problem(HttpStatus.NOT_FOUND,
                Api.auth(HttpRequest.GET("/api/conversations/nope/constitution/draft"), organizer)).get("where"));
        api.problem(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/conversations/nope/constitution/published"));
        Map<?, ?> range = api.problem(HttpStatus.BAD_REQUEST,
                Api.auth(HttpRequest.GET(base() + "/draft?minGroupAgreement=1.5"), organizer));
        assertEquals("minGroupAgreement", range.get("where"));
        assertTrue(((String) range.get("detail")).contains("at least 0.5"));
        assertEquals("mergeThreshold", api.problem(HttpStatus.BAD_REQUEST,
                Api.auth(HttpRequest.GET(base() + "/draft?mergeThreshold=abc"), organizer)).get("where"));
        assertEquals("format", api.problem(HttpStatus.BAD_REQUEST,
                Api.auth(HttpRequest.GET(base() + "/draft/export?format=pdf"), organizer)).get("where"));

        // a conversation without votes, so without groups
        api.post("/api/conversations", Map.of("topic", "Empty", "slug", "empty", "seedStatements", List.of("Be kind")), organizer);
        Map<?, ?> empty = api.problem(HttpStatus.CONFLICT,
                Api.auth(HttpRequest.GET("/api/conversations/empty/constitution/draft"), organizer));
        assertTrue(((String) empty.get("detail")).contains("no votes yet"), empty.toString());

        // saving: each field named
        assertEquals("principles", save(Map.of("principles", List.of())).get("where"));
        assertEquals("principles[0].statementIds[0]", save(Map.of("principles",
                List.of(Map.of("text", "x", "statementIds", List.of(999_999))))).get("where"));
        assertEquals("principles[1].statementIds[0]", save(Map.of("principles", List.of(
                Map.of("text", "x", "statementIds", List.of(stored)),
                Map.of("text", "y", "statementIds", List.of(stored))))).get("where"));
        assertEquals("principles[0].text", save(Map.of("principles",
                List.of(Map.of("text", " ", "statementIds", List.of(stored))))).get("where"));
        assertEquals("dropped[0].reason", save(Map.of("principles", List.of(Map.of("text", "x", "statementIds", List.of(stored))),
                "dropped", List.of(Map.of("statementIds", List.of(statementIdOf.get(19L)))))).get("where"));
        assertEquals("parameters.minGroupVotes", save(Map.of("principles", List.of(Map.of("text", "x", "statementIds", List.of(stored))),
                "parameters", Map.of("minGroupVotes", 0))).get("where"));
        assertEquals("version", api.problem(HttpStatus.NOT_FOUND,
                Api.auth(HttpRequest.GET(base() + "/versions/99"), organizer)).get("where"));
        assertEquals("from", api.problem(HttpStatus.BAD_REQUEST,
                Api.auth(HttpRequest.GET(base() + "/diff?to=1"), organizer)).get("where"));
        assertEquals("version", api.problem(HttpStatus.NOT_FOUND,
                Api.auth(HttpRequest.POST(base() + "/versions/99/publish", Map.of()), organizer)).get("where"));
        assertNotNull(statementIdOf.get(19L));
    }

    private Map<?, ?> save(Object body) {
        return api.problem(HttpStatus.BAD_REQUEST, Api.auth(HttpRequest.POST(base() + "/versions", body), organizer));
    }
}
