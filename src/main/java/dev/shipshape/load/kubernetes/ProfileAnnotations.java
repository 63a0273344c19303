package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.SecurityOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seccomp and AppArmor annotations that came before the {@code securityContext} fields
 * ({@code container.apparmor.security.beta.kubernetes.io/<container>: unconfined} and the
 * seccomp alpha ones); their values are already in the words {@link SecurityOption} uses.
 */
record ProfileAnnotations(SecurityOption podSeccomp,
                          Map<String, SecurityOption> seccompByContainer,
                          Map<String, SecurityOption> appArmorByContainer) {

    static final ProfileAnnotations NONE = new ProfileAnnotations(null, Map.of(), Map.of());

    private static final String POD_SECCOMP = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String CONTAINER_SECCOMP = "container.seccomp.security.alpha.kubernetes.io/";
    private static final String CONTAINER_APPARMOR = "container.apparmor.security.beta.kubernetes.io/";

    static ProfileAnnotations read(List<Entry> annotations) {
        SecurityOption podSeccomp = null;
        Map<String, SecurityOption> seccomp = null;
        Map<String, SecurityOption> appArmor = null;
        for (Entry annotation : annotations) {
            String key = annotation.key();
            if (key.equals(POD_SECCOMP)) {
                podSeccomp = option(SecurityOption.Kind.SECCOMP, annotation);
            } else if (key.startsWith(CONTAINER_SECCOMP)) {
                if (seccomp == null) seccomp = new HashMap<>();
                seccomp.put(key.substring(CONTAINER_SECCOMP.length()), option(SecurityOption.Kind.SECCOMP, annotation));
            } else if (key.startsWith(CONTAINER_APPARMOR)) {
                if (appArmor == null) appArmor = new HashMap<>();
                appArmor.put(key.substring(CONTAINER_APPARMOR.length()), option(SecurityOption.Kind.APPARMOR, annotation));
            }
        }
        if (podSeccomp == null && seccomp == null && appArmor == null) return NONE;
        return new ProfileAnnotations(podSeccomp, seccomp == null ? Map.of() : seccomp, appArmor == null ? Map.of() : appArmor);
    }

    private static SecurityOption option(SecurityOption.Kind kind, Entry annotation) {
        return new SecurityOption(kind, annotation.value().textOr("").trim(), annotation.origin());
    }
}
