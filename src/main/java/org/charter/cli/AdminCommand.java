package org.charter.cli;

import org.charter.problem.Problem;
import org.charter.security.Organizer;
import org.charter.security.OrganizerService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Administration on the server's database: organizer accounts and their API tokens. Works whether or not a server
 * runs (like import); this is how a production server, where registration is closed, gets its organizers.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Administer organizer accounts on Charter's database (whether or not a server runs).",
        subcommands = {AdminCommand.CreateOrganizer.class, AdminCommand.CreateToken.class, CommandLine.HelpCommand.class})
final class AdminCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name an admin command: create-organizer, create-token");
    }

    /** What the admin commands print: the account and, when one was made, the API token (shown only this once). */
    record Created(Organizer organizer, String token, Instant tokenExpiresAt) {
    }

    @Command(name = "create-organizer", mixinStandardHelpOptions = true,
            description = {"Create an organizer account. With --password-stdin the account signs in with that password;"
                    + " without it, the account is token-only and a new API token is printed (send it as"
                    + " 'Authorization: Bearer TOKEN'). Only a hash of the token is stored: it is shown once.",
                    "Prints JSON {organizer, token, tokenExpiresAt} on standard output."})
    static final class CreateOrganizer implements Callable<Integer> {

        @Option(names = "--email", required = true, description = "the organizer's email (their account name)")
        String email;

        @Option(names = "--name", required = true, description = "the name shown to co-organizers")
        String name;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Option(names = "--token", description = "also print an API token when a password is set")
        boolean token;

        @Option(names = "--token-days", paramLabel = "DAYS",
                description = "the API token expires after this many days (default: never)")
        Integer tokenDays;

        @Override
        public Integer call() {
            String password = passwordStdin ? passwordFromStdin() : null;
            try (ServiceContext services = ServiceContext.open(Map.of())) {
                OrganizerService organizers = services.bean(OrganizerService.class);
                Organizer created = organizers.create(email, name, password);
                Created result = password == null || token ? withToken(organizers, created, tokenDays)
                        : new Created(created, null, null);
                Output.progress("admin: created organizer " + created.email() + " (id " + created.id() + ")"
                        + (result.token() == null ? "; they sign in with their password"
                        : "; the API token is shown only now: keep it secret"));
                Output.json(result, null);
            }
            return 0;
        }
    }

    @Command(name = "create-token", mixinStandardHelpOptions = true,
            description = {"Issue a new API token for an existing organizer (e.g. a lost one; revoke a token with"
                    + " POST /api/auth/logout sent with it).",
                    "Prints JSON {organizer, token, tokenExpiresAt} on standard output."})
    static final class CreateToken implements Callable<Integer> {

        @Option(names = "--email", required = true, description = "the organizer's email")
        String email;

        @Option(names = "--token-days", paramLabel = "DAYS",
                description = "the token expires after this many days (default: never)")
        Integer tokenDays;

        @Override
        public Integer call() {
            try (ServiceContext services = ServiceContext.open(Map.of())) {
                OrganizerService organizers = services.bean(OrganizerService.class);
                Organizer organizer = organizers.findByEmail(email)
                        .orElseThrow(() -> Problem.notFound("--email", "no organizer account has the email " + email));
                Created result = withToken(organizers, organizer, tokenDays);
                Output.progress("admin: new API token for " + organizer.email() + "; it is shown only now: keep it secret");
                Output.json(result, null);
            }
            return 0;
        }
    }

    private static Created withToken(OrganizerService organizers, Organizer organizer, Integer days) {
        if (days != null && days < 1) {
            throw Problem.invalid("--token-days", "must be at least 1");
        }
        Instant expires = days == null ? null : Instant.now().plus(Duration.ofDays(days));
        return new Created(organizer, organizers.issueToken(organizer.id(), "admin-cli", expires), expires);
    }

    /** The first line of standard input, without its line ending; a password is never an argument (ps shows those). */
    private static String passwordFromStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw Problem.invalid("--password-stdin", "standard input gave no password");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }
}
