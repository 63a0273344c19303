package dev.shipshape.scan;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The cluster a live Kubernetes audit read, as reports name it.
 *
 * @param name   what the user knows it as: the kubeconfig context, or the server's address when there is none
 * @param server the API server's URL, without user information, query or fragment: a report never shows credentials
 */
public record AuditedCluster(String name, String server) {

    public AuditedCluster {
        server = withoutCredentials(server);
        if (name == null || name.isBlank()) name = server;
    }

    /** "prod (https://10.0.0.1:6443)", or the server alone when it is also the name. */
    public String label() {
        return name.equals(server) ? server : name + " (" + server + ")";
    }

    private static String withoutCredentials(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) return uri.getRawUserInfo() == null && uri.getRawQuery() == null ? url : "(an unreadable server address)";
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), path.isEmpty() ? null : path, null, null).toString();
        } catch (URISyntaxException unreadable) {
            return "(an unreadable server address)";
        }
    }
}
