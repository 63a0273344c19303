package dev.shipshape.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official OASIS SARIF 2.1.0 schema (errata 01, from oasis-tcs/sarif-spec
 * {@code sarif-2.1/schema/sarif-schema-2.1.0.json}), a draft-04 schema, with format assertions
 * ("uri", "uri-reference") switched on.
 */
public final class SarifSchema {

    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        SchemaRegistryConfig config = new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream schema = SarifSchema.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
            return registry.getSchema(schema, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code sarif} breaks the schema; empty when it is valid. */
    public static List<String> errors(String sarif) {
        return SCHEMA.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
