package dev.shipshape.load.cluster;

/** The cluster cannot be audited at all (no kubeconfig, unreachable, untrusted, refused credentials); the message is one line for the user. */
public final class ClusterUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    public ClusterUnavailable(String message) {
        super(message, null, false, false);
    }
}
