package org.charter.cli;

import org.charter.conversation.PolisExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** Writes a stored conversation as a Polis export folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a conversation in Polis's export layout (comments.csv, votes.csv, participants-votes.csv,"
                + " summary.csv).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--conversation", required = true, paramLabel = "NAME", description = "the conversation (name or id)")
    String conversation;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write (created if needed)")
    Path out;

    @Override
    public Integer call() {
        try (ServiceContext services = ServiceContext.open(Map.of())) {
            Map<String, byte[]> files = services.bean(PolisExporter.class).files(conversation);
            files.forEach((name, bytes) -> Output.text(new String(bytes, StandardCharsets.UTF_8), out.resolve(name)));
            Output.progress("export: wrote " + String.join(", ", files.keySet()) + " to " + out);
        }
        return 0;
    }
}
