package org.charter.constitution.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charter.constitution.CaiList;
import org.charter.constitution.Constitution;
import org.charter.constitution.ConstitutionCsv;
import org.charter.constitution.ConstitutionJson;
import org.charter.constitution.ConstitutionMarkdown;
import org.charter.constitution.SelectionParameters;
import org.charter.constitution.VersionDiff;
import org.charter.constitution.store.ConstitutionService;
import org.charter.constitution.store.SaveVersion;
import org.charter.problem.Problem;
import org.charter.security.CurrentOrganizer;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The constitution of a conversation: organizers build a draft from the latest analysis, save curated versions,
 * compare and publish them, and download them; everyone can read the published one.
 */
@Controller("/api/conversations/{conversation}/constitution")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Constitution")
class ConstitutionController {

    private final ConstitutionService service;

    ConstitutionController(ConstitutionService service) {
        this.service = service;
    }

    @Operation(summary = "Candidate principles from the latest analysis, with evidence and merged near-duplicates")
    @Get("/draft")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Constitution draft(@PathVariable String conversation, @QueryValue @Nullable String minGroupAgreement,
                       @QueryValue @Nullable String minGroupVotes, @QueryValue @Nullable String minBridging,
                       @QueryValue @Nullable String rankBy, @QueryValue @Nullable String mergeThreshold,
                       Authentication auth) {
        return service.draft(conversation, CurrentOrganizer.id(auth),
                parameters(minGroupAgreement, minGroupVotes, minBridging, rankBy, mergeThreshold));
    }

    @Operation(summary = "Download the draft: format=md, json, csv or cai")
    @Get("/draft/export")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> exportDraft(@PathVariable String conversation, @QueryValue @Nullable String format,
                                     @QueryValue @Nullable String minGroupAgreement,
                                     @QueryValue @Nullable String minGroupVotes, @QueryValue @Nullable String minBridging,
                                     @QueryValue @Nullable String rankBy, @QueryValue @Nullable String mergeThreshold,
                                     Authentication auth) {
        Format f = Format.of(format);
        Constitution draft = service.draft(conversation, CurrentOrganizer.id(auth),
                parameters(minGroupAgreement, minGroupVotes, minBridging, rankBy, mergeThreshold));
        return download(draft, f, service.slug(conversation) + "-constitution-draft");
    }

    @Operation(summary = "Save a curated constitution as the next version (immutable)")
    @Post("/versions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Constitution> save(@PathVariable String conversation, @Body @Nullable SaveVersion body,
                                    Authentication auth) {
        Constitution saved = service.save(conversation, CurrentOrganizer.id(auth), body);
        return HttpResponse.created(saved, URI.create("/api/conversations/" + conversation + "/constitution/versions/"
                + saved.version().number()));
    }

    @Operation(summary = "The saved versions, oldest first")
    @Get("/versions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<?> versions(@PathVariable String conversation, Authentication auth) {
        return service.versions(conversation, CurrentOrganizer.id(auth));
    }

    @Operation(summary = "One saved version")
    @Get("/versions/{version}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Constitution version(@PathVariable String conversation, @PathVariable String version, Authentication auth) {
        return service.version(conversation, CurrentOrganizer.id(auth), number(version, "version"));
    }

    @Operation(summary = "Download a saved version: format=md, json, csv or cai")
    @Get("/versions/{version}/export")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> exportVersion(@PathVariable String conversation, @PathVariable String version,
                                       @QueryValue @Nullable String format, Authentication auth) {
        Format f = Format.of(format);
        int n = number(version, "version");
        Constitution c = service.version(conversation, CurrentOrganizer.id(auth), n);
        return download(c, f, service.slug(conversation) + "-constitution-v" + n);
    }

    @Operation(summary = "What changed between two versions: added, removed, reworded, moved, regrouped")
    @Get("/diff")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    VersionDiff diff(@PathVariable String conversation, @QueryValue @Nullable String from,
                     @QueryValue @Nullable String to, Authentication auth) {
        return service.diff(conversation, CurrentOrganizer.id(auth), from == null ? null : number(from, "from"),
                to == null ? null : number(to, "to"));
    }

    @Operation(summary = "Publish a version: participants see it; any previously published version is withdrawn")
    @Post("/versions/{version}/publish")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Constitution publish(@PathVariable String conversation, @PathVariable String version, Authentication auth) {
        return service.publish(conversation, CurrentOrganizer.id(auth), number(version, "version"));
    }

    @Operation(summary = "Withdraw the published constitution")
    @Delete("/published")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> unpublish(@PathVariable String conversation, Authentication auth) {
        service.unpublish(conversation, CurrentOrganizer.id(auth));
        return HttpResponse.noContent();
    }

    @Operation(summary = "The published constitution (public)")
    @Get("/published")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Constitution published(@PathVariable String conversation) {
        return service.published(conversation);
    }

    @Operation(summary = "Download the published constitution (public): format=md, json, csv or cai")
    @Get("/published/export")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> exportPublished(@PathVariable String conversation, @QueryValue @Nullable String format) {
        Format f = Format.of(format);
        Constitution c = service.published(conversation);
        return download(c, f, service.slug(conversation) + "-constitution-v" + c.version().number());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A download format: its media type and file extension. */
    enum Format {
        MD("text/markdown; charset=utf-8", "md"),
        JSON("application/json; charset=utf-8", "json"),
        CSV("text/csv; charset=utf-8", "csv"),
        CAI("text/plain; charset=utf-8", "txt");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Format of(String value) {
            if (value == null || value.isBlank()) {
                return MD;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> MD;
                case "json" -> JSON;
                case "csv" -> CSV;
                case "cai" -> CAI;
                default -> throw Problem.invalid("format", "must be md, json, csv or cai, found '" + value + "'");
            };
        }

        String render(Constitution c) {
            return switch (this) {
                case MD -> ConstitutionMarkdown.write(c);
                case JSON -> ConstitutionJson.write(c);
                case CSV -> ConstitutionCsv.write(c);
                case CAI -> CaiList.write(c);
            };
        }
    }

    private static HttpResponse<String> download(Constitution c, Format f, String baseName) {
        String name = baseName.replaceAll("[^A-Za-z0-9._-]", "_") + (f == Format.CAI ? "-cai" : "") + "." + f.extension;
        return HttpResponse.ok(f.render(c)).contentType(MediaType.of(f.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }

    private static SelectionParameters parameters(String minGroupAgreement, String minGroupVotes, String minBridging,
                                                  String rankBy, String mergeThreshold) {
        return SelectionParameters.of(decimal(minGroupAgreement, "minGroupAgreement"),
                minGroupVotes == null ? null : number(minGroupVotes, "minGroupVotes"),
                decimal(minBridging, "minBridging"),
                rankBy == null ? null : SelectionParameters.RankBy.parse(rankBy, "rankBy"),
                decimal(mergeThreshold, "mergeThreshold"));
    }

    private static Double decimal(String value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid(where, "must be a number, found '" + value + "'");
        }
    }

    private static int number(String value, String where) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid(where, "must be a whole number, found '" + value + "'");
        }
    }
}
