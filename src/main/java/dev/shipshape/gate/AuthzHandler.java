package dev.shipshape.gate;

import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.DockerRequest;
import dev.shipshape.load.gate.DockerRequests;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Enforcement.Action;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker authorization plugin's three methods: {@code Plugin.Activate} (this plugin implements
 * {@code authz}), {@code AuthZPlugin.AuthZReq} (decides, before the daemon acts) and
 * {@code AuthZPlugin.AuthZRes} (allows every response: a denial there would come after the action
 * had already happened). Every AuthZReq is decided, logged and counted.
 */
final class AuthzHandler {

    static final String DOOR = "docker";

    private final Judge judge;
    private final DecisionLog log;
    private final Metrics metrics;
    /** Observe mode: every request is allowed, and what would have been decided goes here. */
    private final Optional<DecisionObserver> observer;

    AuthzHandler(Judge judge, DecisionLog log, Metrics metrics, Optional<DecisionObserver> observer) {
        this.judge = judge;
        this.log = log;
        this.metrics = metrics;
        this.observer = observer;
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
        Optional<String> action = Optional.empty();
        Optional<AuthzRequest> observedRequest = Optional.empty();
        Optional<GateInput> observedInput = Optional.empty();
        Decision decision;
        try {
            AuthzRequest.Parsed parsed = AuthzRequest.parse(body);
            if (parsed instanceof AuthzRequest.Readable(AuthzRequest request)) {
                user = request.user();
                method = request.method();
                uri = request.rawUri();
                observedRequest = Optional.of(request);
                DockerRequest docker = DockerRequests.read(request);
                observedInput = Optional.of(docker.input());
                action = docker.action().map(Action::configName);
                decision = decide(docker, request.user(), enforcement);
            } else {
                decision = Decision.undecided(enforcement.failure(), ((AuthzRequest.Unreadable) parsed).problem());
            }
        } catch (RuntimeException bug) {
            System.err.println("shipshape serve: internal error deciding an authorization request: " + bug);
            decision = Decision.undecided(enforcement.failure(), "internal error: " + bug);
        }
        try {
            log.write(new DecisionLog.Entry(DOOR, user, method, uri, action, decision, observer.isEmpty()));
        } catch (RuntimeException cannotLog) {
            // the log's writer has said why, once; an unlogged allow follows the failure stance
            if (decision.allows()) decision = Decision.undecided(enforcement.failure(), "the decision log cannot be written");
        }
        metrics.decision(DOOR, decision, observer.isEmpty());
        if (observer.isPresent()) {
            observer.get().observed(observedRequest, observedInput, decision);
            return allowReply(true, "");
        }
        return allowReply(decision.allows(), decision.message());
    }

    private Decision decide(DockerRequest docker, String user, Enforcement enforcement) {
        if (docker.input() instanceof GateInput.Refused(String reason, String message)) {
            return Decision.refused(reason, message);
        }
        if (docker.action().isPresent() && !enforcement.permits(docker.action().get(), user)) {
            return notPermitted(docker.action().get(), user, enforcement);
        }
        return switch (docker.input()) {
            case GateInput.NotInspected notInspected -> Decision.allowed();
            case GateInput.Unreadable(String problem) -> Decision.undecided(enforcement.failure(), problem);
            case GateInput.Modelled modelled -> judge.judge(modelled);
            case GateInput.Refused refused -> throw new IllegalStateException("handled above");
        };
    }

    private static Decision notPermitted(Action action, String user, Enforcement enforcement) {
        String who = user.isEmpty() ? "an unauthenticated user (the daemon names none without TLS client certificates)" : "user '" + user + "'";
        if (action.guarded() && !enforcement.allowedUsers().containsKey(action)) {
            return Decision.refused("plugin-guard", ("%s may not %s: disabling, reconfiguring, upgrading, creating or removing "
                    + "plugins through the API could switch authorization off, so only users listed under "
                    + "enforce.allowed-users.%s may").formatted(who, action.configName(), action.configName()));
        }
        List<String> allowed = enforcement.allowedUsers().getOrDefault(action, java.util.Set.of()).stream().sorted().toList();
        return Decision.refused("allowed-users", allowed.isEmpty()
                ? "%s may not %s; enforce.allowed-users.%s lists nobody".formatted(who, action.configName(), action.configName())
                : "%s may not %s; only %s may".formatted(who, action.configName(), String.join(", ", allowed)));
    }

    private static Reply allowReply(boolean allow, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Allow", allow);
        answer.put("Msg", message);
        return Reply.json(200, answer);
    }
}
