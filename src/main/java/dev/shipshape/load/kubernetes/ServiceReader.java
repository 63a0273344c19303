package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.ServiceEndpoint.ServicePort;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a core {@code v1} Service into a {@link ServiceEndpoint}.
 *
 * <p>A Service whose {@code selector} is absent or empty has no selector: Kubernetes then leaves
 * its endpoints to someone else (an ExternalName, endpoints managed by hand).
 */
final class ServiceReader {

    private static final String DEFAULT_TYPE = "ClusterIP";
    private static final String HEADLESS = "None";

    private final Problems problems;
    private final LabelSelectorReader selectors;

    ServiceReader(Problems problems) {
        this.problems = problems;
        this.selectors = new LabelSelectorReader(problems);
    }

    ServiceEndpoint read(ManifestObject object, ObjectMetadata metadata) {
        Origin origin = object.kindOrigin();
        Optional<Fields> spec = object.fields().mapping("spec");
        if (spec.isEmpty()) {
            return new ServiceEndpoint(metadata.name(), metadata.namespace(), origin, LabelSelector.of(Map.of()), false,
                    origin, false, DEFAULT_TYPE, List.of());
        }
        Fields fields = spec.get();
        Optional<Entry> selectorKey = fields.entry("selector").filter(entry -> !entry.value().isNull());
        Map<String, String> selector = fields.mapping("selector").map(selectors::labels).orElse(Map.of());
        boolean headless = fields.text("clusterIP").map(clusterIp -> clusterIp.value().equals(HEADLESS)).orElse(false);
        Optional<Setting<String>> writtenType = fields.text("type");
        String type = writtenType.map(Setting::value).orElse(DEFAULT_TYPE);
        return new ServiceEndpoint(metadata.name(), metadata.namespace(), origin, LabelSelector.of(selector),
                !selector.isEmpty(), selectorKey.map(Entry::origin).orElse(origin), headless, type, ports(fields),
                writtenType.map(Setting::origin).orElse(origin), fields.texts("loadBalancerSourceRanges"), fields.texts("externalIPs"),
                annotations(metadata));
    }

    private static List<KeyValue> annotations(ObjectMetadata metadata) {
        List<KeyValue> annotations = new ArrayList<>(metadata.annotations().size());
        for (Entry annotation : metadata.annotations()) {
            annotations.add(new KeyValue(annotation.key(), annotation.value().textOr(""), annotation.origin()));
        }
        return annotations;
    }


    private List<ServicePort> ports(Fields spec) {
        List<YamlNode> items = spec.list("ports");
        if (items.isEmpty()) return List.of();
        List<ServicePort> ports = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            Optional<Fields> port = Fields.ofItem(item, "an item of 'ports'", problems);
            if (port.isEmpty()) continue;
            Optional<Setting<String>> number = port.get().text("port");
            if (number.isEmpty()) {
                if (port.get().entry("port").isEmpty()) problems.warn(item.origin(), "a Service port without 'port'");
                continue;
            }
            Setting<String> targetPort = port.get().text("targetPort").orElse(Setting.unset(item.origin()));
            String name = port.get().text("name").map(Setting::value).orElse(null);
            ports.add(new ServicePort(number.get().value(), targetPort, item.origin(), name));
        }
        return ports;
    }
}
