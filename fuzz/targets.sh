# The fuzz targets by short name, for fuzz/run.sh and fuzz/ci.sh (sourced, not run).
FUZZ_TARGETS=(compose kubernetes dockerfile daemonConfig authzEnvelope dockerRequest goJson admissionReview)

# The @FuzzTest a short name stands for, as Class#method.
fuzz_test() {
  case "$1" in
    compose|kubernetes|dockerfile|daemonConfig) echo "LoaderFuzzTest#${1}LoaderEndsWithDiagnosticsNotExceptions" ;;
    authzEnvelope) echo "GateReaderFuzzTest#authzEnvelopeIsReadOrRefused" ;;
    dockerRequest) echo "GateReaderFuzzTest#dockerRequestIsNeverAllowedByReadingFailure" ;;
    goJson) echo "GateReaderFuzzTest#goJsonReadsOrCallsUndecidable" ;;
    admissionReview) echo "GateReaderFuzzTest#admissionReviewIsReadOrUnreadable" ;;
    *) echo "fuzz: unknown target '$1' (known: ${FUZZ_TARGETS[*]})" >&2; return 1 ;;
  esac
}
