package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.compose.VolumeSyntax.ShortVolume;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeSyntaxTest {

    private static final Origin AT = Origin.at("compose.yaml", 9, 9);

    private static Optional<ShortVolume> parse(String written) {
        return VolumeSyntax.parseShort(written);
    }

    private static Optional<Mount> mount(String written) {
        return VolumeSyntax.mount(new ComposeNode.Scalar(written, false, AT, null), new ArrayList<>());
    }

    @Test void targetOnly() { assertThat(parse("/var/lib/data")).contains(new ShortVolume(null, "/var/lib/data", null)); }
    @Test void sourceAndTarget() { assertThat(parse("./data:/data")).contains(new ShortVolume("./data", "/data", null)); }
    @Test void sourceTargetAndMode() { assertThat(parse("db:/var/lib/postgresql:ro,z")).contains(new ShortVolume("db", "/var/lib/postgresql", "ro,z")); }
    @Test void windowsDriveStaysInOnePiece() { assertThat(parse("C:\\data:/data:ro")).contains(new ShortVolume("C:\\data", "/data", "ro")); }
    @Test void emptyIsNoVolume() { assertThat(parse("")).isEmpty(); }
    @Test void colonOnlyIsNoVolume() { assertThat(parse(":")).isEmpty(); }
    @Test void tooManyPartsIsNoVolume() { assertThat(parse("/a:/b:ro:extra")).isEmpty(); }

    @Test void absolutePathIsABind() { assertThat(mount("/var/run/docker.sock:/var/run/docker.sock")).contains(new Mount(Mount.Type.BIND, "/var/run/docker.sock", "/var/run/docker.sock", Setting.unset(AT), AT)); }
    @Test void relativePathIsABind() { assertThat(mount("../conf:/etc/app").orElseThrow().type()).isEqualTo(Mount.Type.BIND); }
    @Test void homePathIsABind() { assertThat(mount("~/.aws:/root/.aws").orElseThrow().type()).isEqualTo(Mount.Type.BIND); }
    @Test void nameIsANamedVolume() { assertThat(mount("pgdata:/var/lib/postgresql/data")).contains(new Mount(Mount.Type.VOLUME, "pgdata", "/var/lib/postgresql/data", Setting.unset(AT), AT)); }
    @Test void targetOnlyIsAnAnonymousVolume() { assertThat(mount("/cache")).contains(new Mount(Mount.Type.VOLUME, null, "/cache", Setting.unset(AT), AT)); }
    @Test void roModeIsReadOnlyAtTheItem() { assertThat(mount("./conf:/etc/conf:ro").orElseThrow().readOnly()).isEqualTo(Setting.of(true, AT)); }
    @Test void rwModeIsWritable() { assertThat(mount("./conf:/etc/conf:rw").orElseThrow().readOnly()).isEqualTo(Setting.of(false, AT)); }
    @Test void otherModesLeaveReadOnlyUnset() { assertThat(mount("./conf:/etc/conf:z").orElseThrow().readOnly()).isEqualTo(Setting.unset(AT)); }

    @Test
    void longFormByType() {
        Origin typeKey = Origin.at("compose.yaml", 9, 11);
        ComposeNode.Mapping longForm = new ComposeNode.Mapping(List.of(
                member("type", "bind", typeKey),
                member("source", "/etc", Origin.at("compose.yaml", 10, 11)),
                member("target", "/host-etc", Origin.at("compose.yaml", 11, 11)),
                member("read_only", "true", Origin.at("compose.yaml", 12, 11))), typeKey, 12, null);
        assertThat(VolumeSyntax.mount(longForm, new ArrayList<>()))
                .contains(new Mount(Mount.Type.BIND, "/etc", "/host-etc", Setting.of(true, typeKey), typeKey));
    }

    @Test
    void longFormWithoutTargetIsAnError() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ComposeNode.Mapping longForm = new ComposeNode.Mapping(List.of(member("type", "volume", AT)), AT, 9, null);
        assertThat(VolumeSyntax.mount(longForm, diagnostics)).isEmpty();
        assertThat(diagnostics).containsExactly(Diagnostic.error(AT, "a volume needs a target"));
    }

    @Test
    void tmpfsEntryKeepsItsSizeAtTheItem() {
        List<Mount> mounts = VolumeSyntax.tmpfs(new ComposeNode.Scalar("/run:size=64m,mode=1777", false, AT, null), new ArrayList<>());
        assertThat(mounts).containsExactly(new Mount(Mount.Type.TMPFS, null, "/run", Setting.unset(AT), AT, Setting.of("64m", AT)));
    }

    @Test
    void tmpfsSizeMayComeAfterOtherOptions() {
        assertThat(tmpfsSize("/tmp:rw,noexec, size=1g")).isEqualTo(Setting.of("1g", AT));
    }

    @Test
    void tmpfsWithoutSizeOptionHasNoSizeLimit() {
        assertThat(tmpfsSize("/tmp:rw,noexec,nosuid")).isEqualTo(Setting.unset(AT));
        assertThat(tmpfsSize("/tmp")).isEqualTo(Setting.unset(AT));
        assertThat(tmpfsSize("/tmp:size=")).isEqualTo(Setting.unset(AT));
        assertThat(tmpfsSize("/tmp:sizes=1g")).isEqualTo(Setting.unset(AT));
    }

    private static Setting<String> tmpfsSize(String written) {
        return VolumeSyntax.tmpfs(new ComposeNode.Scalar(written, false, AT, null), new ArrayList<>()).getFirst().sizeLimit();
    }

    @Test
    void longFormTmpfsSizeIsAtTheSizeKey() {
        Origin sizeKey = Origin.at("compose.yaml", 12, 13);
        ComposeNode.Mapping options = new ComposeNode.Mapping(List.of(member("size", "64m", sizeKey)), sizeKey, 12, null);
        ComposeNode.Mapping longForm = new ComposeNode.Mapping(List.of(
                member("type", "tmpfs", AT),
                member("target", "/scratch", Origin.at("compose.yaml", 10, 11)),
                new ComposeNode.Member("tmpfs", Origin.at("compose.yaml", 11, 11), options)), AT, 12, null);
        assertThat(VolumeSyntax.mount(longForm, new ArrayList<>()))
                .contains(new Mount(Mount.Type.TMPFS, null, "/scratch", Setting.unset(AT), AT, Setting.of("64m", sizeKey)));
    }

    @Test
    void longFormTmpfsOptionsThatAreNotAMappingAreAnError() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Origin optionsValue = Origin.at("compose.yaml", 11, 18);
        ComposeNode.Mapping longForm = new ComposeNode.Mapping(List.of(
                member("type", "tmpfs", AT),
                member("target", "/scratch", Origin.at("compose.yaml", 10, 11)),
                new ComposeNode.Member("tmpfs", Origin.at("compose.yaml", 11, 11), new ComposeNode.Scalar("64m", false, optionsValue, null))), AT, 11, null);
        assertThat(VolumeSyntax.mount(longForm, diagnostics))
                .contains(new Mount(Mount.Type.TMPFS, null, "/scratch", Setting.unset(AT), AT, Setting.unset(AT)));
        assertThat(diagnostics).containsExactly(Diagnostic.error(optionsValue, "'tmpfs' must be a mapping (size, mode), not a scalar"));
    }

    @Test
    void onlyTmpfsVolumesHaveASizeLimit() {
        Origin sizeKey = Origin.at("compose.yaml", 12, 13);
        ComposeNode.Mapping options = new ComposeNode.Mapping(List.of(member("size", "64m", sizeKey)), sizeKey, 12, null);
        ComposeNode.Mapping longForm = new ComposeNode.Mapping(List.of(
                member("type", "volume", AT),
                member("target", "/data", Origin.at("compose.yaml", 10, 11)),
                new ComposeNode.Member("tmpfs", Origin.at("compose.yaml", 11, 11), options)), AT, 12, null);
        assertThat(VolumeSyntax.mount(longForm, new ArrayList<>()).orElseThrow().sizeLimit()).isEqualTo(Setting.unset(AT));
    }

    private static ComposeNode.Member member(String key, String value, Origin origin) {
        return new ComposeNode.Member(key, origin, new ComposeNode.Scalar(value, false, origin, null));
    }
}
