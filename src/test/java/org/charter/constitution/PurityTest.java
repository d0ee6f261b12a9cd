package org.charter.constitution;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection, merging, rewriting and exports (package org.charter.constitution itself) are plain Java. */
class PurityTest {

    @Test
    void thePurePackageImportsNoFrameworkOrDatabase() throws Exception {
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> list = Files.list(Path.of("src/main/java/org/charter/constitution"))) {
            for (Path file : list.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ") && (line.contains("io.micronaut") || line.contains("java.sql")
                            || line.contains("javax.sql") || line.contains("java.net.http") || line.contains("jakarta."))) {
                        offending.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(files >= 10);
        assertEquals(List.of(), offending);
    }
}
