package dev.shipshape.load.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which words open a heredoc, after BuildKit's parser_heredoc_test.go; one case a line. */
class HeredocMarkerTest {

    private static HeredocMarker plain(String terminator) {
        return new HeredocMarker(terminator, false);
    }

    @Test void simple() { assertThat(HeredocMarker.find("RUN <<EOF")).containsExactly(plain("EOF")); }
    @Test void fileDescriptor() { assertThat(HeredocMarker.find("RUN 3<<EMPTY2")).containsExactly(plain("EMPTY2")); }
    @Test void chomp() { assertThat(HeredocMarker.find("RUN <<-UNINDENT")).containsExactly(new HeredocMarker("UNINDENT", true)); }
    @Test void quotedName() { assertThat(HeredocMarker.find("RUN <<-'NOEXPAND'")).containsExactly(new HeredocMarker("NOEXPAND", true)); }
    @Test void partlyQuotedName() { assertThat(HeredocMarker.find("RUN <<eo'f'")).containsExactly(plain("eof")); }
    @Test void escapedQuoteInName() { assertThat(HeredocMarker.find("RUN <<eo\\'f")).containsExactly(plain("eo'f")); }
    @Test void mixedQuotesInName() { assertThat(HeredocMarker.find("RUN <<'e'o\\'f")).containsExactly(plain("eo'f")); }
    @Test void nameWithSpace() { assertThat(HeredocMarker.find("RUN <<'one two'")).containsExactly(plain("one two")); }
    @Test void dollarName() { assertThat(HeredocMarker.find("RUN <<$EOF")).containsExactly(plain("$EOF")); }
    @Test void spaceAfterTheArrows() { assertThat(HeredocMarker.find("RUN <<  EOF  > foo")).containsExactly(plain("EOF")); }
    @Test void dottedName() { assertThat(HeredocMarker.find("COPY <<file.txt /dest")).containsExactly(plain("file.txt")); }
    @Test void two() { assertThat(HeredocMarker.find("COPY <<X <<Y /dest")).containsExactly(plain("X"), plain("Y")); }
    @Test void quotedWordIsNone() { assertThat(HeredocMarker.find("RUN \"<<NOHEREDOC\"")).isEmpty(); }
    @Test void arrowsAloneAreNone() { assertThat(HeredocMarker.find("RUN cat <<")).isEmpty(); }
    @Test void arrowsInsideAWordAreNone() { assertThat(HeredocMarker.find("RUN echo $((1<<2))")).isEmpty(); }
    @Test void unbalancedQuoteOnTheLineMeansNone() { assertThat(HeredocMarker.find("RUN echo \"x <<EOF")).isEmpty(); }
    @Test void dashThenSpaceIsNone() { assertThat(HeredocMarker.find("RUN <<- EOF")).isEmpty(); }
}
