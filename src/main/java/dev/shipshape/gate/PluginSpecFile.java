package dev.shipshape.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A legacy plugin's spec file, {@code /etc/docker/plugins/NAME.spec}, holding the URL dockerd
 * reaches the plugin at ({@code tcp://127.0.0.1:PORT}, spoken as plain HTTP). dockerd looks for
 * {@code NAME.sock} in {@code /run/docker/plugins} first, then for spec files; the folders are
 * fixed in dockerd. The file is written at start and removed at close, when it still holds what
 * was written.
 */
public final class PluginSpecFile implements AutoCloseable {

    /** Where dockerd looks for spec files (rootless dockerd: {@code $XDG_CONFIG_HOME/docker/plugins}). */
    public static final Path DEFAULT_FOLDER = Path.of("/etc/docker/plugins");

    private final Path file;
    private final String url;

    private PluginSpecFile(Path file, String url) {
        this.file = file;
        this.url = url;
    }

    public static PluginSpecFile write(Path folder, String pluginName, InetSocketAddress address) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(pluginName + ".spec");
        String url = "tcp://" + address.getHostString() + ":" + address.getPort();
        Path temporary = Files.createTempFile(folder, "." + pluginName, ".spec.tmp");
        Files.writeString(temporary, url + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new PluginSpecFile(file, url);
    }

    public Path file() {
        return file;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(url)) {
            Files.delete(file);
        }
    }
}
