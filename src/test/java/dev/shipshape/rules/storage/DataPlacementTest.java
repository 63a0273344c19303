package dev.shipshape.rules.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.storage.DataPlacement.Fate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataPlacementTest {

    private static final Origin AT = Origin.at("k8s.yaml", 3, 1);

    private static Mount mount(Mount.Type type, String source, String target, int line) {
        Origin origin = Origin.at("k8s.yaml", line, 15);
        return new Mount(type, source, target, Setting.unset(origin), origin);
    }

    private static Optional<DataPlacement> placementOf(String kind, String image, boolean init, List<Mount> mounts, List<EnvVar> environment) {
        ContainerBuilder builder = Container.builder("db", "container 'db'", init, AT);
        builder.image = Setting.of(image, AT);
        builder.mounts.addAll(mounts);
        builder.environment.addAll(environment);
        Container container = builder.build();
        Workload workload = new Workload(kind, "db", null, SourceKind.KUBERNETES, AT, 30,
                Setting.unset(AT), Setting.unset(AT), List.of(container), List.of(), Map.of());
        return DataPlacement.of(workload, container);
    }

    private static DataPlacement placementOf(String image, Mount... mounts) {
        return placementOf("Deployment", image, false, List.of(mounts), List.of()).orElseThrow();
    }

    @Test
    void noMountLeavesTheDataInTheContainer() {
        DataPlacement placement = placementOf("postgres:16");
        assertThat(placement.fate()).isEqualTo(Fate.LOST);
        assertThat(placement.holder()).isEmpty();
    }

    @Test
    void aClaimAboveTheDataPathKeepsIt() {
        Mount claim = mount(Mount.Type.CLAIM, "pg", "/var/lib/postgresql", 20);
        DataPlacement placement = placementOf("postgres:16", claim);
        assertThat(placement.fate()).isEqualTo(Fate.KEPT);
        assertThat(placement.holder()).contains(claim);
    }

    @Test
    void theDeepestMountHoldsTheData() {
        Mount emptyDir = mount(Mount.Type.EMPTY_DIR, null, "/var/lib/postgresql", 20);
        Mount claim = mount(Mount.Type.CLAIM, "pg", "/var/lib/postgresql/data", 22);
        assertThat(placementOf("postgres:16", emptyDir, claim).holder()).contains(claim);

        Mount claimAbove = mount(Mount.Type.CLAIM, "pg", "/var/lib/postgresql", 20);
        Mount emptyDirBelow = mount(Mount.Type.EMPTY_DIR, null, "/var/lib/postgresql/data", 22);
        DataPlacement placement = placementOf("postgres:16", claimAbove, emptyDirBelow);
        // the emptyDir hides the claim at the first data path, but the claim still holds the second one
        assertThat(placement.fate()).isEqualTo(Fate.KEPT);
        assertThat(placementOf("mongo:7", claimAbove, mount(Mount.Type.EMPTY_DIR, null, "/data/db", 22)).fate())
                .isEqualTo(Fate.EPHEMERAL);
    }

    @Test
    void aMountBelowTheDataPathOrBesideItDoesNotHoldIt() {
        assertThat(placementOf("mongo:7", mount(Mount.Type.CLAIM, "c", "/data/configdb", 20)).fate()).isEqualTo(Fate.LOST);
        assertThat(placementOf("mongo:7", mount(Mount.Type.CLAIM, "c", "/data/db/journal", 20)).fate()).isEqualTo(Fate.LOST);
        assertThat(placementOf("mongo:7", mount(Mount.Type.CLAIM, "c", "/data/dbx", 20)).fate()).isEqualTo(Fate.LOST);
    }

    @Test
    void eachKindOfMountHasItsFate() {
        assertThat(placementOf("redis:7", mount(Mount.Type.VOLUME, "cache", "/data", 20)).fate()).isEqualTo(Fate.KEPT);
        assertThat(placementOf("redis:7", mount(Mount.Type.VOLUME, null, "/data", 20)).fate()).isEqualTo(Fate.ANONYMOUS);
        assertThat(placementOf("redis:7", mount(Mount.Type.BIND, "./data", "/data", 20)).fate()).isEqualTo(Fate.KEPT);
        assertThat(placementOf("redis:7", mount(Mount.Type.HOST_PATH, "/srv/redis", "/data", 20)).fate()).isEqualTo(Fate.KEPT);
        assertThat(placementOf("redis:7", mount(Mount.Type.OTHER, null, "/data", 20)).fate()).isEqualTo(Fate.KEPT);
        assertThat(placementOf("redis:7", mount(Mount.Type.EMPTY_DIR, null, "/data", 20)).fate()).isEqualTo(Fate.EPHEMERAL);
        assertThat(placementOf("redis:7", mount(Mount.Type.TMPFS, null, "/data", 20)).fate()).isEqualTo(Fate.EPHEMERAL);
        assertThat(placementOf("redis:7", mount(Mount.Type.CONFIG, "redis-conf", "/data", 20)).fate()).isEqualTo(Fate.LOST);
    }

    @Test
    void lastingStorageWinsOverAnEphemeralOneAtAnotherDataPath() {
        // ZooKeeper keeps snapshots in /data and its log in /datalog; either on lasting storage counts as kept
        Mount tmpfs = mount(Mount.Type.TMPFS, null, "/datalog", 20);
        Mount volume = mount(Mount.Type.VOLUME, "zk", "/data", 22);
        assertThat(placementOf("zookeeper:3.9", tmpfs, volume).holder()).contains(volume);
        assertThat(placementOf("zookeeper:3.9", tmpfs).holder()).contains(tmpfs);
    }

    @Test
    void pgdataDecidesWhichMountHoldsTheData() {
        Mount volume = mount(Mount.Type.VOLUME, "pg", "/var/lib/postgresql/data", 20);
        List<EnvVar> moved = List.of(EnvVar.literal("PGDATA", "/pgdata", false, AT));
        DataPlacement placement = placementOf("Deployment", "postgres:16", false, List.of(volume), moved).orElseThrow();
        assertThat(placement.fate()).isEqualTo(Fate.LOST);
        assertThat(placement.image().dataPath()).isEqualTo("/pgdata");
    }

    @Test
    void clientsOfAStatefulImageAreNotServers() {
        assertThat(placementOf("Deployment", "postgres:16", true, List.of(), List.of())).isEmpty();
        assertThat(placementOf("Job", "postgres:16", false, List.of(), List.of())).isEmpty();
        assertThat(placementOf("CronJob", "mysql:8.4", false, List.of(), List.of())).isEmpty();
        assertThat(placementOf("Pod", "mysql:8.4", false, List.of(), List.of())).isPresent();
        assertThat(placementOf("service", "mysql:8.4", false, List.of(), List.of())).isPresent();
    }

    @Test
    void otherOrUnreadableImagesHaveNoPlacement() {
        assertThat(placementOf("Deployment", "nginx:1.27", false, List.of(), List.of())).isEmpty();
        assertThat(placementOf("Deployment", "postgres:${TAG}", false, List.of(), List.of())).isEmpty();
    }
}
