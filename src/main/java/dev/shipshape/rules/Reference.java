package dev.shipshape.rules;

/**
 * Where a rule comes from: a benchmark section, a standard's level, or an article.
 *
 * @param framework "CIS Docker Benchmark v1.6.0", "Kubernetes Pod Security Standards", or "Web"
 * @param section   the section or level ("5.5", "baseline"); for URLs, the URL
 */
public record Reference(String framework, String section, String url) {

    public static final String CIS_DOCKER = "CIS Docker Benchmark v1.6.0";
    public static final String POD_SECURITY = "Kubernetes Pod Security Standards";

    public static Reference cisDocker(String section) {
        return new Reference(CIS_DOCKER, section,
                "https://www.cisecurity.org/benchmark/docker");
    }

    public static Reference podSecurity(PodSecurityLevel level) {
        return new Reference(POD_SECURITY, level.label(),
                "https://kubernetes.io/docs/concepts/security/pod-security-standards/#" + level.label());
    }

    public static Reference url(String title, String url) {
        return new Reference("Web", title, url);
    }

    /** "CIS Docker Benchmark v1.6.0 §5.5", "Kubernetes Pod Security Standards: baseline". */
    public String display() {
        return switch (framework) {
            case CIS_DOCKER -> framework + " §" + section;
            case POD_SECURITY -> framework + ": " + section;
            default -> section + " <" + url + ">";
        };
    }

    public enum PodSecurityLevel {
        BASELINE, RESTRICTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
