package dev.shipshape.gate;

import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.DockerRequest;
import dev.shipshape.load.gate.DockerRequests;
import dev.shipshape.load.gate.EngineEndpoints;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Enforcement.Action;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Docker authorization plugin's three methods: {@code Plugin.Activate} (this plugin implements
 * {@code authz}), {@code AuthZPlugin.AuthZReq} (decides, before the daemon acts) and
 * {@code AuthZPlugin.AuthZRes} (allows every response: a denial there would come after the action
 * had already happened). Every AuthZReq is decided, logged and counted.
 */
final class AuthzHandler {

    static final String DOOR = "docker";
    /** The decision log's name for a request that matches no Engine API endpoint. */
    static final String UNCLASSIFIED = "unclassified";

    /** The answer to most requests, made once. */
    private static final Reply ALLOW = new Reply(200, "{\"Allow\":true,\"Msg\":\"\"}".getBytes(StandardCharsets.US_ASCII), Reply.JSON_TYPE);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    });

    private final Judge judge;
    private final DecisionLog log;
    private final Metrics metrics;

    /** Observe mode: every request is allowed, and what would have been decided goes here. */
    private final Optional<DecisionObserver> observer;
    private final Function<AuthzRequest, DockerRequest> reader;

    AuthzHandler(Judge judge, DecisionLog log, Metrics metrics, Optional<DecisionObserver> observer) {
        this(judge, log, metrics, observer, DockerRequests::read);
    }

    /** @param reader how a request is read ({@link DockerRequests#read}; tests give one that fails) */
    AuthzHandler(Judge judge, DecisionLog log, Metrics metrics, Optional<DecisionObserver> observer,
            Function<AuthzRequest, DockerRequest> reader) {
        this.judge = judge;
        this.log = log;
        this.metrics = metrics;
        this.observer = observer;
        this.reader = reader;
    }

    Reply activate() {
        return Reply.json(200, Map.of("Implements", List.of("authz")));
    }

    Reply response() {
        return allowReply(true, "");
    }

    Reply request(byte[] body) {
        Enforcement enforcement = judge.enforcement();
        String user = "";
        String method = "";
        String uri = "";
        String bodySha256 = "";
        Optional<DockerRequest> docker = Optional.empty();
        Optional<Action> action = Optional.empty();
        Optional<AuthzRequest> observedRequest = Optional.empty();
        Decision decision;
        try {
            AuthzRequest.Parsed parsed = AuthzRequest.parse(body);
            switch (parsed) {
                case AuthzRequest.Readable(AuthzRequest request) -> {
                    user = request.user();
                    method = request.method();
                    uri = request.rawUri();
                    bodySha256 = request.body().map(AuthzHandler::sha256).orElse("");
                    observedRequest = Optional.of(request);
                    docker = Optional.of(reader.apply(request));
                    action = action(docker.get(), enforcement);
                    decision = decide(docker.get(), action, request.user(), enforcement);
                }
                case AuthzRequest.Unreadable(String problem, Optional<String> readMethod, Optional<String> readUri) -> {
                    method = readMethod.orElse("");
                    uri = readUri.orElse("");
                    // what can still be told of the endpoint decides whether failure: open may answer
                    if (readMethod.isPresent() && readUri.isPresent()) {
                        docker = Optional.of(reader.apply(new AuthzRequest("", method, uri, Optional.empty(), Map.of())));
                        action = action(docker.get(), enforcement);
                    }
                    decision = Decision.undecided(enforcement.failure(), "the authorization request " + problem,
                            docker.isPresent() && !docker.get().judgedOrGuarded());
                }
            }
        } catch (RuntimeException bug) {
            Incident incident = Incident.report("deciding an authorization request", bug);
            decision = Decision.undecided(enforcement.failure(), incident.message("decide this request"),
                    docker.isPresent() && !docker.get().judgedOrGuarded());
        }
        String endpoint = docker.flatMap(DockerRequest::endpoint).map(EngineEndpoints.Endpoint::display)
                .orElse(docker.isPresent() ? UNCLASSIFIED : "");
        try {
            log.write(new DecisionLog.Entry(DOOR, user, method, uri, endpoint, docker.map(DockerRequest::object).orElse(""),
                    action.map(Action::configName), bodySha256, decision, observer.isEmpty()));
        } catch (RuntimeException cannotLog) {
            // the log's writer has said why, once; an unlogged allow follows the failure stance
            if (decision.allows()) decision = Decision.undecided(enforcement.failure(), "the decision log cannot be written");
        }
        metrics.decision(DOOR, decision, observer.isEmpty());
        if (observer.isPresent()) {
            observer.get().observed(observedRequest, docker.map(DockerRequest::input), decision);
            return allowReply(true, "");
        }
        return allowReply(decision.allows(), decision.message());
    }

    private static String sha256(byte[] body) {
        return HexFormat.of().formatHex(SHA_256.get().digest(body));
    }

    /**
     * The action the request is under this policy: its own, except that with {@code guard-all-builds}
     * every build is build-privileged, since its options may come from a body the gate never sees.
     */
    private static Optional<Action> action(DockerRequest docker, Enforcement enforcement) {
        boolean build = docker.endpoint().map(endpoint -> endpoint.reading() == EngineEndpoints.Reading.BUILD).orElse(false);
        return build && enforcement.guardAllBuilds() ? docker.endpoint().get().action() : docker.action();
    }

    private Decision decide(DockerRequest docker, Optional<Action> action, String user, Enforcement enforcement) {
        if (docker.input() instanceof GateInput.Refused(String reason, String message)) {
            return Decision.refused(reason, message);
        }
        if (action.isPresent() && !enforcement.permits(action.get(), user)) {
            return notPermitted(action.get(), docker.action().isEmpty(), user, enforcement);
        }
        return switch (docker.input()) {
            case GateInput.NotInspected notInspected -> Decision.allowed();
            case GateInput.Unreadable(String problem) -> Decision.undecided(enforcement.failure(), problem, !docker.judgedOrGuarded());
            case GateInput.Modelled modelled -> judge.judge(modelled);
            case GateInput.Refused refused -> throw new IllegalStateException("handled above");
        };
    }

    /** @param byPolicy the request is this action only because the policy says so ({@code guard-all-builds}) */
    private static Decision notPermitted(Action action, boolean byPolicy, String user, Enforcement enforcement) {
        String who = user.isEmpty() ? "an unauthenticated user (the daemon names none without TLS client certificates)" : "user '" + user + "'";
        if (action.guarded() && !enforcement.allowedUsers().containsKey(action)) {
            String why = byPolicy ? "enforce.guard-all-builds makes every build one, since dockerd can take a build's options "
                    + "(networkmode=host among them) from a form body the gate never sees" : action.guardWhy();
            return Decision.refused(action.guardReason(), "%s may not %s: %s, so only users listed under enforce.allowed-users.%s may"
                    .formatted(who, action.configName(), why, action.configName()));
        }
        List<String> allowed = enforcement.allowedUsers().getOrDefault(action, java.util.Set.of()).stream().sorted().toList();
        return Decision.refused("allowed-users", allowed.isEmpty()
                ? "%s may not %s; enforce.allowed-users.%s lists nobody".formatted(who, action.configName(), action.configName())
                : "%s may not %s; only %s may".formatted(who, action.configName(), String.join(", ", allowed)));
    }

    private static Reply allowReply(boolean allow, String message) {
        if (allow && message.isEmpty()) return ALLOW;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Allow", allow);
        answer.put("Msg", message);
        return Reply.json(200, answer);
    }
}
