package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    @TempDir
    Path folder;

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void everyByteOrderMarkNamesItsEncodingAndIsDropped() throws IOException {
        String text = "kind: Pod # é ✓\n";
        assertThat(InputFile.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
        assertThat(InputFile.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)))).isEqualTo(text);
        assertThat(InputFile.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(text);
        assertThat(InputFile.decode(concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, text.getBytes(Charset.forName("UTF-32BE"))))).isEqualTo(text);
        assertThat(InputFile.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, text.getBytes(Charset.forName("UTF-32LE"))))).isEqualTo(text);
    }

    @Test
    void withoutAMarkTheZeroBytesOfAsciiTellUtf16AndUtf32() throws IOException {
        String text = "services: {}\n";
        assertThat(InputFile.decode(text.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(text);
        assertThat(InputFile.decode(text.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(text);
        assertThat(InputFile.decode(text.getBytes(Charset.forName("UTF-32LE")))).isEqualTo(text);
        assertThat(InputFile.decode(text.getBytes(Charset.forName("UTF-32BE")))).isEqualTo(text);
    }

    @Test
    void bytesThatAreNotTextAreRefusedWithTheReason() {
        assertThatThrownBy(() -> InputFile.decode(new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'}))
                .isInstanceOf(InputRefused.class).hasMessage("not valid UTF-8 text");
        assertThatThrownBy(() -> InputFile.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xD8}))
                .isInstanceOf(InputRefused.class).hasMessage("not valid UTF-16LE text (as its byte-order mark says)");
        assertThatThrownBy(() -> InputFile.decode(new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2}))
                .isInstanceOf(InputRefused.class).hasMessage("binary file");
    }

    @Test
    void aFileOverTheLimitIsNotRead() throws IOException {
        Path file = Files.writeString(folder.resolve("big.yaml"), "x".repeat(101));

        assertThatThrownBy(() -> InputFile.readText(file, 100))
                .isInstanceOfSatisfying(InputRefused.class, refused -> assertThat(refused.reason()).isEqualTo(InputRefused.Reason.TOO_LARGE))
                .hasMessage("larger than 100 bytes limit (use --max-file-size)");
        assertThat(InputFile.readText(file, 101)).hasSize(101);
    }

    @Test
    void devicesFoldersAndKernelFilesAreRefusedWithoutBeingOpened() {
        assertThatThrownBy(() -> InputFile.readText(Path.of("/dev/zero"), 100)).hasMessage("not a regular file (a character device); not opened");
        assertThatThrownBy(() -> InputFile.readText(folder, 100)).hasMessage("not a regular file (a folder); not opened");
        assertThatThrownBy(() -> InputFile.readText(Path.of("/proc/self/status"), 100))
                .hasMessage("a kernel file under /proc, whose size says nothing about its content; not opened");
    }

    @Test
    void aLinkIsJudgedByWhatItPointsAt() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("compose.yaml"), Path.of("/proc/kmsg"));

        assertThatThrownBy(() -> InputFile.readText(link, 100))
                .isInstanceOfSatisfying(InputRefused.class, refused -> assertThat(refused.reason()).isEqualTo(InputRefused.Reason.KERNEL_FILE));
    }
}
