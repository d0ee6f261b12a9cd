package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.charter.security.SecretTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives the real HTTP API of a Charter server (started as a separate process on a throw-away embedded database)
 * with many concurrent participants, and reports throughput and latency percentiles for voting and for fetching
 * the next statement on a large conversation.
 */
@Command(name = "votes", mixinStandardHelpOptions = true,
        description = {"Vote and next-statement throughput and latency over the real HTTP API.",
                "Starts 'charter serve' on a temporary embedded database, seeds a large conversation through SQL,"
                        + " then runs concurrent clients over loopback."})
final class BenchVotesCommand implements Callable<Integer> {

    @Option(names = "--participants", defaultValue = "50000", description = "seeded participants (default ${DEFAULT-VALUE})")
    int participants;

    @Option(names = "--statements", defaultValue = "5000", description = "statements (default ${DEFAULT-VALUE})")
    int statements;

    @Option(names = "--seed-votes", defaultValue = "20", description = "seeded votes per participant (default ${DEFAULT-VALUE})")
    int seedVotes;

    @Option(names = "--clients", defaultValue = "64", description = "concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds per phase (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "60", description = "unmeasured warm-up seconds per phase: the server"
            + " compiles its hot code during about the first minute of load (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rate", defaultValue = "0", description = "offered requests/s over all clients, on a fixed"
            + " schedule once the warm-up is over (open loop; latency counts from each request's scheduled time);"
            + " 0 = every client sends its next request as soon as the last one is answered (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--out", description = "write the JSON report to this file (default: standard output)")
    Path out;

    @Option(names = "--phases", split = ",", defaultValue = "next,vote,vote-next",
            description = "phases to run, in order: next, vote, vote-next (default ${DEFAULT-VALUE})")
    List<String> phases;

    /** Where the live analysis of the seeded conversation runs while the phases measure. */
    enum AnalysisPlace { server, worker, off }

    @Option(names = "--analysis", defaultValue = "server", description = "where the live analysis runs: server (in"
            + " the server process, as 'charter serve' does), worker (a 'charter worker' process at idle priority beside a"
            + " server started with CHARTER_ANALYSIS_LIVE=false), off (default ${DEFAULT-VALUE})")
    AnalysisPlace analysis;

    @Spec
    CommandSpec spec;

    private HttpClient http;
    private String base;
    private JitShare jit;
    /** The seeded conversation and its database, to read when its analysis ran. */
    private long conversationId;
    private String databaseUrl;

    @Override
    public Integer call() throws Exception {
        if (rate < 0 || clients < 1 || seconds < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--rate and --warmup must be 0 or more, --clients and"
                    + " --seconds 1 or more");
        }
        for (String p : phases) {
            if (!List.of("next", "vote", "vote-next").contains(p)) {
                throw new ParameterException(spec.commandLine(),
                        "--phases: unknown phase '" + p + "'; use next, vote, vote-next");
            }
        }
        Path data = Files.createTempDirectory("charter-bench-votes");
        int port = freePort();
        base = "http://localhost:" + port;
        List<Process> processes = new ArrayList<>();
        Process server = start(data, "serve", "--port", Integer.toString(port));
        processes.add(server);
        jit = new JitShare(server.pid());
        // an interrupted benchmark (Ctrl-C) must not leave its server running
        Thread stopServer = new Thread(() -> processes.forEach(Process::destroy));
        Runtime.getRuntime().addShutdownHook(stopServer);
        try (HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            http = client;
            waitForHealth();
            if (analysis == AnalysisPlace.worker) {
                processes.add(start(data, "worker")); // on the server's embedded database
            }
            String organizer = post("/api/auth/register", "{\"email\":\"bench@example.org\",\"name\":\"Bench\","
                    + "\"password\":\"benchmark-password\"}", null, null).get("token").asText();
            post("/api/conversations", "{\"slug\":\"bench\",\"topic\":\"Benchmark\"}", organizer, null);
            conversationId = get("/api/conversations/bench", null).get("id").asLong();
            long[] statementIds = seed(data, conversationId);
            Output.progress("bench votes: analysing the seeded conversation (routing priorities)");
            long t0 = System.nanoTime();
            post("/api/conversations/bench/analysis/recompute", "{}", organizer, null);
            Output.progress(String.format("bench votes: analysis took %.1f s", (System.nanoTime() - t0) / 1e9));

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("participants", participants);
            report.put("statements", statements);
            report.put("seededVotes", (long) participants * seedVotes);
            report.put("clients", clients);
            report.put("analysis", analysis.name());
            for (String p : phases) {
                switch (p) {
                    case "next" -> report.put("next", phase("next statement", port, () -> {
                        String token = randomToken();
                        return http -> http.get("/api/conversations/bench/next", token);
                    }));
                    case "vote" -> report.put("voteOnly", phase("vote (?next=false)", port, () -> {
                        String token = randomToken();
                        String vote = vote(statementIds);
                        return http -> http.post("/api/conversations/bench/votes?next=false", token, vote);
                    }));
                    case "vote-next" -> report.put("voteWithNext", phase("vote with next statement in the receipt", port, () -> {
                        String token = randomToken();
                        String vote = vote(statementIds);
                        return http -> http.post("/api/conversations/bench/votes", token, vote);
                    }));
                    default -> throw new IllegalStateException("checked above: " + p);
                }
            }
            Output.json(report, out);
        } finally {
            for (Process p : processes.reversed()) {
                p.destroy();
                p.waitFor(60, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(stopServer);
            deleteTree(data); // the seeded database is over a gigabyte
        }
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String vote(long[] statementIds) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "{\"statementId\":" + statementIds[r.nextInt(statementIds.length)] + ",\"vote\":" + (r.nextInt(3) - 1) + "}";
    }

    /** Participants' tokens are derived from their number, so the seed and the clients agree without storing them. */
    private static String token(int participant) {
        return "bench-participant-" + participant;
    }

    private String randomToken() {
        return token(ThreadLocalRandom.current().nextInt(participants));
    }

    /** One request, prepared before the clock starts. */
    private interface Call {
        LoopbackHttp.Response send(LoopbackHttp http) throws IOException;
    }

    /**
     * What one client measured: latencies (ns) of its requests started in the window, when each started (ns into the
     * window), and when its last one ended.
     */
    private record Measured(long[] latencies, long[] startedAt, long lastDone) {
    }

    /**
     * Runs clients for warm-up plus measured seconds, each on its own kept-alive connection; answers requests/s and
     * latency percentiles in ms. Every answer must be a success, or the benchmark stops.
     * <p>
     * Closed loop ({@code --rate 0}): a client sends as soon as its last request is answered, so throughput is the
     * server's maximum and latency grows with the number of clients. Open loop ({@code --rate R}): requests are
     * scheduled at R per second in all, and latency counts from the scheduled time, so a server that falls behind
     * shows it in latency (no coordinated omission) and in requests/s below R. The warm-up is closed loop in both.
     */
    private Map<String, Object> phase(String name, int port, Supplier<Call> calls) throws Exception {
        Output.progress("bench votes: " + name + ", " + clients + " clients" + (rate > 0 ? " at " + rate + " requests/s" : "")
                + ", " + warmup + " s warm-up + " + seconds + " s");
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        long interval = rate > 0 ? Math.round(1e9 * clients / rate) : 0;
        List<Future<Measured>> results = new ArrayList<>();
        Future<OptionalDouble> jitShare;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            jitShare = pool.submit(() -> {
                Thread.sleep(Duration.ofNanos(Math.max(0, measureFrom - System.nanoTime())));
                JitShare.Reading from = jit.read();
                Thread.sleep(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
                return jit.between(from, jit.read());
            });
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    long[] startedAt = new long[1024];
                    int n = 0;
                    long lastDone = 0;
                    // The warm-up is closed loop in both modes: a schedule that started with it would carry the
                    // backlog of the server's slow, still-compiling first seconds into the measured ones.
                    long scheduled = measureFrom + (interval > 0 ? ThreadLocalRandom.current().nextLong(interval) : 0);
                    try (LoopbackHttp http = new LoopbackHttp(port)) {
                        while (true) {
                            long now = System.nanoTime();
                            boolean onSchedule = interval > 0 && now >= measureFrom;
                            if ((onSchedule ? scheduled : now) >= end) {
                                break;
                            }
                            Call call = calls.get();
                            long t;
                            if (onSchedule) {
                                LockSupport.parkNanos(scheduled - System.nanoTime());
                                t = scheduled;
                                scheduled += interval;
                            } else {
                                t = now;
                            }
                            LoopbackHttp.Response response = call.send(http);
                            long done = System.nanoTime();
                            if (response.status() >= 300) {
                                throw new IllegalStateException(name + " answered " + response.status() + ": " + response.body());
                            }
                            if (t >= measureFrom && (interval > 0 || done <= end)) {
                                if (n == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, n * 2);
                                    startedAt = Arrays.copyOf(startedAt, n * 2);
                                }
                                startedAt[n] = t - measureFrom;
                                latencies[n++] = done - t;
                                lastDone = done;
                            }
                        }
                    }
                    return new Measured(Arrays.copyOf(latencies, n), Arrays.copyOf(startedAt, n), lastDone);
                }));
            }
        }
        List<Measured> all = new ArrayList<>();
        for (Future<Measured> f : results) {
            all.add(f.get());
        }
        long[] latencies = all.stream().map(Measured::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        // open loop: a server that fell behind answers the window's requests late, and that lowers the rate
        long lastDone = all.stream().mapToLong(Measured::lastDone).max().orElse(end);
        double measuredSeconds = rate > 0 ? Math.max(seconds, (lastDone - measureFrom) / 1e9) : seconds;
        Map<String, Object> r = new LinkedHashMap<>();
        if (rate > 0) {
            r.put("offeredPerSecond", rate);
        }
        r.put("requests", latencies.length);
        r.put("perSecond", Math.round(latencies.length / measuredSeconds));
        r.put("p50ms", percentile(latencies, 0.50));
        r.put("p99ms", percentile(latencies, 0.99));
        r.put("maxMs", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        // the share of the server's CPU its JIT compiler took while measuring: near 0 once it runs at full speed
        jitShare.get().ifPresent(share -> r.put("serverJitShare", Math.round(share * 1000) / 1000.0));
        // A timeline, to see whether slow seconds line up with the conversation's analysis runs.
        r.put("p99msBySecond", p99BySecond(all));
        long windowStartMillis = System.currentTimeMillis() - (System.nanoTime() - measureFrom) / 1_000_000;
        r.put("analysisRuns", analysisRuns(windowStartMillis));
        r.put("analysisAgeAtEndSeconds", analysisAge());
        Output.progress("bench votes: " + name + ": " + r);
        return r;
    }

    /** The p99 latency (ms) of the requests started in each second of the measured window. */
    private List<Double> p99BySecond(List<Measured> all) {
        List<List<Long>> bySecond = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            bySecond.add(new ArrayList<>());
        }
        for (Measured m : all) {
            for (int i = 0; i < m.latencies().length; i++) {
                int second = (int) (m.startedAt()[i] / 1_000_000_000L);
                if (second >= 0 && second < seconds) {
                    bySecond.get(second).add(m.latencies()[i]);
                }
            }
        }
        return bySecond.stream().map(l -> percentile(l.stream().mapToLong(Long::longValue).sorted().toArray(), 0.99)).toList();
    }

    /**
     * The seeded conversation's analysis runs that overlap the measured window (the last {@code kept-snapshots}
     * only), as seconds into the window when each run started reading the votes and when its result was ready.
     */
    private List<Map<String, Double>> analysisRuns(long windowStartMillis) throws Exception {
        List<Map<String, Double>> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT computed_at, duration_ms FROM analysis_snapshot WHERE conversation_id = ? ORDER BY version")) {
            ps.setLong(1, conversationId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    double to = (rs.getTimestamp(1).getTime() - windowStartMillis) / 1000.0;
                    double from = to - rs.getInt(2) / 1000.0;
                    if (to >= 0 && from <= seconds) {
                        Map<String, Double> run = new LinkedHashMap<>();
                        run.put("from", Math.round(from * 10) / 10.0);
                        run.put("to", Math.round(to * 10) / 10.0);
                        runs.add(run);
                    }
                }
            }
        }
        return runs;
    }

    /**
     * How old the seeded conversation's latest analysis is as the phase ends (seconds since its run started reading
     * the votes): how far the map lags behind the votes, in whichever process the analysis runs.
     */
    private double analysisAge() throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement ps = c.prepareStatement("SELECT extract(epoch FROM clock_timestamp() - computed_at)"
                     + " + duration_ms / 1000.0 FROM analysis_snapshot WHERE conversation_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setLong(1, conversationId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Math.round(rs.getDouble(1) * 10) / 10.0 : -1;
            }
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return Math.round(sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e4) / 100.0;
    }

    /** Statements, participants (with known tokens) and their earlier votes, straight into PostgreSQL. */
    private long[] seed(Path data, long conversationId) throws Exception {
        int pgPort = Integer.parseInt(Files.readAllLines(data.resolve("pgdata/postmaster.pid")).get(3).strip());
        databaseUrl = "jdbc:postgresql://localhost:" + pgPort + "/charter";
        Output.progress("bench votes: seeding " + statements + " statements, " + participants + " participants, "
                + (long) participants * seedVotes + " votes");
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO statement (conversation_id, text, text_key, is_seed, status, created_at)"
                        + " SELECT " + conversationId + ", 'Benchmark statement ' || g, 'benchmark statement ' || g, true,"
                        + " 'accepted', now() FROM generate_series(1, " + statements + ") g");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO participant (conversation_id, token_hash) VALUES (" + conversationId + ", ?)")) {
                for (int p = 0; p < participants; p++) {
                    ps.setBytes(1, SecretTokens.hash(token(p)));
                    ps.addBatch();
                    if (p % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setseed(0.42)");
                // Statements were numbered consecutively just above, so a random statement is min id + random offset.
                s.execute("""
                        INSERT INTO vote (conversation_id, participant_id, statement_id, value, created_at)
                        SELECT DISTINCT ON (p.id, v.statement_id) %d, p.id, v.statement_id, v.value, now()
                        FROM participant p
                        CROSS JOIN generate_series(1, %d) k
                        CROSS JOIN LATERAL (SELECT (SELECT min(id) FROM statement WHERE conversation_id = %d)
                                                   + floor(random() * %d)::bigint + 0 * k AS statement_id,
                                                   (floor(random() * 3) - 1)::smallint AS value) v
                        WHERE p.conversation_id = %d""".formatted(conversationId, seedVotes, conversationId,
                        statements, conversationId));
                s.execute("""
                        INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, vote_id, updated_at)
                        SELECT participant_id, statement_id, conversation_id, value, id, created_at FROM vote
                        WHERE conversation_id = %d ON CONFLICT DO NOTHING""".formatted(conversationId));
                s.execute("ANALYZE");
            }
            c.commit();
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT id FROM statement WHERE conversation_id = " + conversationId)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            ids.sort(Comparator.naturalOrder());
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Starts {@code charter serve} or {@code charter worker} on the benchmark's database. */
    private Process start(Path data, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "org.charter.Charter"));
        command.addAll(List.of(arguments));
        Path log = data.resolve(arguments[0] + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("CHARTER_DB_URL");
        pb.environment().put("CHARTER_DATA_DIR", data.toString());
        // 64 clients vote as fast as the server answers, all from 127.0.0.1: the benchmark measures the server,
        // not the rate limits (docs/abuse-limits.md), so it switches them off
        pb.environment().put("CHARTER_RATE_LIMIT_ENABLED", "false");
        if (arguments[0].equals("serve") && analysis != AnalysisPlace.server) {
            pb.environment().put("CHARTER_ANALYSIS_LIVE", "false");
        }
        Output.progress("bench votes: starting charter " + String.join(" ", arguments) + " (log: " + log + ")");
        return pb.start();
    }

    private void waitForHealth() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the benchmark server did not start");
    }

    private JsonNode get(String path, String participantToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (participantToken != null) {
            b.header("X-Participant-Token", participantToken);
        }
        return send(b.GET().build());
    }

    private JsonNode post(String path, String json, String organizerToken, String participantToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (organizerToken != null) {
            b.header("Authorization", "Bearer " + organizerToken);
        }
        if (participantToken != null) {
            b.header("X-Participant-Token", participantToken);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return Output.JSON.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
