package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditedClusterTest {

    @Test
    void theServerKeepsSchemeHostPortAndPathOnly() {
        assertThat(new AuditedCluster("prod", "https://admin:secret@10.0.0.1:6443/?token=abc#x").server()).isEqualTo("https://10.0.0.1:6443");
        assertThat(new AuditedCluster("prod", "https://rancher.example.com/k8s/clusters/c-42/").server())
                .isEqualTo("https://rancher.example.com/k8s/clusters/c-42");
        assertThat(new AuditedCluster("prod", "https://[::1]:6443").server()).isEqualTo("https://[::1]:6443");
        assertThat(new AuditedCluster("prod", "not a url at all").server()).isEqualTo("(an unreadable server address)");
    }

    @Test
    void theLabelNamesContextAndServerOnceEach() {
        assertThat(new AuditedCluster("prod", "https://10.0.0.1:6443").label()).isEqualTo("prod (https://10.0.0.1:6443)");
        assertThat(new AuditedCluster("https://10.0.0.1:6443", "https://10.0.0.1:6443").label()).isEqualTo("https://10.0.0.1:6443");
        assertThat(new AuditedCluster(null, "https://10.0.0.1:6443").label()).isEqualTo("https://10.0.0.1:6443");
    }
}
