package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {

    private final ByteSizeConverter converter = new ByteSizeConverter();

    @Test
    void readsBytesAndBinaryUnits() {
        assertThat(converter.convert("1048576")).isEqualTo(1_048_576L);
        assertThat(converter.convert("500k")).isEqualTo(500L * 1024);
        assertThat(converter.convert("500KB")).isEqualTo(500L * 1024);
        assertThat(converter.convert("10MiB")).isEqualTo(10L * 1024 * 1024);
        assertThat(converter.convert("10m")).isEqualTo(10L * 1024 * 1024);
        assertThat(converter.convert("2g")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(converter.convert("100b")).isEqualTo(100L);
    }

    @Test
    void rejectsWhatIsNotASize() {
        for (String bad : new String[] {"", "ten", "-1", "1.5m", "10x", "10ib", "0"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
        assertThatThrownBy(() -> converter.convert("99999999999999999999g")).hasMessageContaining("too large");
        assertThatThrownBy(() -> converter.convert("9999999999999g")).hasMessageContaining("too large");
    }
}
