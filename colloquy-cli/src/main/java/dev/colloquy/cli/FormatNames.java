package dev.colloquy.cli;

import dev.colloquy.format.InputFormat;
import dev.colloquy.format.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Format names on the command line: lower case as documented, any case accepted. */
final class FormatNames {

    private FormatNames() {
    }

    static final class In implements CommandLine.ITypeConverter<InputFormat>, Iterable<String> {
        @Override
        public InputFormat convert(String value) {
            return parse(InputFormat.class, value);
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(InputFormat.values()).map(InputFormat::cliName).iterator();
        }
    }

    static final class Out implements CommandLine.ITypeConverter<OutputFormat>, Iterable<String> {
        @Override
        public OutputFormat convert(String value) {
            return parse(OutputFormat.class, value);
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OutputFormat.values()).map(OutputFormat::cliName).iterator();
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }
}
