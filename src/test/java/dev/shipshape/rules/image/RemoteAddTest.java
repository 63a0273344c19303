package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which remote sources are pinned; the fixtures cover locations. */
class RemoteAddTest {

    private static final String COMMIT = "9c4ed5e8bfc9a1c1d4a9d4b8d3a1f5e9c1b2a3d4";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "ADD https://example.com/app.tar.gz /opt/         | ADD downloads 'https://example.com/app.tar.gz' without --checksum",
            "ADD http://example.com/a /a                      | ADD downloads 'http://example.com/a' without --checksum",
            "ADD https://x.io/${VERSION}/a.tgz /a             | ADD downloads 'https://x.io/${VERSION}/a.tgz' without --checksum",
            "ADD --unpack=true https://x.io/a.tgz /a          | ADD downloads 'https://x.io/a.tgz' without --checksum",
            "ADD https://x.io/a https://x.io/b /d/            | ADD downloads 'https://x.io/a' (and 1 more) without --checksum",
            "ADD [\"https://x.io/a\", \"/a\"]                 | ADD downloads 'https://x.io/a' without --checksum",
            "ADD https://github.com/moby/buildkit.git#v0.14.1 /src | ADD clones 'https://github.com/moby/buildkit.git#v0.14.1' at a ref that can move",
            "ADD git@github.com:moby/buildkit.git /src        | ADD clones 'git@github.com:moby/buildkit.git' at a ref that can move",
            "ADD https://github.com/moby/buildkit.git?ref=main /src | ADD clones",
            "ADD github.com/moby/buildkit /src                | ADD clones",
            "ADD --keep-git-dir=true https://github.com/o/r.git#main:docs /docs | ADD clones",
    })
    void unpinnedRemoteSources(String add, String message) {
        assertThat(Dockerfiles.findings(new RemoteAdd(), "FROM alpine:3.20\n" + add + "\n"))
                .singleElement().extracting(Finding::message).asString().startsWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x.io/a.txt /a",
            "ADD https://github.com/moby/buildkit.git#" + COMMIT + " /src",
            "ADD https://github.com/moby/buildkit.git#" + COMMIT + ":docs /docs",
            "ADD https://github.com/moby/buildkit.git?ref=" + COMMIT + " /src",
            "ADD https://github.com/moby/buildkit.git?ref=v0.14.1&checksum=" + COMMIT + " /src",
            "ADD --checksum=" + COMMIT + " https://github.com/moby/buildkit.git#v0.14.1 /src",
            "ADD app.tar.gz /opt/",
            "ADD requirements.txt /app/",
            "ADD ./https-proxy.conf /etc/",
    })
    void pinnedOrLocalSources(String add) {
        assertThat(Dockerfiles.findings(new RemoteAdd(), "FROM alpine:3.20\n" + add + "\n")).isEmpty();
    }
}
