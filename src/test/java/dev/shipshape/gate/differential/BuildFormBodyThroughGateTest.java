package dev.shipshape.gate.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.DecisionLog;
import dev.shipshape.gate.Gate;
import dev.shipshape.gate.Judge;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import dev.shipshape.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one {@code POST /build} the gate cannot read: dockerd's form parser takes a build's options
 * ({@code networkmode}, {@code remote}…) from a form-encoded body when the <em>first</em>
 * Content-Type header says so, while the authorization request shows the plugin the <em>last</em>
 * one. A build with a form type first and a tar type last therefore reaches the daemon past the
 * default policy; {@code enforce.guard-all-builds} makes every build the guarded action
 * build-privileged, and the real dockerd 20.10 then refuses that request and a plain build alike.
 */
class BuildFormBodyThroughGateTest {

    private static final String GUARDED = "shipshape denied: host-handover: an unauthenticated user (the daemon names none without TLS "
            + "client certificates) may not build-privileged: enforce.guard-all-builds makes every build one, since dockerd can take "
            + "a build's options (networkmode=host among them) from a form body the gate never sees, so only users listed under "
            + "enforce.allowed-users.build-privileged may";

    @TempDir
    Path folder;

    @Test
    void aFormBodyBehindASecondContentTypePassesTheDefaultPolicyAndGuardAllBuildsStopsEveryBuild() throws IOException {
        Enforcement guardAll = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Enforcement.Failure.CLOSED, false, true);
        try (DecisionLog log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), Clock.systemUTC());
                PluginDaemon daemon = PluginDaemon.start(new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log))) {
            RawHttp http = new RawHttp(daemon.engine.socket());
            String denied = "authorization denied by plugin " + daemon.plugin + ": ";

            RawHttp.Response hiddenByDefault = http.sendRaw(hiddenFormBuild("hidden-default"));

            // the plugin let it through (the gate was shown the tar type); what dockerd did with the form is its own answer
            assertThat(hiddenByDefault.body()).doesNotContain(denied);
            log.sync();
            assertThat(Files.readAllLines(folder.resolve("decisions.jsonl"), StandardCharsets.UTF_8))
                    .filteredOn(line -> line.contains("\"uri\":\"/v1.41/build?t=hidden-default\""))
                    .singleElement().asString().contains("\"decision\":\"allowed\"").doesNotContain("\"action\"");

            daemon.replaceGate(new Gate(new Judge(Policy.DEFAULT, guardAll, Clock.systemUTC()), log));
            RawHttp.Response hidden = http.sendRaw(hiddenFormBuild("hidden-guarded"));
            RawHttp.Response plain = http.sendRaw(build("plain-guarded", "Content-Type: application/x-tar\r\n", emptyTar()));

            assertThat(hidden.status()).as(hidden.body()).isEqualTo(403);
            assertThat(hidden.json().path("message").asText()).isEqualTo(denied + GUARDED + " (set \"enforce\" in .shipshape.yaml to change this)");
            assertThat(plain.status()).as(plain.body()).isEqualTo(403);
            assertThat(plain.json().path("message").asText()).isEqualTo(denied + GUARDED + " (set \"enforce\" in .shipshape.yaml to change this)");
            assertThat(http.send("GET", "/v1.41/images/hidden-guarded/json", null).status()).isEqualTo(404);
            assertThat(http.send("GET", "/v1.41/images/plain-guarded/json", null).status()).isEqualTo(404);
        }
    }

    /** A build whose options are in a form body that only dockerd reads: the form type first, a tar type last. */
    private static byte[] hiddenFormBuild(String tag) {
        return build(tag, "Content-Type: application/x-www-form-urlencoded\r\nContent-Type: application/x-tar\r\n",
                "networkmode=host".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] build(String tag, String contentTypes, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /v1.41/build?t=" + tag + " HTTP/1.1\r\nHost: docker\r\n" + contentTypes + "Content-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** A tar archive with no entries: two 512-byte blocks of zeros. */
    private static byte[] emptyTar() {
        return new byte[1024];
    }
}
