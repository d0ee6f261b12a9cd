package org.charter.cli;

import org.charter.database.DatabaseUnavailableException;
import org.charter.problem.Problem;
import org.charter.security.UnsafeSettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The top-level {@code charter} command; with no subcommand it serves, like {@code charter serve}. */
@Command(name = "charter",
        mixinStandardHelpOptions = true,
        versionProvider = CharterCommand.Version.class,
        description = {"Charter: opinion maps, collective constitutions and opinion similarity.",
                "With no command, starts the web server (same as 'serve')."},
        subcommands = {ServeCommand.class, WorkerCommand.class, ImportCommand.class, ExportCommand.class, AnalyzeCommand.class,
                ConstitutionCommand.class, SimilarityCommand.class, CollectCommand.class,
                BenchCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class CharterCommand implements Callable<Integer> {

    /** Exit code for failures the user can act on (bad input, unreachable database). */
    public static final int EXIT_FAILURE = 1;

    @Override
    public Integer call() {
        return new ServeCommand().call();
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CharterCommand());
        cl.setExecutionExceptionHandler(CharterCommand::handle);
        return cl;
    }

    /** Known failures become one line on stderr; anything else keeps its stack trace for a bug report. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof Problem p) {
            cl.getErr().println("charter: " + (p.where() == null ? "" : p.where() + ": ") + p.getMessage());
            return EXIT_FAILURE;
        }
        if (e instanceof DatabaseUnavailableException || e instanceof UnsafeSettingsException) {
            cl.getErr().println("charter: " + e.getMessage());
            return EXIT_FAILURE;
        }
        throw e;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CharterCommand.class.getPackage().getImplementationVersion();
            return new String[]{"charter " + (v == null ? "development build" : v)};
        }
    }
}
