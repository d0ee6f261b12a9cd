package org.charter.abuse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request body limits, over a raw socket so that the test sees what any client sees, including bodies larger than
 * the server-wide {@code micronaut.server.max-request-size} (1 MB here, to keep the test small).
 */
@MicronautTest(transactional = false)
class RequestBodyLimitsTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    private String organizer;
    private String participant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.max-request-size", "1MB",
                "charter.opinions.max-upload-bytes", "262144",
                "charter.abuse.max-body.api", "512KB");
    }

    @BeforeAll
    void conversation() {
        Api api = new Api(client);
        organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", "sizes", "topic", "Sizes", "seedStatements", List.of("Small is fine.")), organizer);
        participant = api.join("sizes");
    }

    /** What came back: status, headers (lower-case names), body; or the I/O failure the client saw instead. */
    private record Answer(int status, Map<String, String> headers, String body) {

        Map<?, ?> problem() throws IOException {
            assertEquals("application/problem+json", headers.get("content-type"), () -> "headers " + headers + " body " + body);
            Map<?, ?> p = JSON.readValue(body, Map.class);
            assertEquals(status, ((Number) p.get("status")).intValue());
            assertNotNull(p.get("detail"));
            return p;
        }
    }

    /**
     * Sends a request over a fresh socket (the body written by another thread, as a client streams it, so that an early
     * answer is read while the body is still going out) and reads the answer.
     */
    private Answer send(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) throws Exception {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(60_000); // a bound for a broken server, not a measurement
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    if (chunked) {
                        for (int i = 0; i < body.length; i += 8192) {
                            int n = Math.min(8192, body.length - i);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, i, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before taking the whole body: what it answered is read below
                }
            });
            Answer answer = read(socket.getInputStream());
            writer.join();
            return answer;
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            headBytes.write(b);
            byte[] h = headBytes.toByteArray();
            if (h.length >= 4 && h[h.length - 4] == '\r' && h[h.length - 3] == '\n' && h[h.length - 2] == '\r' && h[h.length - 1] == '\n') {
                break;
            }
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = headers.containsKey("content-length")
                ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
                : in.readAllBytes();
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] statementJson(int textLength) {
        return ("{\"text\":\"" + "a".repeat(textLength) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private long count(String sql) throws Exception {
        try (var c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, String> json(String... more) {
        Map<String, String> h = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        for (int i = 0; i < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    @Test
    void aParticipantsBodyOverSixtyFourKilobytesIs413BeforeItIsRead() throws Exception {
        long before = count("SELECT count(*) FROM statement");
        Answer a = send("POST", "/api/conversations/sizes/statements", json("X-Participant-Token", participant),
                statementJson(70_000), false);
        assertEquals(413, a.status());
        Map<?, ?> p = a.problem();
        assertEquals("body", p.get("where"));
        assertTrue(((String) p.get("detail")).contains("at most 65536"), () -> "detail: " + p.get("detail"));

        // a vote the size of a statement limit is fine; one padded past the limit is not
        Answer vote = send("POST", "/api/conversations/sizes/votes", json("X-Participant-Token", participant),
                ("{\"statementId\": 1, \"vote\": \"agree\", \"pad\": \"" + " ".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8), false);
        assertEquals(413, vote.status());
        vote.problem();
        assertEquals(before, count("SELECT count(*) FROM statement"));
        assertEquals(0, count("SELECT count(*) FROM vote"));
    }

    @Test
    void aBodyLargerThanTheServersMaximumIsA413ProblemNotAReset() throws Exception {
        // 3 MB to a participant route: refused by its Content-Length, while the client is still sending
        Answer a = send("POST", "/api/conversations/sizes/statements", json("X-Participant-Token", participant),
                statementJson(3_000_000), false);
        assertEquals(413, a.status());
        a.problem();

        // 3 MB to an upload route: refused by its Content-Length against max-request-size
        long datasets = count("SELECT count(*) FROM survey_dataset");
        byte[] csv = ("question,selections,options,source\n" + "x".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> upload = Map.of("Content-Type", "text/csv", "Authorization", "Bearer " + organizer);
        Answer sized = send("POST", "/api/opinions/datasets?name=huge", upload, csv, false);
        assertEquals(413, sized.status(), () -> sized.headers() + " " + sized.body());
        sized.problem();
        // the same in chunks, without a length: Micronaut counts the bytes as they come and stops at max-request-size
        Answer chunked = send("POST", "/api/opinions/datasets?name=huge", upload, csv, true);
        assertEquals(413, chunked.status(), () -> chunked.headers() + " " + chunked.body());
        chunked.problem();
        assertEquals(datasets, count("SELECT count(*) FROM survey_dataset"), "nothing was stored");
    }

    @Test
    void anUploadOverItsOwnLimitButUnderTheServersIs413AndStoresNothing() throws Exception {
        long datasets = count("SELECT count(*) FROM survey_dataset");
        byte[] csv = ("question,selections,options,source\n" + "x".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        Answer upload = send("POST", "/api/opinions/datasets?name=big", Map.of("Content-Type", "text/csv",
                "Authorization", "Bearer " + organizer), csv, false);
        assertEquals(413, upload.status());
        assertEquals("file", upload.problem().get("where"));
        assertEquals(datasets, count("SELECT count(*) FROM survey_dataset"));
    }

    @Test
    void aChunkedBodyWithoutLengthIs411OnLimitedRoutes() throws Exception {
        Answer a = send("POST", "/api/conversations/sizes/statements", json("X-Participant-Token", participant),
                statementJson(20), true);
        assertEquals(411, a.status());
        assertEquals("Content-Length", a.problem().get("where"));
    }

    @Test
    void organizersMayCreateLargerConversationsThanParticipantsMayWrite() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seeds.add("Seed statement number " + i + " is about as long as a real statement is, more or less: "
                    + "x".repeat(30));
        }
        byte[] body = JSON.writeValueAsBytes(Map.of("slug", "many-seeds", "topic", "Many seeds", "seedStatements", seeds));
        assertTrue(body.length > 64 * 1024 && body.length < 512 * 1024, "between the two limits: " + body.length);
        Answer a = send("POST", "/api/conversations", json("Authorization", "Bearer " + organizer), body, false);
        assertEquals(201, a.status(), a::body);
        assertEquals(1000, count("SELECT count(*) FROM statement s JOIN conversation c ON c.id = s.conversation_id"
                + " WHERE c.slug = 'many-seeds'"));

        byte[] tooBig = JSON.writeValueAsBytes(Map.of("slug", "too-many", "topic", "Too big", "description", "d".repeat(600_000)));
        Answer refused = send("POST", "/api/conversations", json("Authorization", "Bearer " + organizer), tooBig, false);
        assertEquals(413, refused.status());
        refused.problem();
        assertEquals(0, count("SELECT count(*) FROM conversation WHERE slug = 'too-many'"));
    }

    @Test
    void theMicronautClientStillWorksWithinTheLimits() {
        Map<?, ?> card = new Api(client).asParticipant(HttpRequest.POST("/api/conversations/sizes/statements",
                Map.of("text", "A statement of normal size.")), participant);
        assertEquals("A statement of normal size.", card.get("text"));
        assertEquals(HttpStatus.OK.getCode(), client.toBlocking().exchange(HttpRequest.GET("/health")).code());
    }
}
