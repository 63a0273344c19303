package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Archive names, and how an ADD's sources are read (flags, exec form, variables, here-documents). */
class AddInsteadOfCopyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "rootfs.tar", "app.tar.gz", "app.tgz", "APP.TAR.GZ", "app.tar.bz2", "app.tbz2", "app.tbz", "app.tar.xz",
            "app.txz", "app.tar.zst", "app.tzst", "app.taz", "layer.gz", "layer.xz", "layer.bz2", "layer.zst", "*.tar.gz",
    })
    void tarArchivesCompressedOrNotMayBeUnpacked(String name) {
        assertThat(AddInsteadOfCopy.mayBeUnpacked(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "app.zip", "app.jar", "app.war", "pkg.whl", "pkg.deb", "pkg.rpm", "a.7z", "a.rar", "tarball", "app.tar.gz.sha256",
            "requirements.txt", "src", "gzip", ".",
    })
    void otherFilesAreOnlyCopied(String name) {
        assertThat(AddInsteadOfCopy.mayBeUnpacked(name)).isFalse();
    }

    @Test
    void flagsAreNotSourcesAndEverySourceButTheLastWordCounts() {
        List<Finding> findings = Dockerfiles.findings(new AddInsteadOfCopy(), """
                FROM alpine:3.20
                ADD --chown=app:app --chmod=644 --link package.json package-lock.json /app/
                """);

        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "ADD only copies 'package.json', 'package-lock.json' (nothing there is an archive for ADD to unpack): use COPY");
    }

    @Test
    void execFormElementsAreTheWords() {
        List<Finding> findings = Dockerfiles.findings(new AddInsteadOfCopy(), """
                FROM alpine:3.20
                ADD ["my file.txt", "/app/"]
                ADD ["rootfs.tar.xz", "/"]
                """);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.origin().line()).isEqualTo(2);
            assertThat(finding.message()).startsWith("ADD only copies 'my file.txt' ");
        });
    }

    @Test
    void aMixOfArchiveAndPlainFilesNamesOnlyThePlainOnes() {
        assertThat(Dockerfiles.findings(new AddInsteadOfCopy(), "FROM alpine:3.20\nADD app.tar.gz config.yml \"run.sh\" /opt/\n"))
                .singleElement().extracting(Finding::message)
                .isEqualTo("ADD only copies 'config.yml', 'run.sh' (nothing there is an archive for ADD to unpack): use COPY");
    }

    @Test
    void unpackFalseMakesAnArchiveAPlainCopy() {
        assertThat(Dockerfiles.findings(new AddInsteadOfCopy(), "FROM alpine:3.20\nADD --unpack=false app.tar.gz /opt/\n"))
                .singleElement().extracting(Finding::message)
                .isEqualTo("ADD only copies 'app.tar.gz' (--unpack=false turns unpacking off): use COPY");
        assertThat(Dockerfiles.findings(new AddInsteadOfCopy(), "FROM alpine:3.20\nADD --unpack=true app.tar.gz /opt/\n")).isEmpty();
    }

    @Test
    void variablesTakeTheirArgAndEnvDefaultsAndUnknownOnesAreNotJudged() {
        List<Finding> findings = Dockerfiles.findings(new AddInsteadOfCopy(), """
                ARG DIST=dist
                FROM eclipse-temurin:21-jre
                ARG JAR_FILE=target/app.jar
                ARG DIST
                ENV ROOTFS=rootfs.tar.gz
                ARG UNKNOWN
                ADD ${JAR_FILE} /app/app.jar
                ADD $ROOTFS /
                ADD ${DIST}/ /srv/
                ADD ${UNKNOWN} /srv/
                ADD ${MISSING:-defaults.yml} /etc/app/
                """);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "ADD only copies '${JAR_FILE}' (= 'target/app.jar') (nothing there is an archive for ADD to unpack): use COPY",
                "ADD only copies '${DIST}/' (= 'dist/') (nothing there is an archive for ADD to unpack): use COPY",
                "ADD only copies '${MISSING:-defaults.yml}' (= 'defaults.yml') (nothing there is an archive for ADD to unpack): use COPY");
    }

    @Test
    void aSourceWithoutAKnownValueIsJudgedByTheFileItIsCopiedTo() {
        List<Finding> findings = Dockerfiles.findings(new AddInsteadOfCopy(), """
                FROM eclipse-temurin:21-jre
                ARG JAR_FILE
                ARG ARCHIVE
                ADD ${JAR_FILE} app.jar
                ADD ${ARCHIVE} /opt/app/
                ADD ${ARCHIVE} rootfs.tar
                ADD ${ARCHIVE} /opt/release
                ADD ${ARCHIVE} ${DESTINATION}.jar
                """);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.origin().line()).isEqualTo(4);
            assertThat(finding.message()).isEqualTo(
                    "ADD only copies '${JAR_FILE}' (to the file 'app.jar') (nothing there is an archive for ADD to unpack): use COPY");
        });
    }

    @Test
    void aGlobalArgIsNotSeenInAStageUntilDeclaredAgain() {
        assertThat(Dockerfiles.findings(new AddInsteadOfCopy(), "ARG SRC=src\nFROM alpine:3.20\nADD $SRC /app\n")).isEmpty();
    }

    @Test
    void anInlineHereDocumentIsACopy() {
        assertThat(Dockerfiles.findings(new AddInsteadOfCopy(), "FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n"))
                .singleElement().extracting(Finding::message)
                .isEqualTo("ADD only copies an inline here-document (<<EOF) (nothing there is an archive for ADD to unpack): use COPY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "ADD https://example.com/app.jar /app/",
            "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x.io/a.txt /a",
            "ADD git@github.com:moby/buildkit.git /src",
            "ADD https://github.com/moby/buildkit.git#v0.14.1 /src",
            "ADD rootfs.tar.gz /",
            "ADD ${ARCHIVE} /opt/",
    })
    void remoteSourcesArchivesAndUnknownsAreNotCopies(String add) {
        assertThat(Dockerfiles.findings(new AddInsteadOfCopy(), "FROM alpine:3.20\nARG ARCHIVE\n" + add + "\n")).isEmpty();
    }
}
