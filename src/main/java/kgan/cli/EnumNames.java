package kgan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Lets enum options be written the way people type them: "non-saturating" for
 * NON_SATURATING, in any case.
 */
final class EnumNames {

    private EnumNames() {
    }

    @SafeVarargs
    static void register(CommandLine cli, Class<? extends Enum<?>>... types) {
        for (Class<? extends Enum<?>> type : types) {
            registerOne(cli, type);
        }
    }

    private static <E extends Enum<?>> void registerOne(CommandLine cli, Class<E> type) {
        cli.registerConverter(type, text -> parse(type, text));
    }

    static <E extends Enum<?>> E parse(Class<E> type, String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of " + names(type));
    }

    static List<String> names(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names;
    }
}
