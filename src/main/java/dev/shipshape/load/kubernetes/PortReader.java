package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a container's {@code ports}. A port with a {@code hostPort} (other than 0, which
 * Kubernetes treats as none) is published; its origin is then the {@code hostPort} key. A port's
 * {@code name} is kept: a Service's {@code targetPort} may refer to it.
 */
final class PortReader {

    private final Problems problems;

    PortReader(Problems problems) {
        this.problems = problems;
    }

    void read(List<YamlNode> ports, List<Port> into) {
        for (YamlNode item : ports) {
            Optional<Fields> port = Fields.ofItem(item, "an item of 'ports'", problems);
            if (port.isEmpty()) continue;
            Fields fields = port.get();
            Optional<Setting<String>> containerPort = fields.text("containerPort");
            if (containerPort.isEmpty()) {
                if (fields.entry("containerPort").isEmpty()) problems.warn(item.origin(), "a port without 'containerPort'");
                continue;
            }
            String protocol = fields.text("protocol").map(written -> written.value().toLowerCase(Locale.ROOT)).orElse("tcp");
            Origin itemOrigin = item.origin();
            String name = fields.textOrNull("name");
            Optional<Setting<Long>> hostPort = fields.integer("hostPort").filter(number -> number.value() != 0);
            if (hostPort.isPresent()) {
                Setting<String> hostIp = fields.text("hostIP").orElse(Setting.unset(itemOrigin));
                into.add(new Port(hostIp, Long.toString(hostPort.get().value()), containerPort.get().value(), protocol,
                        hostPort.get().origin(), name));
            } else {
                into.add(new Port(Setting.unset(itemOrigin), null, containerPort.get().value(), protocol, itemOrigin, name));
            }
        }
    }
}
