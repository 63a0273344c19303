package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Compose merge rules (compose-spec 13-merge.md), used for override files, several YAML
 * documents in one file, and {@code extends}:
 * mappings merge key by key and the later side wins; sequences are appended; {@code command},
 * {@code entrypoint} and {@code healthcheck.test} are replaced; {@code ports}, {@code volumes},
 * {@code secrets}, {@code configs} and {@code devices} are unique by their target; {@code environment},
 * {@code labels} and the like merge as maps whatever their form; {@code extra_hosts} are appended
 * without repeats whatever their form; {@code networks} and {@code depends_on} merge by name whatever
 * their form; {@code !reset} removes a value and {@code !override} replaces it without merging.
 *
 * <p>Values are never copied: each keeps the origin of the file it was written in.
 */
final class ComposeMerge {

    /** How the values of one key are merged when both sides have it. */
    @FunctionalInterface
    private interface ValueMerge {
        ComposeNode merge(String key, ComposeNode base, ComposeNode override);
    }

    private ComposeMerge() {
    }

    /** Merges a later file (or document) onto an earlier one. */
    static ComposeNode mergeFiles(ComposeNode base, ComposeNode override) {
        if (!(base instanceof Mapping baseMapping) || !(override instanceof Mapping overrideMapping)) {
            return override instanceof Mapping ? override : base;
        }
        return members(baseMapping, overrideMapping, (key, earlier, later) -> key.equals("services")
                ? services(earlier, later)
                : merge(earlier, later));
    }

    /** Merges one service definition onto another: the override file's onto the first file's, or a service onto the one it extends. */
    static Mapping service(Mapping base, Mapping override) {
        return members(base, override, ComposeMerge::serviceField);
    }

    private static ComposeNode services(ComposeNode base, ComposeNode override) {
        if (base instanceof Mapping baseMapping && override instanceof Mapping overrideMapping) {
            return members(baseMapping, overrideMapping, (name, earlier, later) ->
                    earlier instanceof Mapping earlierService && later instanceof Mapping laterService
                            ? service(earlierService, laterService)
                            : merge(earlier, later));
        }
        return merge(base, override);
    }

    private static ComposeNode serviceField(String key, ComposeNode base, ComposeNode override) {
        return switch (key) {
            case "command", "entrypoint" -> override;
            case "healthcheck" -> nested(base, override, (field, earlier, later) -> field.equals("test") ? later : merge(earlier, later));
            case "environment", "labels", "sysctls", "annotations" -> keyed(base, override);
            case "extra_hosts" -> appendNew(ExtraHostSyntax.asSequence(base), ExtraHostSyntax.asSequence(override), ExtraHostSyntax::mergeKey);
            case "deploy" -> nested(base, override, (field, earlier, later) -> field.equals("labels") ? keyed(earlier, later) : merge(earlier, later));
            case "build" -> nested(buildMapping(base), buildMapping(override), (field, earlier, later) ->
                    field.equals("args") || field.equals("labels") ? keyed(earlier, later) : merge(earlier, later));
            case "ports" -> unique(base, override, PortSyntax::mergeKey);
            case "volumes" -> unique(base, override, VolumeSyntax::mergeKey);
            case "secrets", "configs" -> unique(base, override, ComposeMerge::fileMountKey);
            case "devices" -> unique(base, override, ComposeMerge::deviceKey);
            case "cap_add", "cap_drop", "security_opt", "expose", "dns", "dns_search", "dns_opt", "links",
                 "external_links", "profiles", "tmpfs", "env_file", "device_cgroup_rules" ->
                    unique(asList(base), asList(override), ComposeMerge::textKey);
            case "networks", "depends_on" -> nested(namesAsMapping(base), namesAsMapping(override), (name, earlier, later) -> merge(earlier, later));
            default -> merge(base, override);
        };
    }

    /** The generic rule: mappings by key, sequences appended, anything else replaced. */
    static ComposeNode merge(ComposeNode base, ComposeNode override) {
        if (ComposeNode.OVERRIDE_TAG.equals(override.tag())) return override;
        if (base instanceof Mapping baseMapping && override instanceof Mapping overrideMapping) {
            return members(baseMapping, overrideMapping, (key, earlier, later) -> merge(earlier, later));
        }
        if (base instanceof Sequence baseSequence && override instanceof Sequence overrideSequence) {
            List<ComposeNode> items = new ArrayList<>(baseSequence.items().size() + overrideSequence.items().size());
            items.addAll(baseSequence.items());
            items.addAll(overrideSequence.items());
            return new Sequence(items, baseSequence.origin(), baseSequence.lastLine(), null);
        }
        return override;
    }

    private static ComposeNode nested(ComposeNode base, ComposeNode override, ValueMerge fieldMerge) {
        if (ComposeNode.OVERRIDE_TAG.equals(override.tag())) return override;
        if (base instanceof Mapping baseMapping && override instanceof Mapping overrideMapping) {
            return members(baseMapping, overrideMapping, fieldMerge);
        }
        return override;
    }

    private static Mapping members(Mapping base, Mapping override, ValueMerge valueMerge) {
        List<Member> result = new ArrayList<>(base.members());
        for (Member later : override.members()) {
            if (later.value().isReset()) {
                result.removeIf(member -> member.key().equals(later.key()));
                continue;
            }
            int index = lastIndexOf(result, later.key());
            if (index < 0) {
                result.add(later);
                continue;
            }
            Member earlier = result.get(index);
            ComposeNode merged = ComposeNode.OVERRIDE_TAG.equals(later.value().tag())
                    ? later.value()
                    : valueMerge.merge(later.key(), earlier.value(), later.value());
            result.set(index, new Member(later.key(), keyOrigin(earlier, later, merged), merged));
        }
        return base.withMembers(result);
    }

    /**
     * A value taken whole from the later side is located there; a blend keeps the earlier key, and
     * so does a declaration written empty first ({@code front:}) and given settings later.
     */
    private static Origin keyOrigin(Member earlier, Member later, ComposeNode merged) {
        boolean declaredEmptyFirst = earlier.value() instanceof Scalar scalar && scalar.isNull() && merged instanceof Mapping;
        return merged == later.value() && !declaredEmptyFirst ? later.keyOrigin() : earlier.keyOrigin();
    }

    private static int lastIndexOf(List<Member> members, String key) {
        for (int index = members.size() - 1; index >= 0; index--) {
            if (members.get(index).key().equals(key)) return index;
        }
        return -1;
    }

    /** Appends the later entries, each replacing an earlier one with the same key in its place; an entry without a key is just appended. */
    private static ComposeNode unique(ComposeNode base, ComposeNode override, Function<ComposeNode, String> keyOf) {
        if (ComposeNode.OVERRIDE_TAG.equals(override.tag())) return override;
        if (!(base instanceof Sequence baseSequence) || !(override instanceof Sequence overrideSequence)) return override;
        List<ComposeNode> items = new ArrayList<>(baseSequence.items());
        Map<String, Integer> positionOfKey = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            String key = keyOf.apply(items.get(index));
            if (key != null) positionOfKey.putIfAbsent(key, index);
        }
        for (ComposeNode item : overrideSequence.items()) {
            String key = keyOf.apply(item);
            Integer position = key == null ? null : positionOfKey.get(key);
            if (position != null) {
                items.set(position, item);
            } else {
                if (key != null) positionOfKey.put(key, items.size());
                items.add(item);
            }
        }
        return new Sequence(items, baseSequence.origin(), baseSequence.lastLine(), null);
    }

    /**
     * Appends the later entries that the earlier side does not already have (compose-go's rule for
     * {@code extra_hosts}); an entry without a key is always appended.
     */
    private static ComposeNode appendNew(ComposeNode base, ComposeNode override, Function<ComposeNode, String> keyOf) {
        if (ComposeNode.OVERRIDE_TAG.equals(override.tag())) return override;
        if (!(base instanceof Sequence baseSequence) || !(override instanceof Sequence overrideSequence)) return override;
        List<ComposeNode> items = new ArrayList<>(baseSequence.items());
        Set<String> earlierKeys = new HashSet<>();
        for (ComposeNode item : items) {
            String key = keyOf.apply(item);
            if (key != null) earlierKeys.add(key);
        }
        for (ComposeNode item : overrideSequence.items()) {
            String key = keyOf.apply(item);
            if (key == null || !earlierKeys.contains(key)) items.add(item);
        }
        return new Sequence(items, baseSequence.origin(), baseSequence.lastLine(), null);
    }

    /** Merges two key/value collections (map form or {@code - "K=V"} list form) as maps. */
    private static ComposeNode keyed(ComposeNode base, ComposeNode override) {
        if (ComposeNode.OVERRIDE_TAG.equals(override.tag())) return override;
        Mapping baseMapping = asKeyValueMapping(base);
        Mapping overrideMapping = asKeyValueMapping(override);
        if (baseMapping == null || overrideMapping == null) return override;
        return members(baseMapping, overrideMapping, (key, earlier, later) -> later);
    }

    /** A list of {@code "K=V"} (or bare {@code "K"}) items as a mapping whose keys and values sit at each item. */
    private static Mapping asKeyValueMapping(ComposeNode node) {
        if (node instanceof Mapping mapping) return mapping;
        if (!(node instanceof Sequence sequence)) return null;
        List<Member> members = new ArrayList<>(sequence.items().size());
        for (ComposeNode item : sequence.items()) {
            if (!(item instanceof Scalar scalar) || scalar.isNull()) continue;
            String text = scalar.text();
            int equals = text.indexOf('=');
            String key = equals < 0 ? text : text.substring(0, equals);
            String value = equals < 0 ? null : text.substring(equals + 1);
            members.add(new Member(key, scalar.origin(), new Scalar(value, scalar.interpolated(), scalar.origin(), null)));
        }
        return new Mapping(members, sequence.origin(), sequence.lastLine(), null);
    }

    /** {@code networks: [front]} as {@code networks: {front: null}}, so that both forms merge by name. */
    private static ComposeNode namesAsMapping(ComposeNode node) {
        if (!(node instanceof Sequence sequence)) return node;
        List<Member> members = new ArrayList<>(sequence.items().size());
        for (ComposeNode item : sequence.items()) {
            if (item instanceof Scalar scalar && !scalar.isNull()) {
                members.add(new Member(scalar.text(), scalar.origin(), new Scalar(null, false, scalar.origin(), null)));
            }
        }
        return new Mapping(members, sequence.origin(), sequence.lastLine(), sequence.tag());
    }

    /** {@code build: ./dir} as {@code build: {context: ./dir}}. */
    private static ComposeNode buildMapping(ComposeNode node) {
        if (!(node instanceof Scalar scalar) || scalar.isNull()) return node;
        return new Mapping(List.of(new Member("context", scalar.origin(), scalar)), scalar.origin(), scalar.lastLine(), scalar.tag());
    }

    private static ComposeNode asList(ComposeNode node) {
        return node instanceof Scalar scalar && !scalar.isNull()
                ? new Sequence(List.of(scalar), scalar.origin(), scalar.lastLine(), scalar.tag())
                : node;
    }

    private static String textKey(ComposeNode item) {
        return item instanceof Scalar scalar && !scalar.isNull() ? scalar.text() : null;
    }

    private static String fileMountKey(ComposeNode item) {
        if (item instanceof Mapping mapping) return textKey(mapping.get("target").or(() -> mapping.get("source")).orElse(item));
        return textKey(item);
    }

    private static String deviceKey(ComposeNode item) {
        if (item instanceof Mapping mapping) return textKey(mapping.get("target").orElse(item));
        if (item instanceof Scalar scalar && !scalar.isNull()) {
            String[] parts = scalar.text().split(":", -1);
            return parts.length >= 2 ? parts[1] : parts[0];
        }
        return textKey(item);
    }
}
