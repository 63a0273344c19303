package dev.shipshape.gate;

import java.util.concurrent.ThreadLocalRandom;

/**
 * An internal error while answering a request. The caller learns only that shipshape could not
 * decide, with an id to quote; the exception, which may name files and classes, goes to the
 * server's own log under the same id.
 *
 * @param id a short random hex id, shared by the answer and the log line
 */
record Incident(String id) {

    /** Logs the error on standard error and returns the incident to quote in the answer. */
    static Incident report(String doing, Throwable bug) {
        Incident incident = new Incident(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
        StackTraceElement[] where = bug.getStackTrace();
        System.err.println("shipshape serve: internal error " + doing + " (incident " + incident.id + "): "
                + bug + (where.length > 0 ? " at " + where[0] : ""));
        return incident;
    }

    /** What the client is told: "shipshape could not decide this request (incident 3f2a…; …)". */
    String message(String what) {
        return "shipshape could not " + what + " (incident " + id + "; its server log has the details)";
    }
}
