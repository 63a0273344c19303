package dev.shipshape.gate.differential;

import dev.shipshape.gate.Gate;
import dev.shipshape.gate.GateServer;
import dev.shipshape.gate.PluginSpecFile;
import dev.shipshape.load.docker.PrivateDockerEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * shipshape's Docker plugin running in this JVM, and a private dockerd that asks it about every
 * API call ({@code --authorization-plugin}, found through a uniquely named spec file, as
 * {@code DockerPluginEndToEndTest} does). The plugin starts first and stops last.
 */
final class PluginDaemon implements AutoCloseable {

    final String plugin;
    final PrivateDockerEngine engine;
    private GateServer server;
    private final PluginSpecFile spec;

    private PluginDaemon(String plugin, GateServer server, PluginSpecFile spec, PrivateDockerEngine engine) {
        this.plugin = plugin;
        this.server = server;
        this.spec = spec;
        this.engine = engine;
    }

    static PluginDaemon start(Gate gate) throws IOException {
        String plugin = "shipshape-diff-" + UUID.randomUUID().toString().substring(0, 8);
        GateServer server = GateServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.empty(),
                EnumSet.of(GateServer.Door.DOCKER_PLUGIN), gate, 4);
        PluginSpecFile spec = null;
        try {
            spec = PluginSpecFile.write(PluginSpecFile.DEFAULT_FOLDER, plugin, server.address());
            PrivateDockerEngine engine = PrivateDockerEngine.startWith(List.of("--authorization-plugin=" + plugin));
            return new PluginDaemon(plugin, server, spec, engine);
        } catch (IOException | RuntimeException failed) {
            server.close();
            if (spec != null) spec.close();
            throw failed;
        }
    }

    /**
     * Answers from now on with {@code gate}: the plugin is stopped and started again on its port
     * (dockerd dials the plugin afresh for every call).
     */
    void replaceGate(Gate gate) throws IOException {
        InetSocketAddress address = server.address();
        server.close();
        server = GateServer.start(address, Optional.empty(), EnumSet.of(GateServer.Door.DOCKER_PLUGIN), gate, 4);
    }

    /** Where dockerd resolves a relative path (a local volume's relative {@code device}): its working folder. */
    Path workingFolder() throws IOException {
        String pid = Files.readString(engine.folder().resolve("dockerd.pid"), StandardCharsets.UTF_8).strip();
        return Path.of("/proc", pid, "cwd").toRealPath();
    }

    @Override
    public void close() throws IOException {
        try {
            engine.stop();
        } finally {
            server.close();
            spec.close();
        }
    }
}
