package dev.shipshape.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/known-systems.md must be exactly what the catalogue renders today. With
 * {@code -Dshipshape.updateDocs=true} it rewrites the file instead ({@link KnownSystemsDoc#REGENERATE_COMMAND}).
 */
class KnownSystemsDocTest {

    private static final Path DOC = Path.of("docs/known-systems.md");

    @Test
    void docsKnownSystemsMdIsUpToDate() throws IOException {
        String generated = new KnownSystemsDoc(KnownSystems.catalogue()).markdown();
        if (Boolean.getBoolean("shipshape.updateDocs")) Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        if (!Files.exists(DOC)) fail("docs/known-systems.md is missing; generate it with: " + KnownSystemsDoc.REGENERATE_COMMAND);
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/known-systems.md is stale; regenerate it with: %s", KnownSystemsDoc.REGENERATE_COMMAND)
                .isEqualTo(generated);
    }

    @Test
    void theDocumentNamesWhatTheRulesUse() {
        String generated = new KnownSystemsDoc(KnownSystems.catalogue()).markdown();
        assertThat(generated)
                .contains("| Redis | datastore | `redis` → `/data`, `/bitnami/redis/data`<br>`redis-stack` (Redis Stack) → `/data`")
                .contains("- authentication: default **off**; on: flag `--requirepass`")
                .contains("- cluster members listed by: flag `--initial-cluster`, environment `ETCD_INITIAL_CLUSTER`")
                .contains("| GlusterFS | `glusterfs`")
                .contains("| Keywhiz | `/var/lib/keywhiz`");
    }
}
