package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.FileClassifier.NameClass;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileClassifierTest {

    /** What a folder walk makes of a file: its name, then for YAML the head of its text ("\n" written as \n). */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            Dockerfile                | ''                                           | DOCKERFILE
            dockerfile                | ''                                           | DOCKERFILE
            Containerfile             | ''                                           | DOCKERFILE
            api.Dockerfile            | ''                                           | DOCKERFILE
            api.dockerfile            | ''                                           | DOCKERFILE
            Dockerfile.prod           | ''                                           | DOCKERFILE
            Containerfile.alpine      | ''                                           | DOCKERFILE
            Dockerfile.dockerignore   | ''                                           | none
            api.Dockerfile.dockerignore | ''                                         | none
            Dockerfile.md             | ''                                           | none
            Dockerfile.j2             | ''                                           | none
            Dockerfile-old            | ''                                           | none
            daemon.json               | ''                                           | DAEMON_JSON
            package.json              | ''                                           | none
            README.md                 | ''                                           | none
            deploy.yaml               | apiVersion: apps/v1\\nkind: Deployment\\n     | KUBERNETES
            all.yml                   | ---\\n# api\\nkind: Service\\napiVersion: v1\\n | KUBERNETES
            compose.yaml              | services:\\n  web:\\n    image: nginx\\n     | COMPOSE
            app.yml                   | version: 3\\nservices:\\n  web: {}\\n      | COMPOSE
            docker-stack.yml          | services:\\n  web: {}\\n                     | STACK
            swarm.yaml                | services:\\n  web: {}\\n                     | STACK
            docker-compose.yml        | web:\\n  image: nginx:1.27\\n                | COMPOSE
            old-stack-compose.yml     | web:\\n  build: .\\n                         | STACK
            docker-compose.swarm.yml  | services:\\n  web: {}\\n                     | STACK
            clickstack-compose.yml    | services:\\n  web: {}\\n                     | COMPOSE
            stack__docker-compose.override.yml | services:\\n  web: {}\\n           | COMPOSE
            app.yml                   | web:\\n  image: nginx:1.27\\n                | none
            compose-ci.yml            | jobs:\\n  test:\\n    runs-on: ubuntu\\n     | none
            values.yaml               | app:\\n  apiVersion: v1\\n  kind: Pod\\n     | none
            kind-only.yaml            | kind: Pod\\nmetadata: {}\\n                  | none
            services-indented.yaml    | x:\\n  services:\\n    web: {}\\n            | none
            """)
    void classifiesByNameThenByContent(String fileName, String head, SourceKind expected) {
        assertThat(kindOf(fileName, head.replace("\\n", "\n"))).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} named explicitly -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Dockerfile.j2            | DOCKERFILE
            Dockerfile.md            | DOCKERFILE
            Dockerfile.dockerignore  | NONE
            notes.txt                | NONE
            """)
    void anExplicitlyNamedDockerfileVariantIsReadAsADockerfile(String fileName, NameClass expected) {
        assertThat(FileClassifier.byName(fileName, true)).isEqualTo(expected);
    }

    private static Optional<SourceKind> kindOf(String fileName, String head) {
        return switch (FileClassifier.byName(fileName, false)) {
            case DOCKERFILE -> Optional.of(SourceKind.DOCKERFILE);
            case DAEMON_JSON -> Optional.of(SourceKind.DAEMON_JSON);
            case YAML -> FileClassifier.yamlKind(fileName, head);
            case NONE -> Optional.empty();
        };
    }
}
