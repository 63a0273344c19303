package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployScriptsTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aShellScriptThatStackDeploysTheFileNamesIt() throws IOException {
        Path stack = write("docker-stack.yml", "services: {}\n");
        Path other = write("docker-compose.yml", "services: {}\n");
        write("deploy.sh", "#!/bin/sh\ndocker stack deploy --prune -c ./docker-stack.yml app\n");

        assertThat(DeployScripts.stackDeployerOf(stack)).isEqualTo(Optional.of("deploy.sh"));
        assertThat(DeployScripts.stackDeployerOf(other)).isEmpty();
    }

    @Test
    void aMakefileWithAContinuedLineAndAVariableFolderNamesItByItsLastComponent() throws IOException {
        Path prod = write("prod.yml", "services: {}\n");
        write("Makefile", "deploy:\n\tdocker stack up \\\n\t\t--compose-file=\"$(CURDIR)/prod.yml\" prod\n");

        assertThat(DeployScripts.stackDeployerOf(prod)).isEqualTo(Optional.of("Makefile"));
    }

    @Test
    void composeCommandsAndOtherFoldersDoNotCount() throws IOException {
        Path app = write("app.yml", "services: {}\n");
        write("up.sh", "docker compose -f app.yml up -d\ndocker-compose -f app.yml up\n");
        write("sub.sh", "docker stack deploy -c sub/app.yml sub\n");
        write("notes.txt", "docker stack deploy -c app.yml app\n");

        assertThat(DeployScripts.stackDeployerOf(app)).isEmpty();
    }

    @Test
    void onlyTheFirst256KiBOfAScriptAreRead() throws IOException {
        Path app = write("app.yml", "services: {}\n");
        write("long.sh", "#".repeat(DeployScripts.READ_LIMIT) + "\ndocker stack deploy -c app.yml app\n");

        assertThat(DeployScripts.stackDeployerOf(app)).isEmpty();
    }
}
