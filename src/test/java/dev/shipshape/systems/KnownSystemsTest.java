package dev.shipshape.systems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownSystemsTest {

    private static String systemOf(String reference) {
        return KnownSystems.catalogue().find(ImageReference.parse(reference).orElseThrow())
                .map(match -> match.system().name() + "/" + match.image().product()).orElse("none");
    }

    @ParameterizedTest
    @CsvSource({
            "redis:7.2, redis/Redis",
            "bitnami/redis:7.2, redis/Redis",
            "valkey/valkey:8, redis/Valkey",
            "quay.io/coreos/etcd:v3.5.15, etcd/etcd",
            "registry.k8s.io/etcd:3.5.15-0, etcd/etcd",
            "hashicorp/consul:1.19, consul/Consul",
            "confluentinc/cp-zookeeper:7.7.1, zookeeper/ZooKeeper",
            "weaveworks/weave-kube:2.8.1, weave-net/Weave Net",
            "mcr.microsoft.com/mssql/server:2022-latest, sqlserver/SQL Server",
            "example/app:1.0, none",
            "weaveworks/weave-npc:2.8.1, none"})
    void recognisesImagesByTheirLastComponents(String reference, String expected) {
        assertThat(systemOf(reference)).isEqualTo(expected);
    }

    @Test
    void bitnamiNamespacesAreMarked() {
        assertThat(KnownSystems.catalogue().find(ImageReference.parse("bitnamilegacy/etcd:3.4.9").orElseThrow()).orElseThrow().bitnami()).isTrue();
        assertThat(KnownSystems.catalogue().find(ImageReference.parse("etcd:3.4.9").orElseThrow()).orElseThrow().bitnami()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "glusterfs, GlusterFS",
            "trajano/glusterfs-volume-plugin:latest, GlusterFS",
            "rook-ceph.rbd.csi.ceph.com, Ceph",
            "rexray/scaleio, ScaleIO / REX-Ray",
            "flocker, Flocker",
            "nfs.csi.k8s.io, NFS",
            "pxd, Portworx"})
    void recognisesSharedStorage(String driver, String storage) {
        assertThat(KnownSystems.catalogue().sharedStorageFor(driver)).map(SharedStorage::name).contains(storage);
    }

    @Test
    void localAndHostStorageAreNotShared() {
        assertThat(KnownSystems.catalogue().sharedStorageFor("local")).isEmpty();
        assertThat(KnownSystems.catalogue().sharedStorageFor("kubernetes.io/no-provisioner")).isEmpty();
        assertThat(KnownSystems.catalogue().sharedStorageFor("rancher.io/local-path")).isEmpty();
    }

    @Test
    void etcdMembersAreCountedFromTheirList() {
        Cluster etcd = KnownSystems.catalogue().systems().stream().filter(system -> system.name().equals("etcd")).findFirst().orElseThrow().cluster();
        assertThat(etcd.countMembers("a=http://a:2380,b=http://b:2380,c=https://c:2380")).isEqualTo(3);
        Cluster zookeeper = KnownSystems.catalogue().systems().stream().filter(system -> system.name().equals("zookeeper")).findFirst().orElseThrow().cluster();
        assertThat(zookeeper.countMembers("server.1=zoo1:2888:3888;2181 server.2=zoo2:2888:3888;2181")).isEqualTo(2);
        assertThat(zookeeper.countMembers("zk1:2888:3888,zk2:2888:3888,zk3:2888:3888")).isEqualTo(3);
        assertThat(zookeeper.countMembers("zk1:2888:3888;zk2:2888:3888")).isEqualTo(2);
    }
}
