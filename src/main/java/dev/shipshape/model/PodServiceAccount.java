package dev.shipshape.model;

/**
 * The ServiceAccount a Kubernetes workload's pods run as, and whether its token is mounted.
 *
 * @param workload           "Deployment 'web'"
 * @param workloadOrigin     the workload's origin (its {@code kind:})
 * @param serviceAccountName {@code serviceAccountName} (or the old {@code serviceAccount}); unset means "default"
 * @param automountToken     the pod's {@code automountServiceAccountToken}; unset defers to the ServiceAccount
 */
public record PodServiceAccount(String workload, String namespace, Origin workloadOrigin,
        Setting<String> serviceAccountName, Setting<Boolean> automountToken) {

    public static final String DEFAULT_ACCOUNT = "default";

    public String accountName() {
        return serviceAccountName.orElse(DEFAULT_ACCOUNT);
    }
}
