package dev.shipshape.scan;

import dev.shipshape.scan.InputRefused.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads an input file so that no file can block or exhaust the scan: its attributes are read
 * first, without opening it, and only a regular file within the size limit is opened. Named pipes,
 * sockets and devices are refused (opening a pipe waits for a writer; {@code /dev/zero} never
 * ends), and so is anything under {@code /proc} or {@code /sys}, whose sizes say nothing about
 * what a read returns ({@code /proc/kmsg} says 0 and blocks). The read itself stops one byte past
 * the limit, in case the file grew since its size was read.
 *
 * <p>Text is decoded strictly. The encoding is the byte-order mark's (UTF-8, UTF-16 or UTF-32, either
 * byte order); without one, the first bytes decide as YAML 1.2 and JSON (RFC 4627) specify: ASCII
 * text in UTF-16 or UTF-32 has zero bytes in a pattern no UTF-8 text has. Otherwise it is UTF-8.
 */
public final class InputFile {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private InputFile() {
    }

    /** Reads and decodes a file of at most {@code limit} bytes. */
    public static String readText(Path file, long limit) throws IOException {
        return decode(readBytes(file, limit));
    }

    /** Reads a file of at most {@code limit} bytes, after {@link #check checking} it. */
    public static byte[] readBytes(Path file, long limit) throws IOException {
        long size = check(file);
        if (size > limit) throw tooLarge(limit);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) throw tooLarge(limit);
            return bytes;
        }
    }

    /** Opens a file for a streamed read of any size, after {@link #check checking} it. */
    public static InputStream open(Path file) throws IOException {
        check(file);
        return Files.newInputStream(file);
    }

    /**
     * Refuses what must not be opened, reading only attributes (links are followed); the file's size
     * when it may be read.
     */
    public static long check(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new InputRefused(Reason.NOT_REGULAR, "not a regular file (" + typeOf(file, attributes) + "); not opened");
        }
        Path real = file.toRealPath();
        if (real.startsWith("/proc") || real.startsWith("/sys")) {
            throw new InputRefused(Reason.KERNEL_FILE, "a kernel file under /" + real.getName(0)
                    + ", whose size says nothing about its content; not opened");
        }
        return attributes.size();
    }

    public static InputRefused tooLarge(long limit) {
        return new InputRefused(Reason.TOO_LARGE, "larger than " + bytes(limit) + " limit (use --max-file-size)");
    }

    /** A byte count as people write it: "10 MiB", "64 KiB", "1000 bytes". */
    public static String bytes(long count) {
        if (count >= 1024 * 1024 && count % (1024 * 1024) == 0) return count / (1024 * 1024) + " MiB";
        if (count >= 1024 && count % 1024 == 0) return count / 1024 + " KiB";
        return count + " bytes";
    }

    /** Decodes bytes in the encoding their first bytes name, strictly, without a byte-order mark. */
    public static String decode(byte[] bytes) throws InputRefused {
        Encoding encoding = encodingOf(bytes);
        String text;
        try {
            text = encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, encoding.markLength(), bytes.length - encoding.markLength()))
                    .toString();
        } catch (CharacterCodingException notText) {
            throw new InputRefused(Reason.UNDECODABLE, "not valid " + encoding.charset().name() + " text"
                    + (encoding.markLength() > 0 ? " (as its byte-order mark says)" : ""));
        }
        if (encoding.charset() == StandardCharsets.UTF_8 && encoding.markLength() == 0 && text.indexOf('\0') >= 0) {
            throw new InputRefused(Reason.BINARY, "binary file");
        }
        return text;
    }

    /** An encoding and the length of the byte-order mark that named it (0 when the zero bytes did). */
    public record Encoding(Charset charset, int markLength) {
    }

    public static Encoding encodingOf(byte[] head) {
        int b0 = at(head, 0);
        int b1 = at(head, 1);
        int b2 = at(head, 2);
        int b3 = at(head, 3);
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) return new Encoding(UTF_32BE, 4);
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) return new Encoding(UTF_32LE, 4);
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return new Encoding(StandardCharsets.UTF_8, 3);
        if (b0 == 0xFE && b1 == 0xFF) return new Encoding(StandardCharsets.UTF_16BE, 2);
        if (b0 == 0xFF && b1 == 0xFE) return new Encoding(StandardCharsets.UTF_16LE, 2);
        if (head.length >= 4) {
            // Without a mark: ASCII in a wider encoding, as YAML 1.2 section 5.2 tells them apart.
            if (b0 == 0 && b1 == 0 && b2 == 0 && b3 > 0) return new Encoding(UTF_32BE, 0);
            if (b0 > 0 && b1 == 0 && b2 == 0 && b3 == 0) return new Encoding(UTF_32LE, 0);
            if (b0 == 0 && b1 > 0 && b2 == 0 && b3 > 0) return new Encoding(StandardCharsets.UTF_16BE, 0);
            if (b0 > 0 && b1 == 0 && b2 > 0 && b3 == 0) return new Encoding(StandardCharsets.UTF_16LE, 0);
        }
        return new Encoding(StandardCharsets.UTF_8, 0);
    }

    private static int at(byte[] bytes, int index) {
        return index < bytes.length ? bytes[index] & 0xFF : -1;
    }

    /** What a file that is not regular is, in words. */
    private static String typeOf(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) return "a folder";
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException noUnixView) {
            return "a special file";
        }
    }
}
