package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pod spec's {@code hostAliases} into extra hosts: "hostname:ip" for each of an
 * alias's {@code hostnames}, at the alias's {@code ip} key (what the entry is about).
 */
final class HostAliasReader {

    private final Problems problems;

    HostAliasReader(Problems problems) {
        this.problems = problems;
    }

    List<Setting<String>> read(Optional<Fields> podSpec) {
        if (podSpec.isEmpty()) return List.of();
        List<YamlNode> aliases = podSpec.get().list("hostAliases");
        if (aliases.isEmpty()) return List.of();
        List<Setting<String>> hosts = new ArrayList<>();
        for (YamlNode item : aliases) {
            Optional<Fields> alias = Fields.ofItem(item, "an item of 'hostAliases'", problems);
            if (alias.isEmpty()) continue;
            Optional<Setting<String>> ip = alias.get().text("ip");
            if (ip.isEmpty()) {
                if (alias.get().entry("ip").isEmpty()) problems.warn(item.origin(), "a hostAlias without an 'ip'");
                continue;
            }
            for (YamlNode hostname : alias.get().list("hostnames")) {
                Optional<String> name = hostname.text();
                if (name.isPresent()) {
                    hosts.add(Setting.of(name.get() + ":" + ip.get().value(), ip.get().origin()));
                } else {
                    problems.warn(hostname.origin(), "a hostname should be a string, not " + hostname.describeType());
                }
            }
        }
        return hosts;
    }
}
