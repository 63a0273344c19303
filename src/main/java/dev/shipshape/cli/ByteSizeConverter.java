package dev.shipshape.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a size such as {@code 10MiB}, {@code 500k} or {@code 1048576}. Every unit counts in
 * 1024s, as Docker's {@code mem_limit} does: k = KB = KiB = 1024 bytes.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher matcher = SIZE.matcher(value.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size; write it like 10MiB, 500k or 1048576");
        }
        int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (matcher.group(2).isEmpty() && matcher.group(3) != null && matcher.group(3).length() == 2) {
            throw new TypeConversionException("'" + value + "' is not a size; write it like 10MiB, 500k or 1048576");
        }
        long number;
        try {
            number = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException tooLarge) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        if (number == 0) throw new TypeConversionException("the size must be more than 0");
        if (number > (Long.MAX_VALUE >> shift)) throw new TypeConversionException("'" + value + "' is too large");
        return number << shift;
    }
}
