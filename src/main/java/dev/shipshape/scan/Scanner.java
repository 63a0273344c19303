package dev.shipshape.scan;

/** Finds the files, loads them, runs the rules and applies the policy. (Being written in this session.) */
public final class Scanner {

    public ScanOutcome scan(ScanRequest request) throws ConfigurationException {
        throw new ConfigurationException("scanning is not built yet");
    }
}
