package kgan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed writes name the file asked for and the reason, and leave nothing behind. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsNotReplacedAndTheMessageNamesItNotATemporaryFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x"))
                .isInstanceOf(OutputException.class)
                .hasMessage(folder + " cannot be written: is a folder; expected a file");

        assertThat(folder).isEmptyDirectory();
        assertThat(entries(dir)).containsExactly(folder);
    }

    @Test
    void aFileWhereItsFolderShouldBeIsNamedWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "mine");
        Path target = file.resolve("points.csv");

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(OutputException.class)
                .hasMessage(target + " cannot be written: " + file
                        + ": exists and is not a folder");

        assertThat(file).hasContent("mine");
    }

    @Test
    void reasonsComeFromTheSystemOrTheExceptionsClass() {
        Path target = dir.resolve("a").resolve("b.csv");
        assertThat(AtomicFiles.reason(target, new NoSuchFileException(target.toString())))
                .isEqualTo("no such file or directory");
        assertThat(AtomicFiles.reason(target, new AccessDeniedException(dir + "/.b.csv.x.tmp")))
                .isEqualTo("permission denied");
        assertThat(AtomicFiles.reason(target,
                new FileAlreadyExistsException(dir.resolve("a").toString())))
                .isEqualTo(dir.resolve("a") + ": exists and is not a folder");
        assertThat(AtomicFiles.reason(target, new FileSystemException(target.toString(), null,
                "Read-only file system"))).isEqualTo("read-only file system");
        assertThat(AtomicFiles.reason(target, new IOException("No space left on device")))
                .isEqualTo("No space left on device");
    }

    private static java.util.List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
