package org.charter.testing;

import java.nio.file.Path;

/** The real data in {@code ../shared/data}, read only by tests tagged {@code real-data} (run with -Preal-data). */
public final class SharedData {

    private SharedData() {
    }

    public static Path path(String relative) {
        return Path.of(System.getProperty("charter.test.shared-data", "../shared/data")).resolve(relative);
    }
}
