package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {
    @TempDir
    Path folder;

    /** A jar whose one class-like entry is stored, 1 MiB of text that compresses well. */
    private Path storedJar() throws Exception {
        byte[] content = "public final class Example { }\n".repeat(1 << 15).getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry("dev/example/Example.class");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCrc(crc.getValue());
        Path jar = folder.resolve("function-lambda.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void deploymentPackageBytes_ofAStoredJar_isFarSmallerThanTheJar() throws Exception {
        Path jar = storedJar();

        assertThat(Artifacts.deploymentPackageBytes(jar)).isLessThan(Files.size(jar) / 10);
    }
}
