package dev.shipshape.rules.storage;

import dev.shipshape.model.EnvVar;
import dev.shipshape.model.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Well-known images that keep state, and where they keep it. Matched on the image's last path
 * component (any registry, any namespace, any tag): {@code docker.io/library/postgres:16},
 * {@code bitnami/postgresql}, {@code registry.example.com/db/postgres} all count; a few images
 * whose last component says nothing ({@code mcr.microsoft.com/mssql/server}) are matched on
 * their last two components, as are images whose publisher keeps the data elsewhere
 * ({@code wurstmeister/kafka}). NATS is left out: its data directory exists only with JetStream,
 * which is off unless the command line turns it on, and the model does not hold the command.
 *
 * <p>Bitnami images keep their data under {@code /bitnami/<product>}, whatever the upstream image
 * does: for an image in a {@code bitnami*} namespace only those paths count.
 *
 * @param product          what it is, for messages ("PostgreSQL")
 * @param dataPaths        the container paths its data lives under, the usual one first; a mount at
 *                         or above one keeps it
 * @param dataPathVariable an environment variable that moves the data directory ({@code PGDATA}), or null
 */
public record StatefulImage(String product, List<String> dataPaths, String dataPathVariable) {

    private static final String BITNAMI_PATHS = "/bitnami/";

    public StatefulImage {
        dataPaths = List.copyOf(dataPaths);
        if (dataPaths.isEmpty()) throw new IllegalArgumentException(product + ": no data path");
    }

    public StatefulImage(String product, List<String> dataPaths) {
        this(product, dataPaths, null);
    }

    private static StatefulImage postgres(String product, String... dataPaths) {
        return new StatefulImage(product, List.of(dataPaths), "PGDATA");
    }

    private static final Map<String, StatefulImage> BY_NAME = Map.ofEntries(
            Map.entry("postgres", postgres("PostgreSQL", "/var/lib/postgresql/data", "/var/lib/postgresql")),
            Map.entry("postgresql", postgres("PostgreSQL", "/var/lib/postgresql/data", "/bitnami/postgresql/data")),
            Map.entry("postgis", postgres("PostGIS", "/var/lib/postgresql/data", "/var/lib/postgresql")),
            Map.entry("pgvector", postgres("PostgreSQL", "/var/lib/postgresql/data", "/var/lib/postgresql")),
            Map.entry("timescaledb", postgres("TimescaleDB", "/var/lib/postgresql/data", "/home/postgres/pgdata")),
            Map.entry("timescaledb-ha", postgres("TimescaleDB", "/home/postgres/pgdata")),
            Map.entry("mysql", new StatefulImage("MySQL", List.of("/var/lib/mysql", "/bitnami/mysql/data"))),
            Map.entry("mysql-server", new StatefulImage("MySQL", List.of("/var/lib/mysql"))),
            Map.entry("mariadb", new StatefulImage("MariaDB", List.of("/var/lib/mysql", "/bitnami/mariadb/data"))),
            Map.entry("percona", new StatefulImage("Percona Server", List.of("/var/lib/mysql"))),
            Map.entry("percona-server", new StatefulImage("Percona Server", List.of("/var/lib/mysql"))),
            Map.entry("mongo", new StatefulImage("MongoDB", List.of("/data/db"))),
            Map.entry("mongodb", new StatefulImage("MongoDB", List.of("/data/db", "/bitnami/mongodb/data/db"))),
            Map.entry("redis", new StatefulImage("Redis", List.of("/data", "/bitnami/redis/data"))),
            Map.entry("redis-stack", new StatefulImage("Redis Stack", List.of("/data"))),
            Map.entry("redis-stack-server", new StatefulImage("Redis Stack", List.of("/data"))),
            Map.entry("valkey", new StatefulImage("Valkey", List.of("/data", "/bitnami/valkey/data"))),
            Map.entry("keydb", new StatefulImage("KeyDB", List.of("/data"))),
            Map.entry("dragonfly", new StatefulImage("Dragonfly", List.of("/data"))),
            Map.entry("elasticsearch", new StatefulImage("Elasticsearch", List.of("/usr/share/elasticsearch/data", "/bitnami/elasticsearch/data"))),
            Map.entry("opensearch", new StatefulImage("OpenSearch", List.of("/usr/share/opensearch/data", "/bitnami/opensearch/data"))),
            Map.entry("rabbitmq", new StatefulImage("RabbitMQ", List.of("/var/lib/rabbitmq", "/bitnami/rabbitmq/mnesia"))),
            Map.entry("kafka", new StatefulImage("Kafka", List.of("/var/lib/kafka/data", "/bitnami/kafka/data", "/kafka", "/var/lib/kafka"))),
            Map.entry("wurstmeister/kafka", new StatefulImage("Kafka", List.of("/kafka"))),
            Map.entry("cp-kafka", new StatefulImage("Kafka", List.of("/var/lib/kafka/data", "/var/lib/kafka"))),
            Map.entry("cp-server", new StatefulImage("Kafka", List.of("/var/lib/kafka/data", "/var/lib/kafka"))),
            Map.entry("redpanda", new StatefulImage("Redpanda", List.of("/var/lib/redpanda/data"))),
            Map.entry("zookeeper", new StatefulImage("ZooKeeper", List.of("/data", "/datalog", "/bitnami/zookeeper/data", "/var/lib/zookeeper"))),
            Map.entry("wurstmeister/zookeeper", new StatefulImage("ZooKeeper", List.of("/opt/zookeeper-3.4.13/data"))),
            Map.entry("cp-zookeeper", new StatefulImage("ZooKeeper", List.of("/var/lib/zookeeper/data", "/var/lib/zookeeper"))),
            Map.entry("etcd", new StatefulImage("etcd", List.of("/etcd-data", "/var/lib/etcd", "/bitnami/etcd/data"))),
            Map.entry("consul", new StatefulImage("Consul", List.of("/consul/data", "/bitnami/consul"))),
            Map.entry("cassandra", new StatefulImage("Cassandra", List.of("/var/lib/cassandra", "/bitnami/cassandra/data"))),
            Map.entry("influxdb", new StatefulImage("InfluxDB", List.of("/var/lib/influxdb2", "/var/lib/influxdb", "/bitnami/influxdb"))),
            Map.entry("minio", new StatefulImage("MinIO", List.of("/data", "/bitnami/minio/data"))),
            Map.entry("neo4j", new StatefulImage("Neo4j", List.of("/data", "/bitnami/neo4j/data"))),
            Map.entry("couchdb", new StatefulImage("CouchDB", List.of("/opt/couchdb/data", "/bitnami/couchdb/data"))),
            Map.entry("couchbase", new StatefulImage("Couchbase", List.of("/opt/couchbase/var"))),
            Map.entry("mssql-server", new StatefulImage("SQL Server", List.of("/var/opt/mssql"))),
            Map.entry("mssql/server", new StatefulImage("SQL Server", List.of("/var/opt/mssql"))),
            Map.entry("azure-sql-edge", new StatefulImage("Azure SQL Edge", List.of("/var/opt/mssql"))),
            Map.entry("clickhouse-server", new StatefulImage("ClickHouse", List.of("/var/lib/clickhouse"))),
            Map.entry("clickhouse", new StatefulImage("ClickHouse", List.of("/var/lib/clickhouse", "/bitnami/clickhouse/data"))),
            Map.entry("cockroach", new StatefulImage("CockroachDB", List.of("/cockroach/cockroach-data"))),
            Map.entry("memgraph", new StatefulImage("Memgraph", List.of("/var/lib/memgraph"))),
            Map.entry("vault", new StatefulImage("Vault", List.of("/vault/file", "/vault/data"))),
            Map.entry("prometheus", new StatefulImage("Prometheus", List.of("/prometheus"))),
            Map.entry("solr", new StatefulImage("Solr", List.of("/var/solr", "/bitnami/solr"))),
            Map.entry("questdb", new StatefulImage("QuestDB", List.of("/var/lib/questdb"))),
            Map.entry("scylla", new StatefulImage("ScyllaDB", List.of("/var/lib/scylla"))),
            Map.entry("arangodb", new StatefulImage("ArangoDB", List.of("/var/lib/arangodb3"))),
            Map.entry("rethinkdb", new StatefulImage("RethinkDB", List.of("/data/rethinkdb_data"))),
            Map.entry("dgraph", new StatefulImage("Dgraph", List.of("/dgraph"))),
            Map.entry("pulsar", new StatefulImage("Pulsar", List.of("/pulsar/data"))),
            Map.entry("meilisearch", new StatefulImage("Meilisearch", List.of("/meili_data"))),
            Map.entry("qdrant", new StatefulImage("Qdrant", List.of("/qdrant/storage"))),
            Map.entry("weaviate", new StatefulImage("Weaviate", List.of("/var/lib/weaviate"))),
            Map.entry("nexus3", new StatefulImage("Nexus", List.of("/nexus-data"))),
            Map.entry("gitlab-ce", new StatefulImage("GitLab", List.of("/var/opt/gitlab"))),
            Map.entry("gitlab-ee", new StatefulImage("GitLab", List.of("/var/opt/gitlab"))));

    /** The stateful image this reference names, if it is a well-known one; its data paths fit its publisher. */
    public static Optional<StatefulImage> of(ImageReference image) {
        String[] components = image.repository().split("/");
        String last = components[components.length - 1];
        String lastTwo = components.length >= 2 ? components[components.length - 2] + "/" + last : last;
        StatefulImage known = BY_NAME.getOrDefault(lastTwo, BY_NAME.get(last));
        if (known == null) return Optional.empty();
        boolean bitnami = false;
        for (int at = 0; at < components.length - 1; at++) {
            bitnami |= components[at].startsWith("bitnami");
        }
        return Optional.of(bitnami ? known.asBitnami() : known.withoutBitnamiFirst());
    }

    /** Bitnami's images (bitnami, bitnamilegacy, bitnamisecure) keep everything under /bitnami. */
    private StatefulImage asBitnami() {
        List<String> bitnamiPaths = dataPaths.stream().filter(path -> path.startsWith(BITNAMI_PATHS)).toList();
        return bitnamiPaths.isEmpty() ? this : new StatefulImage(product, bitnamiPaths, null);
    }

    private StatefulImage withoutBitnamiFirst() {
        if (!dataPaths.getFirst().startsWith(BITNAMI_PATHS)) return this;
        List<String> upstreamFirst = java.util.stream.Stream.concat(
                dataPaths.stream().filter(path -> !path.startsWith(BITNAMI_PATHS)),
                dataPaths.stream().filter(path -> path.startsWith(BITNAMI_PATHS))).toList();
        return new StatefulImage(product, upstreamFirst, dataPathVariable);
    }

    /**
     * This image with its data directory where the container's environment puts it: a literal
     * {@code PGDATA=/pgdata} makes {@code /pgdata} the only data path.
     */
    public StatefulImage relocatedBy(List<EnvVar> environment) {
        if (dataPathVariable == null) return this;
        for (EnvVar variable : environment.reversed()) {
            if (variable.name().equals(dataPathVariable) && variable.value() != null && variable.value().startsWith("/")) {
                return new StatefulImage(product, List.of(MountPath.of(variable.value()).normalized()), dataPathVariable);
            }
        }
        return this;
    }

    /** The data directory to name in messages. */
    public String dataPath() {
        return dataPaths.getFirst();
    }

    /** True when a mount at {@code target} holds this image's data: at or above one of its data paths. */
    public boolean keptBy(String target) {
        MountPath mountPoint = MountPath.of(target);
        return dataPaths.stream().anyMatch(mountPoint::isAtOrAbove);
    }
}
