package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Route;
import dev.shipshape.model.Route.Backend;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Ingress (networking.k8s.io/v1, and the v1beta1 shape of networking.k8s.io and
 * extensions, with {@code serviceName}/{@code servicePort}) or a Gateway API HTTPRoute
 * ({@code backendRefs} of kind Service) into a {@link Route}.
 */
final class RouteReader {

    private static final String SERVICE = "Service";

    private final Problems problems;

    RouteReader(Problems problems) {
        this.problems = problems;
    }

    Route ingress(ManifestObject object, ObjectMetadata metadata) {
        Optional<Fields> spec = object.fields().mapping("spec");
        List<Setting<String>> hosts = new ArrayList<>();
        List<Route.Tls> tls = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        if (spec.isPresent()) {
            spec.get().mapping("defaultBackend").or(() -> spec.get().mapping("backend")).flatMap(this::ingressBackend).ifPresent(backends::add);
            for (YamlNode item : spec.get().list("rules")) {
                Optional<Fields> rule = Fields.ofItem(item, "an item of 'rules'", problems);
                if (rule.isEmpty()) continue;
                hosts.add(rule.get().text("host").orElse(Setting.unset(item.origin())));
                rule.get().mapping("http").ifPresent(http -> {
                    for (YamlNode pathItem : http.list("paths")) {
                        Fields.ofItem(pathItem, "an item of 'paths'", problems)
                                .flatMap(path -> path.mapping("backend"))
                                .flatMap(this::ingressBackend)
                                .ifPresent(backends::add);
                    }
                });
            }
            for (YamlNode item : spec.get().list("tls")) {
                Fields.ofItem(item, "an item of 'tls'", problems).ifPresent(entry -> {
                    List<String> tlsHosts = new ArrayList<>();
                    for (YamlNode host : entry.list("hosts")) host.text().ifPresent(tlsHosts::add);
                    tls.add(new Route.Tls(tlsHosts, item.origin()));
                });
            }
        }
        return new Route(object.kind(), metadata.name(), metadata.namespace(), object.kindOrigin(), hosts, tls, backends);
    }

    /** v1 {@code service: {name, port: {number | name}}}, or v1beta1 {@code serviceName}/{@code servicePort}; empty for a {@code resource} backend. */
    private Optional<Backend> ingressBackend(Fields backend) {
        Optional<Fields> service = backend.mapping("service");
        if (service.isPresent()) {
            Optional<Setting<String>> name = service.get().text("name");
            String port = service.get().mapping("port")
                    .map(written -> written.text("number").or(() -> written.text("name")).map(Setting::value).orElse(null))
                    .orElse(null);
            return name.map(written -> new Backend(written, port, null));
        }
        return backend.text("serviceName").map(name -> new Backend(name, backend.text("servicePort").map(Setting::value).orElse(null), null));
    }

    Route httpRoute(ManifestObject object, ObjectMetadata metadata) {
        Optional<Fields> spec = object.fields().mapping("spec");
        List<Setting<String>> hosts = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        if (spec.isPresent()) {
            for (YamlNode host : spec.get().list("hostnames")) host.text().ifPresent(text -> hosts.add(Setting.of(text, host.origin())));
            for (YamlNode item : spec.get().list("rules")) {
                Optional<Fields> rule = Fields.ofItem(item, "an item of 'rules'", problems);
                if (rule.isEmpty()) continue;
                for (YamlNode ref : rule.get().list("backendRefs")) {
                    Fields.ofItem(ref, "an item of 'backendRefs'", problems).flatMap(this::backendRef).ifPresent(backends::add);
                }
            }
        }
        return new Route(object.kind(), metadata.name(), metadata.namespace(), object.kindOrigin(), hosts, List.of(), backends);
    }

    /** A backendRef to a core Service ({@code group} "" and {@code kind} Service, the defaults); empty for another kind. */
    private Optional<Backend> backendRef(Fields ref) {
        String kind = ref.text("kind").map(Setting::value).orElse(SERVICE);
        String group = ref.text("group").map(Setting::value).orElse("");
        if (!kind.equals(SERVICE) || !group.isEmpty()) return Optional.empty();
        return ref.text("name").map(name -> new Backend(name, ref.text("port").map(Setting::value).orElse(null), ref.textOrNull("namespace")));
    }
}
