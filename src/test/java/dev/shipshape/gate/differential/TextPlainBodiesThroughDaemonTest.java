package dev.shipshape.gate.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.Decision;
import dev.shipshape.gate.DecisionLog;
import dev.shipshape.gate.Gate;
import dev.shipshape.gate.Judge;
import dev.shipshape.load.docker.PrivateDockerEngine;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dockerd 20.10 does with a body it does not show its authorization plugin because its
 * Content-Type is not JSON: the plugin in observe mode lets every request through, so the daemon's
 * own reading shows. A container create sent as {@code text/plain} is refused by the daemon itself
 * (its handler checks the type), while a service create sent as {@code text/plain} is decoded and
 * the service made, bind of the host's {@code /} and all: the gate's {@code missing-body} denial of
 * such a request (which WireShapesThroughGateTest checks) is what stands between it and the host.
 */
class TextPlainBodiesThroughDaemonTest {

    private static final String SERVICE = "plain-service";

    @TempDir
    Path folder;

    @Test
    void dockerdDecodesATextPlainServiceBodyAndRefusesATextPlainContainerBody() throws IOException {
        List<Decision> decisions = new CopyOnWriteArrayList<>();
        try (DecisionLog log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), Clock.systemUTC());
                PluginDaemon daemon = PluginDaemon.start(new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log)
                        .observedBy((request, input, decision) -> decisions.add(decision)))) {
            RawHttp http = new RawHttp(daemon.engine.socket());
            int swarmPort = PrivateDockerEngine.freePort();
            daemon.engine.docker("swarm", "init", "--advertise-addr", "127.0.0.1:" + swarmPort, "--listen-addr", "127.0.0.1:" + swarmPort,
                    "--data-path-port", Integer.toString(PrivateDockerEngine.freeUdpPort()));
            byte[] service = DifferentialCorpus.resource("service-hardened.cli.json")
                    .replace("\"Name\":\"api\"", "\"Name\":\"" + SERVICE + "\"")
                    .replace("\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/data\"}]",
                            "\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/\",\"Target\":\"/host\"}]")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] container = DifferentialCorpus.host("\"Privileged\":true").getBytes(StandardCharsets.UTF_8);
            decisions.clear();

            RawHttp.Response serviceAnswer = http.sendRaw(textPlain("/v1.41/services/create", service));
            RawHttp.Response containerAnswer = http.sendRaw(textPlain("/v1.41/containers/create?name=plain-container", container));
            List<Decision> wouldHave = List.copyOf(decisions);
            RawHttp.Response made = http.send("GET", "/v1.41/services/" + SERVICE, null);

            // what the gate would have said, had it enforced: no body, so no judgement, so no
            assertThat(wouldHave).hasSize(2).allSatisfy(decision -> assertThat(decision.rules()).containsExactly("missing-body"));
            assertThat(serviceAnswer.status()).as(serviceAnswer.body()).isEqualTo(201);
            assertThat(made.status()).as(made.body()).isEqualTo(200);
            assertThat(made.json().path("Spec").path("TaskTemplate").path("ContainerSpec").path("Mounts").path(0).path("Source").asText())
                    .isEqualTo("/");
            assertThat(containerAnswer.status()).as(containerAnswer.body()).isEqualTo(400);
            assertThat(containerAnswer.json().path("message").asText()).isEqualTo("Content-Type specified (text/plain) must be 'application/json'");
            assertThat(http.send("GET", "/v1.41/containers/plain-container/json", null).status()).isEqualTo(404);
        }
    }

    private static byte[] textPlain(String target, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + target + " HTTP/1.1\r\nHost: docker\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return request.toByteArray();
    }
}
