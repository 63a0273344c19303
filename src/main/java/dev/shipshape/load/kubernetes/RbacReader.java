package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Origin;
import dev.shipshape.model.RbacRole;
import dev.shipshape.model.RbacRole.RbacRule;
import dev.shipshape.model.RoleBinding;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads Roles, ClusterRoles, RoleBindings and ClusterRoleBindings (rbac.authorization.k8s.io, every version). */
final class RbacReader {

    private final Problems problems;

    RbacReader(Problems problems) {
        this.problems = problems;
    }

    RbacRole role(ManifestObject object, ObjectMetadata metadata) {
        List<RbacRule> rules = new ArrayList<>();
        for (YamlNode item : object.fields().list("rules")) {
            Fields.ofItem(item, "an item of 'rules'", problems).ifPresent(rule -> rules.add(new RbacRule(
                    rule.texts("apiGroups"), rule.texts("resources"), rule.texts("verbs"),
                    rule.texts("resourceNames").stream().map(Setting::value).toList(),
                    rule.texts("nonResourceURLs"), item.origin())));
        }
        String namespace = object.kind().equals("ClusterRole") ? null : metadata.namespace();
        return new RbacRole(object.kind(), metadata.name(), namespace, object.kindOrigin(), rules);
    }

    RoleBinding binding(ManifestObject object, ObjectMetadata metadata) {
        Origin origin = object.kindOrigin();
        Optional<Fields> roleRef = object.fields().mapping("roleRef");
        if (roleRef.isEmpty()) problems.warn(origin, object.kind() + " '" + metadata.name() + "' has no 'roleRef'");
        String roleKind = roleRef.map(ref -> ref.textOrNull("kind")).orElse(null);
        Setting<String> roleName = roleRef.flatMap(ref -> ref.text("name")).orElse(Setting.unset(origin));
        List<RoleBinding.Subject> subjects = new ArrayList<>();
        for (YamlNode item : object.fields().list("subjects")) {
            Fields.ofItem(item, "an item of 'subjects'", problems).ifPresent(subject -> subjects.add(new RoleBinding.Subject(
                    subject.text("kind").map(Setting::value).orElse(""),
                    subject.text("name").map(Setting::value).orElse(""),
                    subject.textOrNull("namespace"), item.origin())));
        }
        String namespace = object.kind().equals("ClusterRoleBinding") ? null : metadata.namespace();
        return new RoleBinding(object.kind(), metadata.name(), namespace, origin, roleKind, roleName, subjects);
    }
}
