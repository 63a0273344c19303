package dev.shipshape.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.gate.AdmissionObjects;
import dev.shipshape.load.gate.AdmissionRequest;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes admission webhook: {@code /validate} answers an AdmissionReview with allowed or
 * denied (the findings at or above the threshold as the status message, the milder ones as
 * warnings), {@code /mutate} with a JSON Patch of safe defaults ({@link HardeningPatch}).
 *
 * <p>A body that is no AdmissionReview v1 (empty, not JSON, another kind or apiVersion, no uid)
 * cannot be answered in kind and gets HTTP 400 with the reason; the API server then applies the
 * webhook's failurePolicy.
 */
final class AdmissionHandler {

    static final String DOOR = "kubernetes";
    /** The API server cuts warnings at 256 characters; shorter reads better in kubectl. */
    static final int WARNING_LENGTH = 120;
    /** Warnings beyond 4096 characters in all are dropped by the API server. */
    private static final int MAX_WARNINGS = 25;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Judge judge;
    private final DecisionLog log;
    private final Metrics metrics;

    AdmissionHandler(Judge judge, DecisionLog log, Metrics metrics) {
        this.judge = judge;
        this.log = log;
        this.metrics = metrics;
    }

    Reply validate(byte[] body) {
        AdmissionRequest.Parsed parsed = AdmissionRequest.parse(body);
        if (parsed instanceof AdmissionRequest.Unreadable(String problem)) return Reply.error(400, problem);
        AdmissionRequest request = ((AdmissionRequest.Readable) parsed).request();
        Enforcement enforcement = judge.enforcement();
        Decision decision;
        try {
            decision = switch (AdmissionObjects.read(request)) {
                case GateInput.NotInspected notInspected -> Decision.allowed();
                case GateInput.Unreadable(String problem) -> Decision.undecided(enforcement.failure(), problem);
                case GateInput.Refused(String reason, String message) -> Decision.refused(reason, message);
                case GateInput.Modelled modelled -> judge.judge(modelled);
            };
        } catch (RuntimeException bug) {
            Incident incident = Incident.report("deciding an admission request", bug);
            decision = Decision.undecided(enforcement.failure(), incident.message("decide this request"));
        }
        boolean enforced = !request.dryRun();
        try {
            log.write(new DecisionLog.Entry(DOOR, request.username(), request.operation(), request.path(), Optional.empty(),
                    decision, enforced));
        } catch (RuntimeException cannotLog) {
            // the log's writer has said why, once; an unlogged allow follows the failure stance
            if (decision.allows()) decision = Decision.undecided(enforcement.failure(), "the decision log cannot be written");
        }
        metrics.decision(DOOR, decision, enforced);

        ObjectNode response = NODES.objectNode();
        response.put("uid", request.uid());
        response.put("allowed", decision.allows());
        if (!decision.allows()) response.putObject("status").put("code", 403).put("message", decision.message());
        List<String> warnings = warnings(decision);
        if (!warnings.isEmpty()) {
            ArrayNode list = response.putArray("warnings");
            warnings.forEach(list::add);
        }
        return review(response);
    }

    Reply mutate(byte[] body) {
        AdmissionRequest.Parsed parsed = AdmissionRequest.parse(body);
        if (parsed instanceof AdmissionRequest.Unreadable(String problem)) return Reply.error(400, problem);
        AdmissionRequest request = ((AdmissionRequest.Readable) parsed).request();
        ObjectNode response = NODES.objectNode();
        response.put("uid", request.uid());
        response.put("allowed", true);
        if (AdmissionObjects.judges(request) && request.object().isObject()) {
            try {
                ArrayNode patch = HardeningPatch.of(request, judge.enforcement().mutateReadOnlyRootFilesystem());
                if (!patch.isEmpty()) {
                    response.put("patchType", "JSONPatch");
                    response.put("patch", Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(patch)));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException bug) {
                // mutation only adds defaults; /validate still judges the object as it is
                Incident incident = Incident.report("making the /mutate patch", bug);
                response.putArray("warnings").add(shortened(incident.message("add its defaults")));
            }
        }
        return review(response);
    }

    private static Reply review(ObjectNode response) {
        ObjectNode review = NODES.objectNode();
        review.put("apiVersion", AdmissionRequest.API_VERSION);
        review.put("kind", AdmissionRequest.KIND);
        review.set("response", response);
        return Reply.json(200, review);
    }

    /** Findings below the threshold (and of warn-only rules), each under {@value #WARNING_LENGTH} characters. */
    static List<String> warnings(Decision decision) {
        List<String> warnings = new ArrayList<>();
        List<Decision.Reason> reasons = decision.warnings();
        for (Decision.Reason reason : reasons.subList(0, Math.min(reasons.size(), MAX_WARNINGS))) {
            String prefix = reason.rule().equals("undecidable-request") ? "shipshape could not check this request" : reason.rule();
            warnings.add(shortened(prefix + ": " + reason.message()));
        }
        if (reasons.size() > MAX_WARNINGS) warnings.add("shipshape: " + (reasons.size() - MAX_WARNINGS) + " more warnings");
        return warnings;
    }

    static String shortened(String text) {
        String single = text.replace('\n', ' ');
        return single.length() < WARNING_LENGTH ? single : single.substring(0, WARNING_LENGTH - 2) + "…";
    }
}
