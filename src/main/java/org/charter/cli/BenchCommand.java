package org.charter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks; each measures one performance target and prints what BENCHMARKS.md records. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark (results go to stdout; see BENCHMARKS.md).",
        subcommands = {BenchVotesCommand.class, BenchAnalysisCommand.class, BenchSimilarityCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: " + String.join(", ",
                spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }
}
