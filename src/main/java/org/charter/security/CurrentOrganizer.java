package org.charter.security;

import io.micronaut.security.authentication.Authentication;

/** Reads the signed-in organizer's id from Micronaut Security's {@link Authentication}. */
public final class CurrentOrganizer {

    static final String ID = "organizerId";

    private CurrentOrganizer() {
    }

    public static long id(Authentication authentication) {
        Object id = authentication.getAttributes().get(ID);
        if (id instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("authentication without organizer id");
    }
}
