package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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
                {"User":"alice","UserAuthNMethod":"TLS","RequestMethod":"POST","RequestUri":"/v1.41/containers/create?name=web",
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

    @Test
    void theMethodIsKeptAsSentForGoMatchesItCaseSensitively() {
        assertThat(((AuthzRequest.Readable) parse("{\"RequestMethod\":\"post\",\"RequestUri\":\"/_ping\"}")).request().method())
                .isEqualTo("post");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                        | is empty
            '{"RequestMethod":"POST","RequestUri":"/v1.41/containers/cre' | is not JSON
            '[1]'                                                     | is not a JSON object
            """)
    void anEnvelopeThatIsNotAnObjectSaysWhy(String json, String problem) {
        assertThat(parse(json)).isEqualTo(new AuthzRequest.Unreadable(problem));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"RequestUri":"/_ping"}'                                               | names no RequestMethod          |      | /_ping
            '{"RequestMethod":"GET"}'                                               | names no RequestUri             | GET  |
            '{"RequestMethod":"GET","RequestUri":""}'                               | names no RequestUri             | GET  |
            '{"RequestMethod":"GET","RequestUri":["/_ping"]}'                       | has a RequestUri that is not a string | GET |
            '{"RequestMethod":1,"RequestUri":"/_ping"}'                             | has a RequestMethod that is not a string |  | /_ping
            '{"RequestMethod":"POST","RequestUri":"/x","RequestBody":"%%%"}'        | has a RequestBody that is not base64 | POST | /x
            '{"RequestMethod":"POST","RequestUri":"/x","RequestBody":[1]}'          | has a RequestBody that is not a string | POST | /x
            '{"RequestMethod":"POST","RequestUri":"/x","User":{"CN":"ops"}}'        | has a User that is not a string | POST | /x
            '{"RequestMethod":"POST","RequestUri":"/x","RequestHeaders":"a"}'       | has RequestHeaders that are not an object | POST | /x
            '{"RequestMethod":"POST","RequestUri":"/x","RequestHeaders":{"A":1}}'   | has a header that is not a string | POST | /x
            '{"RequestMethod":"GET","RequestUri":"/_ping","RequestUri":"/v1.41/swarm/join"}' | gives RequestUri twice | GET | /v1.41/swarm/join
            '{"RequestMethod":"GET","RequestUri":"/_ping","User":"a","User":"ops"}' | gives User twice                | GET  | /_ping
            """)
    void aMalformedEnvelopeSaysWhatAndKeepsWhatCouldBeRead(String json, String problem, String method, String uri) {
        assertThat(parse(json)).isEqualTo(new AuthzRequest.Unreadable(problem, Optional.ofNullable(method), Optional.ofNullable(uri)));
    }

    /** The body is decoded from the parser's characters: JSON escapes first, then base64 as Java's basic decoder reads it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eyJJbWFnZSI6Im5naW54In0=         | {"Image":"nginx"}
            eyJJbWFnZSI6Im5naW54In0          | {"Image":"nginx"}
            eyJJbWFnZSI6Im5na\\u0057\\u0035\\u0034In0= | {"Image":"nginx"}
            P\\/8=                            | ?\u00ff
            """)
    void theBodyIsDecodedAfterItsJsonEscapes(String base64, String body) {
        AuthzRequest request = ((AuthzRequest.Readable) parse(
                "{\"RequestMethod\":\"POST\",\"RequestUri\":\"/x\",\"RequestBody\":\"" + base64 + "\"}")).request();

        assertThat(new String(request.body().orElseThrow(), StandardCharsets.ISO_8859_1)).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eyJJbWFnZSI6Im5naW54In0=\u00e9
            \u00e9eyJJbWFnZSI6Im5naW54In0=
            eyJJbWFnZ\u0130I6Im5naW54In0=
            'eyJJbWFnZSI6Im5n aW54In0='
            eyJJbWFnZSI6Im5naW54In0=\\n
            """)
    void aBodyWithACharacterOutsideBase64IsNotBase64(String base64) {
        assertThat(parse("{\"RequestMethod\":\"POST\",\"RequestUri\":\"/x\",\"RequestBody\":\"" + base64 + "\"}"))
                .isEqualTo(new AuthzRequest.Unreadable("has a RequestBody that is not base64", Optional.of("POST"), Optional.of("/x")));
    }

    @Test
    void theBodyIsFoundWhereverTheEnvelopePutsIt() {
        AuthzRequest request = ((AuthzRequest.Readable) parse("""
                {
                  "RequestMethod" : "POST", "RequestUri" : "/x",
                  "RequestBody" :
                    "eyJJbWFnZSI6Im5naW54In0=" ,
                  "RequestHeaders" : {"RequestBody": "e30="}
                }
                """)).request();

        assertThat(new String(request.body().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"Image\":\"nginx\"}");
    }
}
