package org.charter.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every route an organizer's credentials open, found in the application's router (not in a list kept by hand), is
 * called over HTTP without credentials (401), with a made-up token (401) and with another organizer's token against
 * the first organizer's conversation, constitution, survey dataset or answer set (403). A route added later fails this
 * test until it is placed below: in {@link #OWNED} (it acts on something an organizer owns) or {@link #ACCOUNT}
 * (it acts only on the caller's own account or on public data).
 */
@MicronautTest(transactional = false)
class AuthorizationSweepTest extends DatabaseTest {

    /** How to call a route: query string, body and its content type (null: none). */
    private record Call(String query, Object body, String contentType) {
        static Call none() {
            return new Call(null, null, null);
        }

        static Call json(Object body) {
            return new Call(null, body, MediaType.APPLICATION_JSON);
        }

        static Call query(String query) {
            return new Call(query, null, null);
        }
    }

    private static final String CSV = "question,selections,options,source\n"
            + "Do you agree?,\"{'Brazil': [0.6, 0.4], 'Japan': [0.3, 0.7]}\",\"['Yes', 'No']\",GAS\n";
    private static final String JSONL = "{\"qid\": 0, \"distribution\": [0.5, 0.5]}\n";

    /** Routes that act on a conversation, constitution, dataset or answer set: only their organizers may call them. */
    private static final Map<String, Call> OWNED = new LinkedHashMap<>();
    /** Routes that need a signed-in organizer but touch only the caller's own account or public data. */
    private static final Map<String, Call> ACCOUNT = new LinkedHashMap<>();

    static {
        OWNED.put("ConversationController.manage", Call.none());
        OWNED.put("ConversationController.counts", Call.none());
        OWNED.put("ConversationController.update", Call.json(Map.of("topic", "Taken over", "identity", "anonymous")));
        OWNED.put("ConversationController.close", Call.none());
        OWNED.put("ConversationController.reopen", Call.none());
        OWNED.put("ConversationController.invite", Call.json(Map.of("email", "placeholder")));
        OWNED.put("ConversationController.organizers", Call.none());
        OWNED.put("ConversationController.removeOrganizer", Call.none());
        OWNED.put("StatementController.add", Call.json(Map.of("text", "A seed from a stranger")));
        OWNED.put("StatementController.all", Call.query("status=pending"));
        OWNED.put("StatementController.moderate", Call.json(Map.of("status", "rejected")));
        OWNED.put("ExportController.polis", Call.none());
        OWNED.put("AnalysisController.recompute", Call.none());
        OWNED.put("AnalysisController.breakdown", Call.query("by=country"));
        OWNED.put("ConstitutionController.draft", Call.none());
        OWNED.put("ConstitutionController.exportDraft", Call.query("format=json"));
        OWNED.put("ConstitutionController.save", Call.json(Map.of("principles", List.of(Map.of("text", "Stolen",
                "statementIds", List.of(0))))));
        OWNED.put("ConstitutionController.versions", Call.none());
        OWNED.put("ConstitutionController.version", Call.none());
        OWNED.put("ConstitutionController.exportVersion", Call.query("format=csv"));
        OWNED.put("ConstitutionController.diff", Call.query("from=1&to=1"));
        OWNED.put("ConstitutionController.publish", Call.none());
        OWNED.put("ConstitutionController.unpublish", Call.none());
        OWNED.put("SurveyDatasetController.delete", Call.none());
        OWNED.put("AnswerSetController.delete", Call.none());

        ACCOUNT.put("AuthController.logout", Call.none());                        // ends the caller's own session
        ACCOUNT.put("AuthController.me", Call.none());                            // the caller's own account
        ACCOUNT.put("ConversationController.create", Call.json(Map.of("topic", "Mine")));   // owned by the caller
        ACCOUNT.put("ConversationController.list", Call.none());                  // only the caller's conversations
        // Survey datasets are public research data: any organizer may add one, or measure a model against any.
        ACCOUNT.put("SurveyDatasetController.upload", new Call("name=sweep-upload", CSV, "text/csv"));
        ACCOUNT.put("SurveyDatasetController.uploadForm", new Call(null, MultipartBody.builder()
                .addPart("file", "sweep.csv", MediaType.of("text/csv"), CSV.getBytes(StandardCharsets.UTF_8)).build(),
                MediaType.MULTIPART_FORM_DATA));
        ACCOUNT.put("AnswerSetController.upload", new Call("name=sweep-upload", JSONL, "application/x-ndjson"));
        ACCOUNT.put("AnswerSetController.uploadForm", new Call(null, MultipartBody.builder()
                .addPart("file", "sweep.jsonl", MediaType.of("application/x-ndjson"), JSONL.getBytes(StandardCharsets.UTF_8))
                .build(), MediaType.MULTIPART_FORM_DATA));
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    private Api api;
    private String owner;
    private long ownerId;
    private String stranger;
    private final Map<String, Object> pathValues = new HashMap<>();

    /** One route as the router serves it. */
    private record Route(String name, HttpMethod method, UriRouteInfo<?, ?> info, boolean anonymous) {
    }

    @BeforeAll
    void theOwnerBuildsEverythingARouteCanActOn() {
        api = new Api(client);
        owner = api.newOrganizer();
        ownerId = ((Number) api.get("/api/auth/me", owner).get("id")).longValue();
        stranger = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", "owned", "topic", "Whose is this?",
                "seedStatements", List.of("Parks need more trees", "Buses should run all night", "Libraries should open on Sundays"),
                "metadataQuestions", List.of(Map.of("key", "country", "label", "Country", "options", List.of("Brazil", "Japan")))),
                owner);
        List<Long> statements = api.getList("/api/conversations/owned/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
        for (int p = 0; p < CROWD; p++) {
            String token = api.join("owned");
            api.asParticipant(HttpRequest.PUT("/api/conversations/owned/me/answers", Map.of("country", p % 2 == 0 ? "Brazil" : "Japan")), token);
            voteOnAll("owned", token, statements, p);
        }
        api.post("/api/conversations/owned/analysis/recompute", Map.of(), owner);
        api.post("/api/conversations/owned/constitution/versions", Map.of("principles",
                List.of(Map.of("text", "Parks need more trees", "statementIds", List.of(statements.getFirst())))), owner);
        Map<?, ?> dataset = client.toBlocking().retrieve(Api.auth(HttpRequest.POST("/api/opinions/datasets?name=owned", CSV)
                .contentType("text/csv"), owner), Map.class);
        long datasetId = ((Number) dataset.get("id")).longValue();
        Map<?, ?> answers = client.toBlocking().retrieve(Api.auth(HttpRequest.POST("/api/opinions/datasets/" + datasetId
                + "/answer-sets?name=owned", JSONL).contentType("application/x-ndjson"), owner), Map.class);

        pathValues.put("conversation", "owned");
        pathValues.put("statementId", statements.getFirst());
        pathValues.put("version", 1);
        pathValues.put("datasetId", datasetId);
        pathValues.put("answerSetId", ((Number) answers.get("id")).longValue());
        pathValues.put("organizerId", ownerId);
        String strangerEmail = (String) api.get("/api/auth/me", stranger).get("email");
        OWNED.put("ConversationController.invite", Call.json(Map.of("email", strangerEmail))); // the stranger invites themselves
    }

    @Test
    void everyOrganizerRouteIsInTheSweep() {
        Set<String> found = new TreeSet<>();
        for (Route r : organizerRoutes()) {
            found.add(r.name());
            if (!OWNED.containsKey(r.name()) && !ACCOUNT.containsKey(r.name())) {
                fail(r.name() + " (" + r.method() + " " + r.info().getUriMatchTemplate() + ") opens with an organizer's"
                        + " credentials but is not in the authorization sweep: add it to OWNED or ACCOUNT");
            }
        }
        Set<String> listed = new TreeSet<>(OWNED.keySet());
        listed.addAll(ACCOUNT.keySet());
        listed.removeAll(found);
        assertTrue(listed.isEmpty(), "listed in the sweep but no longer routes that need an organizer: " + listed);
        assertTrue(found.size() >= 30, "found the organizer routes: " + found);
    }

    @Test
    void withoutCredentialsOrWithAMadeUpTokenEveryOrganizerRouteAnswers401() {
        for (Route r : organizerRoutes()) {
            Call call = OWNED.containsKey(r.name()) ? OWNED.get(r.name()) : ACCOUNT.get(r.name());
            assertNotNull(call, r.name());
            Map<?, ?> problem = problem(HttpStatus.UNAUTHORIZED, request(r, call), r);
            assertEquals(401, ((Number) problem.get("status")).intValue());
            problem(HttpStatus.UNAUTHORIZED, request(r, call).bearerAuth(SecretTokens.newToken()), r);
            problem(HttpStatus.UNAUTHORIZED, request(r, call).cookie(io.micronaut.http.cookie.Cookie.of("charter_session", "forged")), r);
        }
    }

    @Test
    void anotherOrganizersTokenIsRefusedWith403OnEverythingTheOwnerHas() {
        for (Route r : organizerRoutes()) {
            Call call = OWNED.get(r.name());
            if (call != null) {
                Map<?, ?> problem = problem(HttpStatus.FORBIDDEN, request(r, call).bearerAuth(stranger), r);
                assertFalse(String.valueOf(problem.get("detail")).isBlank(), r.name());
            }
        }
        // Nothing the stranger tried took effect.
        Map<?, ?> managed = api.get("/api/conversations/owned/manage", owner);
        assertEquals("Whose is this?", managed.get("topic"));
        assertEquals(Boolean.TRUE, managed.get("open"));
        assertEquals(1, api.getList("/api/conversations/owned/organizers", owner).size(), "the stranger did not get in");
        assertEquals(3, api.getList("/api/conversations/owned/statements", null).size());
        assertTrue(api.getList("/api/conversations", stranger).isEmpty(), "the stranger's list shows no one else's conversation");
    }

    @Test
    void theOwnerReadsEveryOwnedRouteThatOnlyReads() {
        int read = 0;
        for (Route r : organizerRoutes()) {
            Call call = OWNED.get(r.name());
            if (call != null && r.method() == HttpMethod.GET) {
                HttpResponse<byte[]> response = client.toBlocking().exchange(request(r, call).bearerAuth(owner), byte[].class);
                assertEquals(200, response.code(), r.name());
                read++;
            }
        }
        assertTrue(read >= 12, "read " + read + " routes");
    }

    @Test
    void coOrganizersManageButOnlyTheOwnerInvitesAndRemoves() {
        String co = api.newOrganizer();
        String third = api.newOrganizer();
        String coEmail = (String) api.get("/api/auth/me", co).get("email");
        String thirdEmail = (String) api.get("/api/auth/me", third).get("email");
        long coId = ((Number) api.get("/api/auth/me", co).get("id")).longValue();
        api.post("/api/conversations", Map.of("slug", "shared", "topic", "Shared"), owner);
        api.problem(HttpStatus.FORBIDDEN, Api.auth(HttpRequest.GET("/api/conversations/shared/manage"), co));

        List<?> organizers = client.toBlocking().retrieve(Api.auth(HttpRequest.POST("/api/conversations/shared/organizers",
                Map.of("email", coEmail)), owner), List.class);
        assertEquals(List.of(true, false), organizers.stream().map(o -> ((Map<?, ?>) o).get("owner")).toList());
        assertEquals("Shared", api.get("/api/conversations/shared/manage", co).get("topic"));
        assertEquals("Shared by two", api.patch("/api/conversations/shared", Map.of("topic", "Shared by two"), co).get("topic"));
        assertEquals(1, api.getList("/api/conversations", co).size());

        Map<?, ?> refused = api.problem(HttpStatus.FORBIDDEN, Api.auth(HttpRequest.POST("/api/conversations/shared/organizers",
                Map.of("email", thirdEmail)), co));
        assertTrue(String.valueOf(refused.get("detail")).contains("owner"), refused.toString());
        api.problem(HttpStatus.FORBIDDEN, Api.auth(HttpRequest.DELETE("/api/conversations/shared/organizers/" + ownerId), co));
        api.problem(HttpStatus.CONFLICT, Api.auth(HttpRequest.DELETE("/api/conversations/shared/organizers/" + ownerId), owner));
        api.problem(HttpStatus.NOT_FOUND, Api.auth(HttpRequest.POST("/api/conversations/shared/organizers",
                Map.of("email", "nobody-" + System.nanoTime() + "@example.org")), owner));

        HttpResponse<?> removed = client.toBlocking().exchange(Api.auth(HttpRequest.DELETE("/api/conversations/shared/organizers/" + coId), owner));
        assertEquals(204, removed.code());
        api.problem(HttpStatus.FORBIDDEN, Api.auth(HttpRequest.GET("/api/conversations/shared/manage"), co));
        assertTrue(api.getList("/api/conversations", co).isEmpty());
    }

    @Test
    void publicViewsShowNoSecretsXidsOrStatementsAwaitingOrFailingModeration() throws Exception {
        String secret = "the-sites-shared-secret-0123456789";
        String xid = "alice@example.org";
        api.post("/api/conversations", Map.of("slug", "guarded", "topic", "Guarded", "moderation", "pre", "identity", "xid",
                "xidSecret", secret, "seedStatements", List.of("Seeds are accepted at once", "Seeds come from organizers",
                        "Seeds start the conversation")), owner);
        Map<?, ?> session = api.post("/api/conversations/guarded/participants", Map.of("xid", xid, "signature", hmac(secret, xid)), null);
        String token = (String) session.get("token");
        String pending = "A statement still waiting for the moderator";
        String rejected = "A statement the moderator turned down";
        api.asParticipant(HttpRequest.POST("/api/conversations/guarded/statements", Map.of("text", pending)), token);
        Map<?, ?> toReject = api.asParticipant(HttpRequest.POST("/api/conversations/guarded/statements", Map.of("text", rejected)), token);
        api.patch("/api/conversations/guarded/statements/" + toReject.get("id"), Map.of("status", "rejected"), owner);
        List<Long> seeds = api.getList("/api/conversations/guarded/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
        long seed = seeds.getFirst();
        voteOnAll("guarded", token, seeds, 0);
        for (int p = 1; p < CROWD; p++) {
            String other = "person-" + p + "@example.org";
            voteOnAll("guarded", (String) api.post("/api/conversations/guarded/participants",
                    Map.of("xid", other, "signature", hmac(secret, other)), null).get("token"), seeds, p);
        }
        api.post("/api/conversations/guarded/analysis/recompute", Map.of(), owner);
        api.post("/api/conversations/guarded/constitution/versions", Map.of("principles",
                List.of(Map.of("text", "Seeds are accepted at once", "statementIds", List.of(seed)))), owner);
        api.post("/api/conversations/guarded/constitution/versions/1/publish", Map.of(), owner);

        // The organizer sees all of it, which shows that the checks below could fail.
        String organizerView = client.toBlocking().retrieve(Api.auth(HttpRequest.GET("/api/conversations/guarded/manage"), owner));
        assertTrue(organizerView.contains(secret));
        String queue = client.toBlocking().retrieve(Api.auth(HttpRequest.GET("/api/conversations/guarded/statements/all"), owner));
        assertTrue(queue.contains(pending) && queue.contains(rejected));

        int checked = 0;
        for (Route r : routes()) {
            String template = r.info().getUriMatchTemplate().toString();
            if (!r.anonymous() || r.method() != HttpMethod.GET || !template.startsWith("/api/conversations/{conversation}")) {
                continue;
            }
            assertEquals(List.of("conversation"), r.info().getUriMatchTemplate().getVariableNames(), template);
            String path = r.info().getUriMatchTemplate().expand(Map.of("conversation", "guarded"));
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path)
                    .header("X-Participant-Token", token), String.class);
            String body = response.body();
            assertNotNull(body, path);
            for (String secretThing : List.of(secret, xid, pending, rejected)) {
                assertFalse(body.contains(secretThing), path + " shows '" + secretThing + "': " + body);
            }
            checked++;
        }
        assertTrue(checked >= 6, "checked " + checked + " public views");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Enough participants for opinion groups, so that analysis and constitution have something to work on. */
    private static final int CROWD = 16;

    /** Two camps: everyone agrees with the first statement, the camps split on the others. */
    private void voteOnAll(String conversation, String token, List<Long> statements, int participant) {
        for (int i = 0; i < statements.size(); i++) {
            api.asParticipant(HttpRequest.POST("/api/conversations/" + conversation + "/votes?next=false",
                    Map.of("statementId", statements.get(i), "vote", i == 0 || participant % 2 == 0 ? "agree" : "disagree")), token);
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        router.uriRoutes().forEach(info -> {
            Class<?> controller = info.getTargetMethod().getDeclaringType();
            while (controller.getSimpleName().contains("$")) {
                controller = controller.getSuperclass(); // the generated subclass that applies @Valid, @ExecuteOn...
            }
            if (!controller.getPackageName().startsWith("org.charter") || info.getHttpMethod() == HttpMethod.HEAD) {
                return; // HEAD routes are generated for each GET route and run the same method
            }
            String[] rules = info.getTargetMethod().getValue(Secured.class, String[].class).orElse(new String[0]);
            boolean anonymous = Arrays.asList(rules).contains(SecurityRule.IS_ANONYMOUS);
            Class<?> named = controller;
            routes.add(new Route(named.getSimpleName() + "." + info.getTargetMethod().getMethodName(),
                    info.getHttpMethod(), info, anonymous));
        });
        return routes;
    }

    /** Routes closed to anonymous callers, and open ones that act differently for a signed-in organizer. */
    private List<Route> organizerRoutes() {
        return routes().stream().filter(r -> !r.anonymous() || Arrays.stream(r.info().getTargetMethod().getArguments())
                .map(a -> a.getType()).anyMatch(Authentication.class::isAssignableFrom)).toList();
    }

    private MutableHttpRequest<Object> request(Route r, Call call) {
        String path = r.info().getUriMatchTemplate().expand(pathValues);
        String uri = call.query() == null ? path : path + "?" + call.query();
        MutableHttpRequest<Object> request = HttpRequest.create(r.method(), uri);
        if (call.body() != null) {
            request.body(call.body()).contentType(call.contentType());
        } else if (r.method() == HttpMethod.POST || r.method() == HttpMethod.PUT || r.method() == HttpMethod.PATCH) {
            request.body(Map.of()).contentType(MediaType.APPLICATION_JSON);
        }
        return request;
    }

    private Map<?, ?> problem(HttpStatus status, MutableHttpRequest<?> request, Route r) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            throw new AssertionError(r.name() + ": expected " + status.getCode() + ", got " + response.code()
                    + " " + response.body());
        } catch (HttpClientResponseException e) {
            assertEquals(status, e.getStatus(), () -> r.name() + " " + request.getMethod() + " " + request.getUri()
                    + ": " + e.getResponse().getBody(String.class).orElse(""));
            assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""),
                    () -> r.name() + " " + e.getStatus() + " " + e.getResponse().getHeaders().asMap() + " "
                            + e.getResponse().getBody(String.class).orElse("(no body)"));
            return e.getResponse().getBody(Map.class).orElseThrow();
        }
    }

    /** HMAC-SHA256 of the xid, hex: what the organizer's site computes for a signed link. */
    static String hmac(String secret, String xid) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(xid.getBytes(StandardCharsets.UTF_8)));
    }
}
