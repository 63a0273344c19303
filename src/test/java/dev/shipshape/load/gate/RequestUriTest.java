package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The URI as the daemon's router sees it: every known way to dress up a path ends up as the same path. */
class RequestUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.41/containers/create?name=web          | /containers/create | 1.41
            /containers/create                         | /containers/create |
            /v1.41/containers/cr%65ate                 | /containers/create | 1.41
            /v1.41//containers///create                | /containers/create | 1.41
            /v1.41/x/../containers/create              | /containers/create | 1.41
            /v1.41/./containers/./create/              | /containers/create | 1.41
            //v1.41/containers/create                  | /containers/create | 1.41
            /v1.41/containers%2Fcreate                 | /containers/create | 1.41
            /../../v1.41/containers/create             | /containers/create | 1.41
            http://docker/v1.41/containers/create      | /containers/create | 1.41
            /v1.41/containers/abc/pause?x=/start       | /containers/abc/pause | 1.41
            /v1.41/containers/abc/exec#/start          | /containers/abc/exec | 1.41
            /v1/containers/create                      | /containers/create | 1
            /v1.41                                     | /                  | 1.41
            /version                                   | /version           |
            """)
    void normalizesThePath(String raw, String path, String version) {
        RequestUri uri = RequestUri.parse(raw).orElseThrow();

        assertThat(uri.path()).isEqualTo(path);
        assertThat(uri.apiVersion()).isEqualTo(Optional.ofNullable(version));
    }

    @Test
    void parsesTheQueryApartAndDecodesIt() {
        RequestUri uri = RequestUri.parse("/v1.41/plugins/pull?remote=vieux%2Fsshfs%3Alatest&name=my+fs&name=second&bad=%zz").orElseThrow();

        assertThat(uri.path()).isEqualTo("/plugins/pull");
        assertThat(uri.query()).isEqualTo(Map.of("remote", List.of("vieux/sshfs:latest"), "name", List.of("my fs", "second")));
        assertThat(uri.parameter("name")).contains("my fs");
        assertThat(uri.parameter("missing")).isEmpty();
    }

    @Test
    void aPathWithABadEscapeCannotBeDecoded() {
        assertThat(RequestUri.parse("/v1.41/containers/cr%6")).isEmpty();
        assertThat(RequestUri.parse("/v1.41/containers/cr%zzate")).isEmpty();
    }

    @Test
    void aPlusInThePathStaysAPlus() {
        assertThat(RequestUri.parse("/containers/a+b/exec").orElseThrow().segments()).containsExactly("containers", "a+b", "exec");
    }

    @ParameterizedTest(name = "{0} older than 1.24: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.23/containers/x/start | true
            /v1.12/containers/x/start | true
            /v1.9/containers/x/start  | true
            /v1/containers/x/start    | true
            /v./containers/x/start    | true
            /v1..24/containers/x/start | true
            /v1.24/containers/x/start | false
            /v1.24.0/containers/x/start | false
            /v1.41/containers/x/start | false
            /v2/containers/x/start    | false
            /containers/x/start       | false
            """)
    void comparesApiVersionsAsNumbers(String raw, boolean older) {
        assertThat(RequestUri.parse(raw).orElseThrow().isOlderThan("1.24")).isEqualTo(older);
    }
}
