package dev.shipshape.gate;

import static dev.shipshape.gate.RunningGate.authzRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import dev.shipshape.rules.Severity;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker authorization plugin over HTTP, as dockerd calls it (the wire format of moby's pkg/authorization). */
class AuthzPluginTest {

    private static final String SUFFIX = " (set \"enforce\" in .shipshape.yaml to change this)";

    @TempDir
    Path folder;

    @Test
    void activationSaysItImplementsAuthz() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            HttpResponse<String> response = gate.post("/Plugin.Activate", "");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"Implements\":[\"authz\"]}");
        }
    }

    @Test
    void aPrivilegedCreateIsDeniedAndAHardenedOneAllowedAndBothAreLogged() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            HttpResponse<String> denied = gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "POST", "/v1.41/containers/create?name=web",
                    "{\"Image\":\"shipshape/busybox:test\",\"User\":\"10001\",\"HostConfig\":{\"Privileged\":true}}"));
            HttpResponse<String> allowed = gate.post("/AuthZPlugin.AuthZReq", authzRequest("alice", "POST", "/v1.41/containers/create",
                    JudgeTest.HARDENED));
            HttpResponse<String> ping = gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "GET", "/_ping", null));

            JsonNode deniedAnswer = RunningGate.json(denied.body());
            assertThat(denied.statusCode()).isEqualTo(200);
            assertThat(deniedAnswer.path("Allow").asBoolean(true)).isFalse();
            assertThat(deniedAnswer.path("Msg").asText()).startsWith("shipshape denied: privileged-container: container 'web' runs privileged. "
                    + "To comply: Run the container without `--privileged`").endsWith(SUFFIX);
            assertThat(allowed.body()).isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(ping.body()).isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");

            List<JsonNode> log = gate.decisions();
            assertThat(log).hasSize(3);
            assertThat(log.get(0).path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(log.get(0).path("door").asText()).isEqualTo("docker");
            assertThat(log.get(0).path("user").asText()).isEqualTo("");
            assertThat(log.get(0).path("method").asText()).isEqualTo("POST");
            assertThat(log.get(0).path("uri").asText()).isEqualTo("/v1.41/containers/create?name=web");
            assertThat(log.get(0).path("action").asText()).isEqualTo("container-create");
            assertThat(log.get(0).path("decision").asText()).isEqualTo("denied");
            assertThat(log.get(0).path("rules").toString()).startsWith("[\"privileged-container\",");
            assertThat(log.get(0).path("message").asText()).isEqualTo(deniedAnswer.path("Msg").asText());
            assertThat(log.get(1).path("user").asText()).isEqualTo("alice");
            assertThat(log.get(1).path("decision").asText()).isEqualTo("warned");
            assertThat(log.get(1).path("rules").toString()).isEqualTo("[\"missing-healthcheck\"]");
            assertThat(log.get(1).has("message")).isFalse();
            assertThat(log.get(0).path("endpoint").asText()).isEqualTo("POST /containers/create");
            assertThat(log.get(0).path("object").asText()).isEqualTo("web");
            assertThat(log.get(0).path("bodySha256").asText()).isEqualTo(sha256(
                    "{\"Image\":\"shipshape/busybox:test\",\"User\":\"10001\",\"HostConfig\":{\"Privileged\":true}}"));
            assertThat(log.get(0).path("findings").get(0).toString()).isEqualTo("{\"rule\":\"privileged-container\",\"outcome\":\"denied\","
                    + "\"message\":\"container 'web' runs privileged\"}");
            assertThat(log.get(1).path("findings").toString()).contains("{\"rule\":\"missing-healthcheck\",\"outcome\":\"warned\"");
            assertThat(log.get(2).toString()).endsWith("\"door\":\"docker\",\"user\":\"\",\"method\":\"GET\",\"uri\":\"/_ping\","
                    + "\"endpoint\":\"GET /_ping\",\"decision\":\"allowed\",\"rules\":[]}");
        }
    }

    @Test
    void theResponseHookAllowsEverything() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            String response = authzRequest("", "POST", "/v1.41/containers/create", "{\"HostConfig\":{\"Privileged\":true}}")
                    .replace("}\n", ",\"ResponseStatusCode\":201,\"ResponseBody\":\"e30=\"}");

            assertThat(gate.post("/AuthZPlugin.AuthZRes", response).body()).isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(gate.decisions()).isEmpty();
        }
    }

    @Test
    void aPrivilegedExecIsDenied() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            JsonNode answer = RunningGate.json(gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "POST", "/v1.41/containers/web/exec",
                    "{\"User\":\"\",\"Privileged\":true,\"Tty\":false,\"AttachStdout\":true,\"Cmd\":[\"id\"]}")).body());
            JsonNode asRoot = RunningGate.json(gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "POST", "/v1.41/containers/web/exec",
                    "{\"User\":\"0:0\",\"Privileged\":false,\"Cmd\":[\"id\"]}")).body());
            JsonNode plain = RunningGate.json(gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "POST", "/v1.41/containers/web/exec",
                    "{\"User\":\"\",\"Privileged\":false,\"Cmd\":[\"id\"]}")).body());

            assertThat(answer.path("Allow").asBoolean(true)).isFalse();
            assertThat(answer.path("Msg").asText()).startsWith("shipshape denied: privileged-container: exec in container 'web' runs privileged.");
            assertThat(asRoot.path("Allow").asBoolean(true)).isFalse();
            assertThat(asRoot.path("Msg").asText()).startsWith("shipshape denied: runs-as-root: exec in container 'web' runs as root (user: \"0:0\").");
            assertThat(plain.path("Allow").asBoolean(false)).isTrue();
        }
    }

    @Test
    void bypassesAreRefused() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            JsonNode missing = RunningGate.json(gate.post("/AuthZPlugin.AuthZReq",
                    authzRequest("", "POST", "/v1.41/containers/create", null)).body());
            JsonNode old = RunningGate.json(gate.post("/AuthZPlugin.AuthZReq",
                    authzRequest("", "POST", "/v1.23/containers/web/start", "{\"Privileged\":true}")).body());
            JsonNode encoded = RunningGate.json(gate.post("/AuthZPlugin.AuthZReq",
                    authzRequest("", "POST", "/v1.41/containers/cr%65ate", "{\"hostconfig\":{\"privileged\":true},\"User\":\"1\"}")).body());

            assertThat(missing.path("Allow").asBoolean(true)).isFalse();
            assertThat(missing.path("Msg").asText()).isEqualTo("shipshape denied: missing-body: the body of POST /containers/create did not "
                    + "reach shipshape (the daemon passes only JSON bodies under its size limit to authorization plugins, yet acts on the "
                    + "others), so it cannot be checked: send it as application/json, not chunked, under 1 MiB" + SUFFIX);
            assertThat(old.path("Allow").asBoolean(true)).isFalse();
            assertThat(old.path("Msg").asText()).startsWith("shipshape denied: old-api-version: API version 1.23 is older than 1.24;");
            assertThat(encoded.path("Allow").asBoolean(true)).isFalse();
            assertThat(encoded.path("Msg").asText()).startsWith("shipshape denied: privileged-container: container '(unnamed)' runs privileged");
        }
    }

    @Test
    void pluginsCannotBeSwitchedOffThroughTheApiTheyGuard() throws Exception {
        Enforcement ops = new Enforcement(Severity.HIGH, Set.of(), Map.of(Enforcement.Action.PLUGIN_MANAGE, Set.of("ops")),
                Enforcement.Failure.CLOSED, false);
        try (RunningGate closed = RunningGate.docker(folder.resolve("closed"), Policy.DEFAULT, Enforcement.DEFAULT);
                RunningGate listed = RunningGate.docker(folder.resolve("listed"), Policy.DEFAULT, ops)) {
            for (String[] call : List.of(new String[] {"POST", "/v1.41/plugins/shipshape/disable"},
                    new String[] {"POST", "/v1.41/plugins/shipshape/set"}, new String[] {"DELETE", "/v1.41/plugins/shipshape?force=1"},
                    new String[] {"POST", "/v1.41/plugins/create?name=shipshape"})) {
                JsonNode refused = RunningGate.json(closed.post("/AuthZPlugin.AuthZReq", authzRequest("ops", call[0], call[1], null)).body());
                JsonNode byOps = RunningGate.json(listed.post("/AuthZPlugin.AuthZReq", authzRequest("ops", call[0], call[1], null)).body());
                JsonNode byBob = RunningGate.json(listed.post("/AuthZPlugin.AuthZReq", authzRequest("bob", call[0], call[1], null)).body());

                assertThat(refused.path("Allow").asBoolean(true)).as(call[1]).isFalse();
                assertThat(refused.path("Msg").asText()).isEqualTo("shipshape denied: plugin-guard: user 'ops' may not plugin-manage: "
                        + "disabling, reconfiguring, upgrading, creating or removing plugins through the API could switch authorization "
                        + "off, so only users listed under enforce.allowed-users.plugin-manage may" + SUFFIX);
                assertThat(byOps.path("Allow").asBoolean(false)).as(call[1]).isTrue();
                assertThat(byBob.path("Msg").asText()).isEqualTo("shipshape denied: allowed-users: user 'bob' may not plugin-manage; "
                        + "only ops may" + SUFFIX);
            }
        }
    }

    @Test
    void allowedUsersRestrictAnAction() throws Exception {
        Enforcement exec = new Enforcement(Severity.HIGH, Set.of(), Map.of(Enforcement.Action.CONTAINER_EXEC, Set.of("alice")),
                Enforcement.Failure.CLOSED, false);
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, exec)) {
            String body = "{\"User\":\"\",\"Privileged\":false,\"Cmd\":[\"id\"]}";

            assertThat(gate.post("/AuthZPlugin.AuthZReq", authzRequest("alice", "POST", "/v1.41/containers/web/exec", body)).body())
                    .isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(RunningGate.json(gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "POST", "/v1.41/containers/web/exec", body))
                    .body()).path("Msg").asText()).isEqualTo("shipshape denied: allowed-users: an unauthenticated user (the daemon names "
                    + "none without TLS client certificates) may not container-exec; only alice may" + SUFFIX);
            assertThat(gate.decisions().get(1).path("action").asText()).isEqualTo("container-exec");
            assertThat(gate.decisions().get(1).path("rules").toString()).isEqualTo("[\"allowed-users\"]");
        }
    }

    @Test
    void anUndecidableBodyOfAJudgedEndpointIsDeniedWhateverTheFailureStance() throws Exception {
        Enforcement open = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Enforcement.Failure.OPEN, false);
        String notJson = authzRequest("", "POST", "/v1.41/containers/create", "{\"Image\":");
        String denied = "{\"Allow\":false,\"Msg\":\"shipshape denied: undecidable-request: cannot tell what dockerd reads from "
                + "the body of POST /containers/create: it is not JSON (set \\\"enforce\\\" in .shipshape.yaml to change this)\"}";
        try (RunningGate closedGate = RunningGate.docker(folder.resolve("closed"), Policy.DEFAULT, Enforcement.DEFAULT);
                RunningGate openGate = RunningGate.docker(folder.resolve("open"), Policy.DEFAULT, open)) {
            assertThat(closedGate.post("/AuthZPlugin.AuthZReq", notJson).body()).isEqualTo(denied);
            assertThat(openGate.post("/AuthZPlugin.AuthZReq", notJson).body()).isEqualTo(denied);
        }
    }

    @Test
    void aMalformedEnvelopeFollowsTheFailureStanceOnlyWhereTheRequestIsKnownToBeHarmless() throws Exception {
        Enforcement open = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Enforcement.Failure.OPEN, false);
        String noUri = "{\"RequestMethod\":\"POST\",\"RequestBody\":\"e30=\"}";
        String badPing = "{\"RequestMethod\":\"GET\",\"RequestUri\":\"/_ping\",\"RequestBody\":\"%%%\"}";
        String badCreate = "{\"RequestMethod\":\"POST\",\"RequestUri\":\"/v1.41/containers/create\",\"RequestBody\":\"%%%\"}";
        try (RunningGate closedGate = RunningGate.docker(folder.resolve("closed"), Policy.DEFAULT, Enforcement.DEFAULT);
                RunningGate openGate = RunningGate.docker(folder.resolve("open"), Policy.DEFAULT, open)) {
            assertThat(RunningGate.json(closedGate.post("/AuthZPlugin.AuthZReq", noUri).body()).path("Msg").asText())
                    .isEqualTo("shipshape denied: undecidable-request: the authorization request names no RequestUri" + SUFFIX);
            assertThat(RunningGate.json(closedGate.post("/AuthZPlugin.AuthZReq", badPing).body()).path("Allow").asBoolean(true)).isFalse();
            assertThat(RunningGate.json(closedGate.post("/AuthZPlugin.AuthZReq", "{\"RequestMethod\":").body()).path("Msg").asText())
                    .isEqualTo("shipshape denied: undecidable-request: the authorization request is not JSON" + SUFFIX);

            // open: only a request that is known to be harmless is let through
            assertThat(openGate.post("/AuthZPlugin.AuthZReq", badPing).body()).isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(RunningGate.json(openGate.post("/AuthZPlugin.AuthZReq", noUri).body()).path("Msg").asText())
                    .isEqualTo("shipshape denied: undecidable-request: the authorization request names no RequestUri (failure: open does "
                            + "not apply: this is, or may be, a request the gate judges or guards)" + SUFFIX);
            assertThat(RunningGate.json(openGate.post("/AuthZPlugin.AuthZReq", badCreate).body()).path("Msg").asText())
                    .isEqualTo("shipshape denied: undecidable-request: the authorization request has a RequestBody that is not base64 "
                            + "(failure: open does not apply: this is, or may be, a request the gate judges or guards)" + SUFFIX);
            List<JsonNode> logged = openGate.decisions();
            assertThat(logged.get(0).path("decision").asText()).isEqualTo("allowed");
            assertThat(logged.get(0).path("endpoint").asText()).isEqualTo("GET /_ping");
            assertThat(logged.get(0).path("error").asText()).isEqualTo("the authorization request has a RequestBody that is not base64");
            assertThat(logged.get(1).path("decision").asText()).isEqualTo("denied");
            assertThat(logged.get(1).has("endpoint")).isFalse();
            assertThat(logged.get(2).path("endpoint").asText()).isEqualTo("POST /containers/create");
        }
    }

    @Test
    void bypassClassesAreDeniedOverHttp() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            // class 1: a scheme without an authority still reaches the endpoint
            assertThat(message(gate, "POST", "http:/v1.41/containers/create?name=web", "{\"Image\":\"x\",\"User\":\"1\","
                    + "\"HostConfig\":{\"Privileged\":true}}")).startsWith("shipshape denied: privileged-container: container 'web' runs privileged");
            assertThat(message(gate, "POST", "x:/v1.41/plugins/create?name=x", null))
                    .startsWith("shipshape denied: plugin-guard: an unauthenticated user");
            // class 1: a mutating request the gate cannot classify
            assertThat(message(gate, "POST", "/v1.41/containers/web/freeze", "{}")).isEqualTo("shipshape denied: unclassified-request: "
                    + "POST /v1.41/containers/web/freeze is not an Engine API endpoint shipshape knows (it routes the path "
                    + "'/v1.41/containers/web/freeze' nowhere), and a change the gate cannot classify is denied" + SUFFIX);
            // class 2: a duplicate key
            assertThat(message(gate, "POST", "/v1.41/containers/create", "{\"User\":\"1\",\"HostConfig\":{\"Privileged\":true,"
                    + "\"privileged\":false}}")).isEqualTo("shipshape denied: undecidable-request: cannot tell what dockerd reads from the "
                    + "body of POST /containers/create: HostConfig gives Privileged twice (as 'Privileged' and 'privileged'); dockerd "
                    + "decodes both, one into the other" + SUFFIX);
            // class 3: legacy top-level fields
            assertThat(message(gate, "POST", "/v1.41/containers/create?name=old", "{\"Image\":\"x\",\"User\":\"1\",\"Privileged\":true}"))
                    .startsWith("shipshape denied: privileged-container: container 'old' runs privileged");
            // class 5: handing the host over
            assertThat(message(gate, "POST", "/v1.41/swarm/join", "{\"RemoteAddrs\":[\"10.0.0.9:2377\"],\"JoinToken\":\"t\"}"))
                    .isEqualTo("shipshape denied: host-handover: an unauthenticated user (the daemon names none without TLS client "
                            + "certificates) may not swarm-join: joining a swarm lets its managers run tasks on this host that no "
                            + "authorization request ever shows, so only users listed under enforce.allowed-users.swarm-join may" + SUFFIX);
            assertThat(message(gate, "POST", "/v1.41/build?networkmode=host", null))
                    .startsWith("shipshape denied: host-handover: an unauthenticated user (the daemon names none without TLS client "
                            + "certificates) may not build-privileged: ");
            assertThat(message(gate, "POST", "/v1.41/build?t=app", null)).isEmpty();
            List<JsonNode> logged = gate.decisions();
            assertThat(logged.get(2).path("endpoint").asText()).isEqualTo("unclassified");
            assertThat(logged.get(5).path("action").asText()).isEqualTo("swarm-join");
        }
    }

    @Test
    void guardedActionsAreAllowedToListedUsers() throws Exception {
        Enforcement ops = new Enforcement(Severity.HIGH, Set.of(), Map.of(Enforcement.Action.SWARM_JOIN, Set.of("ops"),
                Enforcement.Action.BUILD_PRIVILEGED, Set.of("ci")), Enforcement.Failure.CLOSED, false);
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, ops)) {
            assertThat(gate.post("/AuthZPlugin.AuthZReq", authzRequest("ops", "POST", "/v1.41/swarm/join", "{}")).body())
                    .isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(gate.post("/AuthZPlugin.AuthZReq", authzRequest("ci", "POST", "/grpc", null)).body())
                    .isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(RunningGate.json(gate.post("/AuthZPlugin.AuthZReq", authzRequest("ci", "POST", "/v1.41/swarm/join", "{}")).body())
                    .path("Msg").asText()).isEqualTo("shipshape denied: allowed-users: user 'ci' may not swarm-join; only ops may" + SUFFIX);
        }
    }

    @Test
    void guardAllBuildsMakesEveryBuildBuildPrivileged() throws Exception {
        Enforcement guardAll = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Enforcement.Failure.CLOSED, false, true);
        Enforcement guardAllButCi = new Enforcement(Severity.HIGH, Set.of(), Map.of(Enforcement.Action.BUILD_PRIVILEGED, Set.of("ci")),
                Enforcement.Failure.CLOSED, false, true);
        try (RunningGate nobody = RunningGate.docker(folder.resolve("nobody"), Policy.DEFAULT, guardAll);
                RunningGate ci = RunningGate.docker(folder.resolve("ci"), Policy.DEFAULT, guardAllButCi)) {
            assertThat(RunningGate.json(nobody.post("/AuthZPlugin.AuthZReq", authzRequest("ci", "POST", "/v1.41/build?t=app", null)).body())
                    .path("Msg").asText()).isEqualTo("shipshape denied: host-handover: user 'ci' may not build-privileged: "
                    + "enforce.guard-all-builds makes every build one, since dockerd can take a build's options (networkmode=host among "
                    + "them) from a form body the gate never sees, so only users listed under enforce.allowed-users.build-privileged may"
                    + SUFFIX);
            // a build that asks for the host's network in its query is build-privileged in its own right, and says so
            assertThat(RunningGate.json(nobody.post("/AuthZPlugin.AuthZReq", authzRequest("ci", "POST", "/v1.41/build?networkmode=host",
                    null)).body()).path("Msg").asText()).startsWith("shipshape denied: host-handover: user 'ci' may not build-privileged: "
                    + "a build with host networking");
            assertThat(nobody.decisions().get(0).path("action").asText()).isEqualTo("build-privileged");

            assertThat(ci.post("/AuthZPlugin.AuthZReq", authzRequest("ci", "POST", "/v1.41/build?t=app", null)).body())
                    .isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(RunningGate.json(ci.post("/AuthZPlugin.AuthZReq", authzRequest("bob", "POST", "/v1.41/build?t=app", null)).body())
                    .path("Msg").asText()).isEqualTo("shipshape denied: allowed-users: user 'bob' may not build-privileged; only ci may" + SUFFIX);
            // other requests are untouched by the switch
            assertThat(ci.post("/AuthZPlugin.AuthZReq", authzRequest("bob", "POST", "/v1.41/build/prune", null)).body())
                    .isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(ci.decisions().get(0).path("action").asText()).isEqualTo("build-privileged");
            assertThat(ci.decisions().get(2).has("action")).isFalse();
        }
    }

    @Test
    void anInternalErrorAnswersWithAnIncidentAndNoJavaText(@TempDir Path logs) throws Exception {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Enforcement open = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Enforcement.Failure.OPEN, false);
        try (DecisionLog log = DecisionLog.toFile(logs.resolve("decisions.jsonl"), java.time.Clock.systemUTC())) {
            AuthzHandler handler = new AuthzHandler(new Judge(Policy.DEFAULT, open, java.time.Clock.systemUTC()), log, new Metrics(), java.util.Optional.empty(),
                    request -> {
                        throw new IllegalStateException("boom in /srv/secret/path");
                    });
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            JsonNode answer = RunningGate.json(new String(handler.request(authzRequest("", "POST", "/v1.41/containers/create", "{}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).body(), java.nio.charset.StandardCharsets.UTF_8));
            String incident = captured.toString(java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("(?s).*\\(incident ([0-9a-f]+)\\).*", "$1");

            assertThat(answer.path("Allow").asBoolean(true)).isFalse();
            assertThat(answer.path("Msg").asText()).isEqualTo("shipshape denied: undecidable-request: shipshape could not decide this "
                    + "request (incident " + incident + "; its server log has the details) (failure: open does not apply: this is, or "
                    + "may be, a request the gate judges or guards)" + SUFFIX);
            assertThat(answer.toString()).doesNotContain("Exception", "boom", "/srv/secret");
            assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("shipshape serve: internal error deciding an "
                    + "authorization request (incident " + incident + "): java.lang.IllegalStateException: boom in /srv/secret/path at ");
        } finally {
            System.setErr(stderr);
        }
    }

    private static String message(RunningGate gate, String method, String uri, String body) throws Exception {
        return RunningGate.json(gate.post("/AuthZPlugin.AuthZReq", authzRequest("", method, uri, body)).body()).path("Msg").asText();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void metricsCountRequestsDecisionsAndFindings() throws Exception {
        try (RunningGate gate = RunningGate.docker(folder, Policy.DEFAULT, Enforcement.DEFAULT)) {
            gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "POST", "/v1.41/containers/create",
                    "{\"Image\":\"nginx:1.27\",\"User\":\"1\",\"HostConfig\":{\"Privileged\":true}}"));
            gate.post("/AuthZPlugin.AuthZReq", authzRequest("", "GET", "/_ping", null));
            gate.get("/nowhere");
            HttpResponse<String> metrics = gate.get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body()).contains(
                    "# TYPE shipshape_requests_total counter\n",
                    "shipshape_requests_total{endpoint=\"/AuthZPlugin.AuthZReq\",code=\"200\"} 2\n",
                    "shipshape_requests_total{endpoint=\"other\",code=\"404\"} 1\n",
                    "shipshape_decisions_total{door=\"docker\",decision=\"allowed\",dry_run=\"false\"} 1\n",
                    "shipshape_decisions_total{door=\"docker\",decision=\"denied\",dry_run=\"false\"} 1\n",
                    "shipshape_rule_findings_total{rule=\"privileged-container\",outcome=\"denied\"} 1\n",
                    "# TYPE shipshape_request_duration_seconds histogram\n",
                    "shipshape_request_duration_seconds_bucket{endpoint=\"/AuthZPlugin.AuthZReq\",le=\"+Inf\"} 2\n",
                    "shipshape_request_duration_seconds_count{endpoint=\"/AuthZPlugin.AuthZReq\"} 2\n");
        }
    }
}
