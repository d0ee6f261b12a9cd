package org.charter.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL a test owns, so that it can stop and start it again on the same data and port as an operator
 * restarts a server ({@code pg_ctl -m fast}: open sessions are cut). CI runs no PostgreSQL service, and the shared
 * test server must not go away under other test classes, so this one is the test's alone.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres running;

    private OwnPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static OwnPostgres start() {
        try {
            OwnPostgres pg = new OwnPostgres(Files.createTempDirectory("charter-own-pg"), freePort());
            pg.startAgain();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops the server (fast shutdown: sessions are terminated); the data stays. */
    synchronized void stop() throws IOException {
        running.close();
        running = null;
    }

    /** Starts the server on the same data directory and port. */
    synchronized void startAgain() throws IOException {
        running = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }

    @Override
    public synchronized void close() throws IOException {
        if (running != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
