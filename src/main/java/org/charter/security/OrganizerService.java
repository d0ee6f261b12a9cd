package org.charter.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Organizer accounts: creation, password sign-in and bearer tokens. */
@Singleton
public class OrganizerService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_NAME = 200;
    /** The longest address SMTP carries (RFC 5321). */
    static final int MAX_EMAIL = 254;
    static final int DEFAULT_BCRYPT_COST = 12;
    private static final Duration SESSION = Duration.ofDays(30);

    private final OrganizerRepository organizers;
    private final int bcryptCost;

    OrganizerService(OrganizerRepository organizers, @Value("${charter.security.bcrypt-cost:12}") int bcryptCost) {
        this.organizers = organizers;
        this.bcryptCost = bcryptCost;
    }

    /** A new account; the password may be null for token-only accounts made by an administrator. */
    @Transactional
    public Organizer create(String email, String displayName, String password) {
        String normalized = normalizeEmail(email);
        if (displayName == null || displayName.isBlank()) {
            throw Problem.invalid("name", "name must not be empty");
        }
        if (displayName.strip().length() > MAX_NAME) {
            throw Problem.invalid("name", "name must have at most " + MAX_NAME + " characters");
        }
        if (password != null && password.length() < MIN_PASSWORD) {
            throw Problem.invalid("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // bcrypt reads only the first 72 bytes; the library refuses longer input rather than ignore the rest
            throw Problem.invalid("password", "password must have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        if (organizers.findByEmail(normalized).isPresent()) {
            throw Problem.conflict("email", "an organizer with this email already exists");
        }
        String hash = password == null ? null
                : BCrypt.withDefaults().hashToString(bcryptCost, password.toCharArray());
        return organizers.save(new Organizer(null, normalized, displayName.strip(), hash, null));
    }

    /** Checks the password and returns a new session token, or fails with 401 without saying which part was wrong. */
    @Transactional
    public Session signIn(String email, String password) {
        Optional<Organizer> found = organizers.findByEmail(normalizeEmail(email));
        boolean ok = found.isPresent() && found.get().passwordHash() != null && password != null
                && BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                found.get().passwordHash().getBytes(StandardCharsets.UTF_8)).verified;
        if (!ok) {
            throw Problem.of(Problem.Kind.UNAUTHORIZED, null, "email or password is wrong");
        }
        return new Session(found.get(), issueToken(found.get().id(), "sign-in", Instant.now().plus(SESSION)));
    }

    /** A bearer token for the organizer; {@code expiresAt} null means it never expires. */
    @Transactional
    public String issueToken(long organizerId, String label, Instant expiresAt) {
        String token = SecretTokens.newToken();
        organizers.saveToken(SecretTokens.hash(token), organizerId, label, expiresAt);
        return token;
    }

    public Optional<Organizer> findByToken(String token) {
        return organizers.findByToken(SecretTokens.hash(token));
    }

    public Optional<Organizer> findById(long id) {
        return organizers.findById(id);
    }

    public Optional<Organizer> findByEmail(String email) {
        return organizers.findByEmail(normalizeEmail(email));
    }

    @Transactional
    public void revoke(String token) {
        organizers.deleteToken(SecretTokens.hash(token));
    }

    private static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
            throw Problem.invalid("email", "email must look like name@example.org");
        }
        return e;
    }

    /** A signed-in organizer and the token that proves it. */
    public record Session(Organizer organizer, String token) {
    }
}
