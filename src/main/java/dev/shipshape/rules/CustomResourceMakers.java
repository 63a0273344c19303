package dev.shipshape.rules;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.ObjectIdentity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The custom resources of the set that could make what an estate rule looks for among the
 * modelled objects and does not find: pods (an operator makes the pods of a {@code Prometheus}
 * and labels them {@code app.kubernetes.io/name: prometheus}, {@code prometheus: <name>}), or a
 * Service or workload named after the resource ({@code Kafka 'events'} →
 * {@code events-kafka-bootstrap}, {@code Prometheus 'k8s'} → {@code prometheus-operated}).
 * Only resources of the same namespace count; what an operator really makes is its business, so
 * these answers say "could".
 */
public final class CustomResourceMakers {

    private static final int NAMES_SHOWN = 5;

    private final List<ObjectIdentity> resources;

    private CustomResourceMakers(List<ObjectIdentity> resources) {
        this.resources = resources;
    }

    public static CustomResourceMakers of(Inventory inventory) {
        return new CustomResourceMakers(inventory.kubernetes().objects().stream().filter(ObjectIdentity::isCustomResource).toList());
    }

    /**
     * The resources of this namespace that account for every label and {@code In} value the
     * selector requires, through their name, their kind or their own labels; none for a selector
     * that requires no label.
     */
    public List<ObjectIdentity> couldMakePods(LabelSelector selector, String namespace) {
        if (requiredValues(selector) == 0) return List.of();
        return inNamespace(namespace).stream().filter(resource -> accountsFor(resource, selector)).toList();
    }

    /**
     * The resources of this namespace whose kind the selector names as a label value
     * ({@code app.kubernetes.io/name: prometheus} names the Prometheus resources), whether or not
     * they fit the rest of it: what a finding mentions when none of them {@link #couldMakePods fits}.
     */
    public List<ObjectIdentity> ofKindsNamedBy(LabelSelector selector, String namespace) {
        return inNamespace(namespace).stream()
                .filter(resource -> selector.matchLabels().values().stream().anyMatch(value -> value.equalsIgnoreCase(resource.kind()))
                        || selector.expressions().stream().filter(requirement -> "In".equals(requirement.operator()))
                                .anyMatch(requirement -> requirement.values().stream().anyMatch(value -> value.equalsIgnoreCase(resource.kind()))))
                .toList();
    }

    /**
     * The resources of this namespace that could make an object of this name: it is the resource's
     * name, starts or ends with it, holds it between dashes, or starts with the resource's kind and a dash.
     */
    public List<ObjectIdentity> couldMakeNamed(String name, String namespace) {
        return inNamespace(namespace).stream().filter(resource -> {
            String own = resource.name();
            return name.equals(own) || name.startsWith(own + "-") || name.endsWith("-" + own) || name.contains("-" + own + "-")
                    || name.startsWith(resource.kindWord() + "-");
        }).toList();
    }

    /** "Alertmanager 'example'; Prometheus 'a', 'b', 'c', 'd', 'e' and 3 more": kinds in order, names sorted, for a finding's message. */
    public static String describe(List<ObjectIdentity> resources) {
        Map<String, List<String>> byKind = resources.stream().collect(Collectors.groupingBy(ObjectIdentity::kind,
                TreeMap::new, Collectors.mapping(ObjectIdentity::name, Collectors.toList())));
        return byKind.entrySet().stream().map(kind -> {
            List<String> names = kind.getValue().stream().distinct().sorted().toList();
            String shown = names.stream().limit(NAMES_SHOWN).map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            return kind.getKey() + " " + shown + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
        }).collect(Collectors.joining("; "));
    }

    private List<ObjectIdentity> inNamespace(String namespace) {
        return resources.stream().filter(resource -> namespaceOf(resource.namespace()).equals(namespaceOf(namespace))).toList();
    }

    private static boolean accountsFor(ObjectIdentity resource, LabelSelector selector) {
        boolean labels = selector.matchLabels().entrySet().stream().allMatch(label -> accountsFor(resource, label.getKey(), label.getValue()));
        boolean expressions = selector.expressions().stream()
                .filter(requirement -> "In".equals(requirement.operator()))
                .allMatch(requirement -> requirement.values().stream().anyMatch(value -> accountsFor(resource, requirement.key(), value)));
        return labels && expressions;
    }

    private static boolean accountsFor(ObjectIdentity resource, String key, String value) {
        return value.equals(resource.labels().get(key)) || value.equals(resource.name()) || value.equalsIgnoreCase(resource.kind())
                || value.startsWith(resource.name() + "-");
    }

    private static long requiredValues(LabelSelector selector) {
        return selector.matchLabels().size() + selector.expressions().stream().filter(requirement -> "In".equals(requirement.operator())).count();
    }

    private static String namespaceOf(String namespace) {
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }
}
