package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's commands as a user runs them, each in its own process on the embedded PostgreSQL: the server starts
 * and answers /health, a command-line import joins the running server's database, data survives a restart, an
 * export starts the database itself when no server runs, and a bad database URL is one clear line.
 */
class CommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void serverAndCommandsShareTheEmbeddedDatabaseAndKeepTheData() throws Exception {
        Path data = tmp.resolve("charter-data");
        Path folder = Path.of(getClass().getResource("/polis/london.youth.policing").toURI());
        int port = freePort();

        Started server = start(data, List.of("serve", "--port", Integer.toString(port)), Map.of());
        try {
            waitForHealth(port);
            Run imported = run(data, List.of("import", folder.toString(), "--conversation", "london"), Map.of());
            assertEquals(0, imported.exit(), imported.stderr());
            JsonNode report = Output.JSON.readTree(imported.stdout());
            assertEquals(39, report.get("statementsAdded").asInt());
            assertEquals(200, get(port, "/api/conversations/london").statusCode(), "the running server sees the import");
        } finally {
            stop(server);
        }
        assertFalse(Files.exists(data.resolve("pgdata/postmaster.pid")), "the last process to leave stopped PostgreSQL");

        Run exported = run(data, List.of("export", "--conversation", "london", "--out", tmp.resolve("out").toString()), Map.of());
        assertEquals(0, exported.exit(), exported.stderr());
        assertEquals(40, Files.readAllLines(tmp.resolve("out/comments.csv")).size(), "header and 39 statements");
        assertFalse(Files.exists(data.resolve("pgdata/postmaster.pid")));

        Started again = start(data, List.of("serve", "--port", Integer.toString(port)), Map.of());
        try {
            waitForHealth(port);
            HttpResponse<String> c = get(port, "/api/conversations/london");
            assertEquals(200, c.statusCode(), "data survives a restart");
            assertTrue(c.body().contains("engage more young people"));
        } finally {
            stop(again);
        }
    }

    @Test
    void aWrongDatabaseUrlIsOneClearLineAndAFailingExit() throws Exception {
        Run run = run(tmp.resolve("unused"), List.of("serve", "--port", Integer.toString(freePort())),
                Map.of("CHARTER_DB_URL", "jdbc:postgresql://localhost:1/charter", "CHARTER_DB_USER", "nobody"));
        assertEquals(1, run.exit());
        List<String> lines = run.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.getFirst().startsWith("charter: cannot connect to PostgreSQL at jdbc:postgresql://localhost:1/charter"),
                lines.getFirst());
    }

    @Test
    void aMalformedExportNamesTheFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("comments.csv"), "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                + "1,x,0,0,0,0,1,Fine\n");
        Files.writeString(bad.resolve("votes.csv"), "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,0,1,7\n");
        Run run = run(tmp.resolve("unused"), List.of("import", bad.toString(), "--conversation", "bad"), Map.of());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("votes.csv:3"), run.stderr());
    }

    record Run(int exit, String stdout, String stderr) {
    }

    record Started(Process process, Path stdout, Path stderr) {
    }

    private static Started start(Path data, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.charter.Charter"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("CHARTER_DB_URL");
        pb.environment().put("CHARTER_DATA_DIR", data.toString());
        pb.environment().putAll(env);
        // Output goes to files: a pipe nobody reads would block a chatty process.
        Path log = Files.createTempFile("charter-cli", ".out");
        Path err = Files.createTempFile("charter-cli", ".err");
        pb.redirectOutput(log.toFile()).redirectError(err.toFile());
        return new Started(pb.start(), log, err);
    }

    private static Run run(Path data, List<String> args, Map<String, String> env) throws Exception {
        Started started = start(data, args, env);
        assertTrue(started.process().waitFor(120, TimeUnit.SECONDS), "command finished");
        return new Run(started.process().exitValue(), Files.readString(started.stdout(), StandardCharsets.UTF_8),
                Files.readString(started.stderr(), StandardCharsets.UTF_8));
    }

    private static void stop(Started server) throws InterruptedException {
        server.process().destroy(); // SIGTERM, as a service manager stops it
        if (!server.process().waitFor(60, TimeUnit.SECONDS)) {
            server.process().destroyForcibly();
        }
    }

    private static void waitForHealth(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(port, "/health");
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become healthy on port " + port);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
