package org.charter.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code charter <args>} in its own JVM on the test classpath, as a user runs the jar: with its own environment
 * (no CHARTER_* variables leak in from the test's), optional standard input, and its output captured.
 */
public final class CharterProcess {

    /** How the command ended. */
    public record Run(int exit, String stdout, String stderr) {
    }

    private CharterProcess() {
    }

    public static Run run(List<String> args, Map<String, String> env, String stdin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // short-lived: start fast
                "-cp", System.getProperty("java.class.path"), "org.charter.Charter"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("CHARTER_"));
        pb.environment().putAll(env);
        // Output goes to files: a pipe nobody reads would block a chatty process.
        Path out = Files.createTempFile("charter-run", ".out");
        Path err = Files.createTempFile("charter-run", ".err");
        Path in = Files.createTempFile("charter-run", ".in");
        try {
            Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            Process process = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("charter " + args + " did not finish in 120 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }
}
