package dev.shipshape.rules.storage;

import dev.shipshape.model.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Well-known images that keep state, and where they keep it. Matched on the image's last path
 * component (any registry, any namespace, any tag): {@code docker.io/library/postgres:16},
 * {@code bitnami/postgresql}, {@code registry.example.com/db/postgres} all count.
 *
 * @param product   what it is, for messages ("PostgreSQL")
 * @param dataPaths the container paths its data lives under; a mount at or above one keeps it
 */
public record StatefulImage(String product, List<String> dataPaths) {

    private static final Map<String, StatefulImage> BY_NAME = Map.ofEntries(
            Map.entry("postgres", new StatefulImage("PostgreSQL", List.of("/var/lib/postgresql/data", "/var/lib/postgresql"))),
            Map.entry("postgresql", new StatefulImage("PostgreSQL", List.of("/bitnami/postgresql", "/var/lib/postgresql/data"))),
            Map.entry("postgis", new StatefulImage("PostGIS", List.of("/var/lib/postgresql/data", "/var/lib/postgresql"))),
            Map.entry("timescaledb", new StatefulImage("TimescaleDB", List.of("/var/lib/postgresql/data", "/home/postgres/pgdata"))),
            Map.entry("mysql", new StatefulImage("MySQL", List.of("/var/lib/mysql", "/bitnami/mysql"))),
            Map.entry("mariadb", new StatefulImage("MariaDB", List.of("/var/lib/mysql", "/bitnami/mariadb"))),
            Map.entry("percona", new StatefulImage("Percona Server", List.of("/var/lib/mysql"))),
            Map.entry("mongo", new StatefulImage("MongoDB", List.of("/data/db"))),
            Map.entry("mongodb", new StatefulImage("MongoDB", List.of("/bitnami/mongodb", "/data/db"))),
            Map.entry("redis", new StatefulImage("Redis", List.of("/data", "/bitnami/redis"))),
            Map.entry("valkey", new StatefulImage("Valkey", List.of("/data"))),
            Map.entry("keydb", new StatefulImage("KeyDB", List.of("/data"))),
            Map.entry("elasticsearch", new StatefulImage("Elasticsearch", List.of("/usr/share/elasticsearch/data", "/bitnami/elasticsearch"))),
            Map.entry("opensearch", new StatefulImage("OpenSearch", List.of("/usr/share/opensearch/data"))),
            Map.entry("rabbitmq", new StatefulImage("RabbitMQ", List.of("/var/lib/rabbitmq", "/bitnami/rabbitmq"))),
            Map.entry("kafka", new StatefulImage("Kafka", List.of("/var/lib/kafka/data", "/bitnami/kafka", "/kafka", "/var/lib/kafka"))),
            Map.entry("cp-kafka", new StatefulImage("Kafka", List.of("/var/lib/kafka/data", "/var/lib/kafka"))),
            Map.entry("zookeeper", new StatefulImage("ZooKeeper", List.of("/data", "/datalog", "/bitnami/zookeeper", "/var/lib/zookeeper"))),
            Map.entry("cp-zookeeper", new StatefulImage("ZooKeeper", List.of("/var/lib/zookeeper/data", "/var/lib/zookeeper"))),
            Map.entry("etcd", new StatefulImage("etcd", List.of("/etcd-data", "/var/lib/etcd", "/bitnami/etcd"))),
            Map.entry("consul", new StatefulImage("Consul", List.of("/consul/data"))),
            Map.entry("cassandra", new StatefulImage("Cassandra", List.of("/var/lib/cassandra", "/bitnami/cassandra"))),
            Map.entry("influxdb", new StatefulImage("InfluxDB", List.of("/var/lib/influxdb2", "/var/lib/influxdb"))),
            Map.entry("minio", new StatefulImage("MinIO", List.of("/data", "/bitnami/minio/data"))),
            Map.entry("neo4j", new StatefulImage("Neo4j", List.of("/data"))),
            Map.entry("couchdb", new StatefulImage("CouchDB", List.of("/opt/couchdb/data"))),
            Map.entry("couchbase", new StatefulImage("Couchbase", List.of("/opt/couchbase/var"))),
            Map.entry("mssql-server", new StatefulImage("SQL Server", List.of("/var/opt/mssql"))),
            Map.entry("clickhouse-server", new StatefulImage("ClickHouse", List.of("/var/lib/clickhouse"))),
            Map.entry("clickhouse", new StatefulImage("ClickHouse", List.of("/var/lib/clickhouse", "/bitnami/clickhouse"))),
            Map.entry("cockroach", new StatefulImage("CockroachDB", List.of("/cockroach/cockroach-data"))),
            Map.entry("nats", new StatefulImage("NATS JetStream", List.of("/data"))),
            Map.entry("memgraph", new StatefulImage("Memgraph", List.of("/var/lib/memgraph"))),
            Map.entry("vault", new StatefulImage("Vault", List.of("/vault/file", "/vault/data"))),
            Map.entry("prometheus", new StatefulImage("Prometheus", List.of("/prometheus"))),
            Map.entry("solr", new StatefulImage("Solr", List.of("/var/solr"))),
            Map.entry("questdb", new StatefulImage("QuestDB", List.of("/var/lib/questdb"))),
            Map.entry("scylla", new StatefulImage("ScyllaDB", List.of("/var/lib/scylla"))),
            Map.entry("arangodb", new StatefulImage("ArangoDB", List.of("/var/lib/arangodb3"))),
            Map.entry("dgraph", new StatefulImage("Dgraph", List.of("/dgraph"))),
            Map.entry("pulsar", new StatefulImage("Pulsar", List.of("/pulsar/data"))),
            Map.entry("nexus3", new StatefulImage("Nexus", List.of("/nexus-data"))),
            Map.entry("gitlab-ce", new StatefulImage("GitLab", List.of("/var/opt/gitlab"))),
            Map.entry("gitlab-ee", new StatefulImage("GitLab", List.of("/var/opt/gitlab"))));

    /** The stateful image this reference names, if it is a well-known one. */
    public static Optional<StatefulImage> of(ImageReference image) {
        String repository = image.repository();
        String lastComponent = repository.substring(repository.lastIndexOf('/') + 1);
        return Optional.ofNullable(BY_NAME.get(lastComponent));
    }

    /** True when a mount at {@code target} holds this image's data: at or above one of its data paths. */
    public boolean keptBy(String target) {
        if (target == null) return false;
        String mountPoint = target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1) : target;
        return dataPaths.stream().anyMatch(path -> path.equals(mountPoint) || path.startsWith(mountPoint + "/"));
    }
}
