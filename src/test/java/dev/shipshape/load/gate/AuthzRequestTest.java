package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The daemon's AuthZReq, field names as moby's pkg/authorization writes them. */
class AuthzRequestTest {

    private static AuthzRequest.Parsed parse(String json) {
        return AuthzRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldAndDecodesTheBody() {
        AuthzRequest request = ((AuthzRequest.Readable) parse("""
                {"User":"alice","UserAuthNMethod":"TLS","RequestMethod":"post","RequestUri":"/v1.41/containers/create?name=web",
                 "RequestBody":"eyJJbWFnZSI6Im5naW54In0=","RequestHeaders":{"Content-Type":"application/json","User-Agent":"Docker-Client/28.2.2 (linux)"},
                 "RequestPeerCertificates":["LS0t"],"Unknown":{"nested":[1,2]}}
                """)).request();

        assertThat(request.user()).isEqualTo("alice");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawUri()).isEqualTo("/v1.41/containers/create?name=web");
        assertThat(new String(request.body().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"Image\":\"nginx\"}");
        assertThat(request.headers()).isEqualTo(Map.of("Content-Type", "application/json", "User-Agent", "Docker-Client/28.2.2 (linux)"));
        assertThat(request.header("content-type")).contains("application/json");
    }

    @Test
    void anAbsentNullOrEmptyBodyIsNoBody() {
        for (String body : new String[] {"", ",\"RequestBody\":null", ",\"RequestBody\":\"\""}) {
            AuthzRequest request = ((AuthzRequest.Readable) parse("{\"RequestMethod\":\"GET\",\"RequestUri\":\"/_ping\"" + body + "}")).request();

            assertThat(request.body()).as(body).isEmpty();
            assertThat(request.user()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                        | the authorization request is empty
            '{"RequestMethod":"POST","RequestUri":"/v1.41/containers/cre' | the authorization request is not JSON
            '[1]'                                                     | the authorization request is not a JSON object
            '{"RequestUri":"/_ping"}'                                 | the authorization request names no RequestMethod
            '{"RequestMethod":"POST","RequestBody":"%%%"}'            | RequestBody is not valid base64
            '{"RequestMethod":"POST","RequestBody":[1]}'              | RequestBody is not base64 text
            """)
    void whatCannotBeReadSaysWhy(String json, String problem) {
        assertThat(parse(json)).isEqualTo(new AuthzRequest.Unreadable(problem));
    }
}
