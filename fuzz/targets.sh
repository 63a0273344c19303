# The fuzz targets by short name, for fuzz/run.sh and fuzz/ci.sh (sourced, not run).
FUZZ_TARGETS=(compose kubernetes dockerfile daemonConfig authzEnvelope dockerRequest goJson admissionReview)

# The @FuzzTest a short name stands for, as package.Class#method (which may also be given as it is).
fuzz_test() {
  case "$1" in
    compose|kubernetes|dockerfile|daemonConfig) echo "dev.shipshape.load.LoaderFuzzTest#${1}LoaderEndsWithDiagnosticsNotExceptions" ;;
    authzEnvelope) echo "dev.shipshape.load.gate.GateReaderFuzzTest#authzEnvelopeIsReadOrRefused" ;;
    dockerRequest) echo "dev.shipshape.load.gate.GateReaderFuzzTest#dockerRequestIsNeverAllowedByReadingFailure" ;;
    goJson) echo "dev.shipshape.load.gate.GateReaderFuzzTest#goJsonReadsOrCallsUndecidable" ;;
    admissionReview) echo "dev.shipshape.load.gate.GateReaderFuzzTest#admissionReviewIsReadOrUnreadable" ;;
    *.*#*) echo "$1" ;;
    *) echo "fuzz: unknown target '$1' (known: ${FUZZ_TARGETS[*]})" >&2; return 1 ;;
  esac
}
