package org.charter.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the HTTP server (the web app and the API) and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web server: the web app and the REST API (default command).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: $CHARTER_PORT or 8080).")
    Integer port;

    @Override
    public Integer call() {
        Map<String, Object> extra = port == null ? Map.of() : Map.of("micronaut.server.port", port);
        ServiceContext services = ServiceContext.open(extra);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "charter-shutdown"));
        EmbeddedServer server = services.context().getBean(EmbeddedServer.class);
        server.start();
        ServiceContext.LOG.info("Charter is running at {}", server.getURL());
        try {
            new CountDownLatch(1).await(); // until the JVM is asked to stop; the shutdown hook cleans up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
