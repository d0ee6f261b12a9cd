package org.charter.cli;

import org.charter.analysis.BackgroundPriority;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The live analyses in a process of their own, as Polis runs its math worker: web servers started with
 * {@code CHARTER_ANALYSIS_LIVE=false} answer participants and leave every run to workers. A worker runs at idle
 * priority, all of it (its compiler and garbage collector too), and lowers the PostgreSQL sessions it uses to nice 19
 * where it may (the embedded database runs as the same user), so on a machine it shares with a web server it takes
 * little CPU the server wants. It finds the conversations to analyse by the periodic sweep.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run the live analyses without a web server, at idle priority.",
                "For deployments whose web servers run with CHARTER_ANALYSIS_LIVE=false; connects to the same"
                        + " database (with the embedded one, to the running server's)."})
final class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        ServiceContext services = ServiceContext.open(Map.of("charter.analysis.live", true,
                "charter.analysis.lower-database-sessions", true));
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "charter-shutdown"));
        // After opening: an embedded database this worker had to start must not inherit its priority.
        int lowered = BackgroundPriority.lowerWholeProcess();
        ServiceContext.LOG.info("Charter worker is running the live analyses ({})", lowered > 0
                ? "at idle priority" : "at normal priority: this system does not offer Linux's idle scheduling class");
        try {
            new CountDownLatch(1).await(); // until the JVM is asked to stop; the shutdown hook cleans up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
