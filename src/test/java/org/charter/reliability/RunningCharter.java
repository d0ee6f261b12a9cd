package org.charter.reliability;

import org.charter.database.ConnectionInfo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Charter running as its own process (the {@code charter} command on this build's classpath) on a given database, so
 * a test can kill it as the operating system would: {@code kill -9}, no shutdown hooks, no chance to clean up.
 * ({@link org.charter.testing.CharterProcess} runs a command to its end instead.)
 */
final class RunningCharter implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private RunningCharter(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static RunningCharter start(ConnectionInfo database, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.charter.Charter"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CHARTER_")); // none of the test's own settings leak in
        pb.environment().put("CHARTER_DB_URL", database.url());
        pb.environment().put("CHARTER_DB_USER", database.user());
        pb.environment().put("CHARTER_DB_PASSWORD", database.password());
        pb.environment().putAll(env);
        // Output goes to files: a pipe nobody reads would block a chatty process.
        Path out = Files.createTempFile("charter-process", ".out");
        Path err = Files.createTempFile("charter-process", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new RunningCharter(pb.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone; answers its exit code (137 when the signal ended it). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL");
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself and answers its exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not finish: " + stderr());
        }
        return process.exitValue();
    }

    String stdout() {
        return read(stdout);
    }

    /** What the process logged, for failure messages. */
    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the process as a service manager does (SIGTERM), if it still runs; removes the output files. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
