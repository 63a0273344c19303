package dev.shipshape.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, driven headless through chromedriver's W3C WebDriver API with the JDK's
 * HttpClient: open a page from disk, run script, click, read visible text, read the console,
 * take a screenshot. No Selenium: the dozen endpoints used here are the whole need.
 *
 * <p>Missing binaries fail the test with what to install ({@code .ci/run} installs them), as the
 * live Docker tests do: a report that was never opened in a browser must not pass as tested.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final Path driverLog;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String session;

    private HeadlessChromium(Process driver, Path driverLog, URI base) throws IOException, InterruptedException {
        this.driver = driver;
        this.driverLog = driverLog;
        this.base = base;
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", CHROMIUM.toString());
        ArrayNode args = options.putArray("args");
        for (String arg : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=1400,1000", "--force-device-scale-factor=1")) {
            args.add(arg);
        }
        ObjectNode capabilities = JSON.createObjectNode();
        ObjectNode alwaysMatch = capabilities.putObject("capabilities").putObject("alwaysMatch");
        alwaysMatch.put("browserName", "chrome");
        alwaysMatch.set("goog:chromeOptions", options);
        alwaysMatch.putObject("goog:loggingPrefs").put("browser", "ALL");
        this.session = call("POST", "/session", capabilities).path("sessionId").asText();
    }

    static HeadlessChromium start() throws IOException, InterruptedException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run does)");
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("chromedriver", ".log");
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plusSeconds(30);
        HttpClient probe = HttpClient.newHttpClient();
        while (true) {
            try {
                HttpResponse<String> status = probe.send(HttpRequest.newBuilder(base.resolve("/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(status.body()).path("value").path("ready").asBoolean()) break;
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            if (!driver.isAlive() || Instant.now().isAfter(deadline)) {
                driver.destroyForcibly();
                throw new IllegalStateException("chromedriver did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        try {
            return new HeadlessChromium(driver, log, base);
        } catch (IOException | RuntimeException failure) {
            driver.destroyForcibly();
            throw failure;
        }
    }

    void open(Path file) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("url", file.toAbsolutePath().toUri().toString());
        call("POST", sessionPath("/url"), body);
    }

    /** Runs {@code script} (a function body: use {@code return}) in the page and gives back its result. */
    JsonNode script(String script, Object... arguments) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.set("args", JSON.valueToTree(arguments));
        return call("POST", sessionPath("/execute/sync"), body);
    }

    /** The ids of the elements a CSS selector matches, in document order. */
    List<String> elements(String cssSelector) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("using", "css selector").put("value", cssSelector);
        List<String> ids = new ArrayList<>();
        for (JsonNode element : call("POST", sessionPath("/elements"), body)) ids.add(element.path(ELEMENT).asText());
        return ids;
    }

    String element(String cssSelector) throws IOException, InterruptedException {
        List<String> found = elements(cssSelector);
        if (found.size() != 1) throw new AssertionError(found.size() + " elements match " + cssSelector + ", expected one");
        return found.getFirst();
    }

    /** A real pointer click, as a user's: scrolled into view, refused when something covers the element. */
    void click(String elementId) throws IOException, InterruptedException {
        call("POST", sessionPath("/element/" + elementId + "/click"), JSON.createObjectNode());
    }

    /** The element's rendered text (what a user sees: hidden parts left out). */
    String text(String elementId) throws IOException, InterruptedException {
        return call("GET", sessionPath("/element/" + elementId + "/text"), null).asText();
    }

    boolean displayed(String elementId) throws IOException, InterruptedException {
        return call("GET", sessionPath("/element/" + elementId + "/displayed"), null).asBoolean();
    }

    /** Chooses an option of a {@code <select>} the way a user does: click the list, click the option. */
    void choose(String selectCss, String optionValue) throws IOException, InterruptedException {
        click(element(selectCss));
        click(element(selectCss + " option[value=\"" + optionValue.replace("\"", "\\\"") + "\"]"));
    }

    /** The browser console since the last call: one "LEVEL message" per entry. */
    List<String> console() throws IOException, InterruptedException {
        List<String> entries = new ArrayList<>();
        JsonNode log = call("POST", sessionPath("/se/log"), JSON.createObjectNode().put("type", "browser"));
        for (JsonNode entry : log) entries.add(entry.path("level").asText() + " " + entry.path("message").asText());
        return entries;
    }

    /** A PNG of the whole page: the window is made as tall as the page (up to {@code maxHeight}) first. */
    void screenshot(Path png, int maxHeight) throws IOException, InterruptedException {
        int height = Math.min(maxHeight, script("return document.documentElement.scrollHeight;").asInt());
        call("POST", sessionPath("/window/rect"), JSON.createObjectNode().put("width", 1400).put("height", Math.max(height, 600)));
        String base64 = call("GET", sessionPath("/screenshot"), null).asText();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(base64));
        call("POST", sessionPath("/window/rect"), JSON.createObjectNode().put("width", 1400).put("height", 1000));
    }

    /** A PNG of one element, scrolled into view. */
    void screenshot(String elementId, Path png) throws IOException, InterruptedException {
        String base64 = call("GET", sessionPath("/element/" + elementId + "/screenshot"), null).asText();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(base64));
    }

    private String sessionPath(String command) {
        return "/session/" + session + command;
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json; charset=utf-8");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " answered " + response.statusCode() + ": "
                    + answer.path("value").path("error").asText() + ": " + answer.path("value").path("message").asText());
        }
        return answer.path("value");
    }

    @Override
    public void close() throws IOException {
        try {
            call("DELETE", sessionPath(""), null);
        } catch (IOException | RuntimeException ignored) {
            // the browser is going away regardless
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, TimeUnit.SECONDS)) driver.destroyForcibly();
            } catch (InterruptedException interrupted) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(driverLog);
        }
    }
}
