package dev.shipshape.rules.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.EnvVar;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Origin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatefulImageTest {

    private static final Origin AT = Origin.at("compose.yaml", 5, 7);

    private static Optional<StatefulImage> of(String reference) {
        return StatefulImage.of(ImageReference.parse(reference).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "postgres,                                              PostgreSQL,    /var/lib/postgresql/data",
            "postgres:16.4-alpine,                                  PostgreSQL,    /var/lib/postgresql/data",
            "docker.io/library/mysql,                               MySQL,         /var/lib/mysql",
            "index.docker.io/library/mariadb:11,                    MariaDB,       /var/lib/mysql",
            "registry.example.com/db/postgres:15@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, PostgreSQL, /var/lib/postgresql/data",
            "localhost:5000/redis:7,                                Redis,         /data",
            "postgis/postgis:16-3.4,                                PostGIS,       /var/lib/postgresql/data",
            "docker.elastic.co/elasticsearch/elasticsearch:8.15.0,  Elasticsearch, /usr/share/elasticsearch/data",
            "confluentinc/cp-kafka:7.7.1,                           Kafka,         /var/lib/kafka/data",
            "mcr.microsoft.com/mssql/server:2022-latest,            SQL Server,    /var/opt/mssql",
            "quay.io/coreos/etcd:v3.5.16,                           etcd,          /etcd-data",
    })
    void matchesOnTheNameWhateverTheRegistryNamespaceTagOrDigest(String reference, String product, String dataPath) {
        StatefulImage image = of(reference).orElseThrow();
        assertThat(image.product()).isEqualTo(product);
        assertThat(image.dataPath()).isEqualTo(dataPath);
    }

    @ParameterizedTest
    @CsvSource({
            "bitnami/postgresql:16,            PostgreSQL, /bitnami/postgresql/data",
            "docker.io/bitnami/redis:7.2,      Redis,      /bitnami/redis/data",
            "bitnamilegacy/mongodb:7.0,        MongoDB,    /bitnami/mongodb/data/db",
            "registry-1.docker.io/bitnami/mysql:8.4, MySQL, /bitnami/mysql/data",
    })
    void bitnamiImagesKeepTheirDataUnderBitnamiOnly(String reference, String product, String dataPath) {
        StatefulImage image = of(reference).orElseThrow();
        assertThat(image.product()).isEqualTo(product);
        assertThat(image.dataPaths()).containsExactly(dataPath);
    }

    @Test
    void anUpstreamImageNamesItsOwnPathFirstAndStillAcceptsTheBitnamiOne() {
        StatefulImage postgresql = of("example.com/team/postgresql:16").orElseThrow();
        assertThat(postgresql.dataPaths()).containsExactly("/var/lib/postgresql/data", "/bitnami/postgresql/data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx:1.27", "prom/mysqld-exporter:v0.15.1", "oliver006/redis_exporter", "ghcr.io/acme/postgres-backup:2",
            "rediscommander/redis-commander", "example/app:2.0.0", "adminer", "dpage/pgadmin4", "memcached:1.6"})
    void otherImagesAreNotStateful(String reference) {
        assertThat(of(reference)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/var/lib/postgresql/data,        true",
            "/var/lib/postgresql/data/,       true",
            "/var/lib/postgresql//data,       true",
            "/var/lib/postgresql,             true",
            "/var,                            true",
            "/var/lib/postgresql/data/pgdata, false",
            "/var/lib/postgres,               false",
            "/var/lib/postgresql-data,        false",
            "data,                            false",
            "'',                              false",
    })
    void aMountKeepsTheDataWhenItIsAtOrAboveTheDataPath(String target, boolean kept) {
        StatefulImage postgres = new StatefulImage("PostgreSQL", List.of("/var/lib/postgresql/data"));
        assertThat(postgres.keptBy(target)).isEqualTo(kept);
    }

    @Test
    void aNullTargetKeepsNothing() {
        assertThat(of("mongo:7").orElseThrow().keptBy(null)).isFalse();
    }

    @Test
    void pgdataMovesThePostgresDataDirectory() {
        StatefulImage moved = of("postgres:16").orElseThrow()
                .relocatedBy(List.of(EnvVar.literal("PGDATA", "/var/lib/postgresql/data/pgdata/", false, AT)));
        assertThat(moved.dataPaths()).containsExactly("/var/lib/postgresql/data/pgdata");
        assertThat(moved.keptBy("/var/lib/postgresql/data")).isTrue();
        assertThat(moved.keptBy("/pgdata")).isFalse();
    }

    @Test
    void theLastPgdataWinsAndOnlyALiteralAbsolutePathCounts() {
        StatefulImage postgres = of("postgres:16").orElseThrow();
        assertThat(postgres.relocatedBy(List.of(
                EnvVar.literal("PGDATA", "/first", false, AT),
                EnvVar.literal("PGDATA", "/second", false, AT))).dataPaths()).containsExactly("/second");
        assertThat(postgres.relocatedBy(List.of(
                new EnvVar("PGDATA", null, EnvVar.ValueSource.REFERENCE, false, AT))).dataPaths())
                .containsExactly("/var/lib/postgresql/data", "/var/lib/postgresql");
        assertThat(postgres.relocatedBy(List.of(EnvVar.literal("PGDATA", "pgdata", false, AT))).dataPaths())
                .containsExactly("/var/lib/postgresql/data", "/var/lib/postgresql");
    }

    @Test
    void pgdataMeansNothingToOtherImages() {
        StatefulImage mysql = of("mysql:8.4").orElseThrow();
        assertThat(mysql.relocatedBy(List.of(EnvVar.literal("PGDATA", "/pgdata", false, AT)))).isEqualTo(mysql);
    }
}
