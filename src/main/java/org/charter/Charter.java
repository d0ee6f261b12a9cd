package org.charter;

import org.charter.cli.CharterCommand;

/** Entry point of {@code java -jar charter.jar}: the web server by default, and the command-line tools. */
public final class Charter {

    private Charter() {
    }

    public static void main(String[] args) {
        System.exit(CharterCommand.commandLine().execute(args));
    }
}
