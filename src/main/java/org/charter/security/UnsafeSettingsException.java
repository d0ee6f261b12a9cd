package org.charter.security;

/** Charter refuses to start with these settings; the message is one line that says what to change. */
public final class UnsafeSettingsException extends RuntimeException {
    public UnsafeSettingsException(String message) {
        super(message);
    }
}
