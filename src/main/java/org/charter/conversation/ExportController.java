package org.charter.conversation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charter.security.CurrentOrganizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Downloads a conversation in Polis's export layout, for Polis-compatible tools. */
@Controller("/api/conversations/{conversation}/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Conversations")
class ExportController {

    private final PolisExporter exporter;

    ExportController(PolisExporter exporter) {
        this.exporter = exporter;
    }

    @Operation(summary = "A zip of comments.csv, votes.csv, participants-votes.csv and summary.csv (Polis's layout)")
    @Get(value = "/polis", produces = "application/zip")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<byte[]> polis(@PathVariable String conversation, Authentication auth) {
        Map<String, byte[]> files = exporter.files(conversation, CurrentOrganizer.id(auth));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0); // the same conversation gives the same bytes
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(zip.toByteArray())
                .header("Content-Disposition", "attachment; filename=\"" + conversation.replaceAll("[^a-zA-Z0-9._-]", "_")
                        + "-polis-export.zip\"");
    }
}
