package org.charter.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A command run in this JVM, as a user types it: its exit code and what it wrote to standard error. */
record CommandRun(int exit, String err) {

    static CommandRun of(String... args) {
        CommandLine cl = CharterCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CommandRun(exit, err.toString());
    }
}
