package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** kgan help COMMAND wraps its text between words, at picocli's usage width. */
class HelpTextTest {

    /** A file name such as spectra.md or samples-grid.png, where a wrap used to fall. */
    private static final Pattern FILE = Pattern.compile("[\\w-]+\\.(md|csv|png|json)\\b");

    @Test
    void noFileNameIsBrokenAcrossLines() {
        CommandLine top = Main.commandLine();
        for (Map.Entry<String, CommandLine> command : top.getSubcommands().entrySet()) {
            CommandLine cli = command.getValue();
            String usage = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
            StringBuilder text = new StringBuilder(String.join(" ",
                    cli.getCommandSpec().usageMessage().description()));
            for (CommandLine.Model.ArgSpec arg : cli.getCommandSpec().args()) {
                text.append(' ').append(String.join(" ", arg.description()));
            }
            Matcher file = FILE.matcher(text);
            while (file.find()) {
                assertThat(usage).as("kgan help " + command.getKey()).contains(file.group());
            }
        }
    }
}
