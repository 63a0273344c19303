package dev.shipshape.model;

/**
 * A Kubernetes ServiceAccount.
 *
 * @param automountToken {@code automountServiceAccountToken}; unset means the token is mounted
 */
public record ServiceAccount(String name, String namespace, Origin origin, Setting<Boolean> automountToken) {
}
