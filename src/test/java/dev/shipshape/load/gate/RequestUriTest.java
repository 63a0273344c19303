package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request target as Go's url.ParseRequestURI and gorilla/mux's cleanPath make it. */
class RequestUriTest {

    private static RequestUri parse(String raw) {
        RequestUri.Parsed parsed = RequestUri.parse(raw);
        assertThat(parsed).as(raw).isInstanceOf(RequestUri.Valid.class);
        return ((RequestUri.Valid) parsed).uri();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.41/containers/create?name=web          | /v1.41/containers/create
            /containers/create                         | /containers/create
            /v1.41/containers/cr%65ate                 | /v1.41/containers/create
            /v1.41//containers///create                | /v1.41/containers/create
            /v1.41/x/../containers/create              | /v1.41/containers/create
            /v1.41/./containers/./create               | /v1.41/containers/create
            //v1.41/containers/create                  | /v1.41/containers/create
            /v1.41/containers%2Fcreate                 | /v1.41/containers/create
            /../../v1.41/containers/create             | /v1.41/containers/create
            http://docker/v1.41/containers/create      | /v1.41/containers/create
            http://user@docker:2375/v1.41/containers/create | /v1.41/containers/create
            http:/v1.41/containers/create              | /v1.41/containers/create
            x:/v1.41/plugins/create                    | /v1.41/plugins/create
            HTTP+x.y-z:/v1.41/plugins/create           | /v1.41/plugins/create
            x:v1.41/containers/create                  | ''
            x:                                         | ''
            *                                          | *
            /v1.41/containers/abc/pause?x=/start       | /v1.41/containers/abc/pause
            /v1.41/containers/abc/exec#/start          | /v1.41/containers/abc/exec#/start
            /v1.41/containers/create/                  | /v1.41/containers/create/
            /v1.41/containers/create?                  | /v1.41/containers/create
            /a:b/containers                            | /a:b/containers
            /version                                   | /version
            """)
    void readsThePathAsGoAndMuxDo(String raw, String path) {
        assertThat(parse(raw).path()).isEqualTo(path);
    }

    @Test
    void parsesTheQueryApartAndDecodesIt() {
        RequestUri uri = parse("/v1.41/plugins/pull?remote=vieux%2Fsshfs%3Alatest&name=my+fs&name=second&bad=%zz&semi=a;b=c");

        assertThat(uri.path()).isEqualTo("/v1.41/plugins/pull");
        assertThat(uri.query()).isEqualTo(Map.of("remote", List.of("vieux/sshfs:latest"), "name", List.of("my fs", "second")));
        assertThat(uri.parameter("name")).contains("my fs");
        assertThat(uri.parameters("name")).containsExactly("my fs", "second");
        assertThat(uri.parameter("missing")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.41/containers/cr%6           | the request target's path has a malformed %-escape
            /v1.41/containers/cr%zzate       | the request target's path has a malformed %-escape
            :/v1.41/containers/create        | the request target starts with ':' (a missing scheme)
            v1.41/containers/create          | the request target is neither a path nor an absolute URI
            1x:/containers/create            | the request target is neither a path nor an absolute URI
            """)
    void aTargetGoRefusesIsInvalid(String raw, String problem) {
        assertThat(RequestUri.parse(raw)).isEqualTo(new RequestUri.Invalid(problem));
    }

    @Test
    void anEmptyTargetOrAControlCharacterIsInvalid() {
        assertThat(RequestUri.parse("")).isEqualTo(new RequestUri.Invalid("the request target is empty"));
        assertThat(RequestUri.parse("/containers/create\u0000")).isEqualTo(new RequestUri.Invalid("the request target holds a control character"));
    }

    @Test
    void aPlusInThePathStaysAPlus() {
        assertThat(parse("/containers/a+b/exec").path()).isEqualTo("/containers/a+b/exec");
    }

    /** Paths already clean are returned as they are without being split; the others are cleaned. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.41/containers/create | /v1.41/containers/create
            /                        | /
            /a/                      | /a/
            /.a/..b/...              | /.a/..b/...
            /a/b.                    | /a/b.
            ''                       | /
            a/b                      | /a/b
            //                       | /
            /a//b                    | /a/b
            /a/./b                   | /a/b
            /a/../b                  | /b
            /a/.                     | /a
            /a/..                    | /
            /a/./                    | /a/
            /..                      | /
            /.                       | /
            """)
    void cleansAsMuxCleanPathDoes(String path, String cleaned) {
        assertThat(RequestUri.clean(path)).isEqualTo(cleaned);
    }
}
