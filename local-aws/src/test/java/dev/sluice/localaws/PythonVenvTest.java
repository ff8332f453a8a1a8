package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonVenvTest {

    @Test
    void requirementsPinEveryPackageAndMotoWithServerExtra() {
        String text = Requirements.moto().text();

        assertThat(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                .isNotEmpty()
                .allMatch(line -> line.matches("[A-Za-z0-9._\\[\\]-]+==[^=\\s]+"), "pinned with ==")
                .anyMatch(line -> line.startsWith("moto[server]=="));
    }

    @Test
    void defaultVenvIsSharedByAllModulesInProjectRoot() {
        Path root = ProjectRoot.fromWorkingDirectory().orElseThrow();

        assertThat(root.resolve("mvnw")).isRegularFile();
        assertThat(root.resolve("local-aws")).isDirectory();
        // The build may point the venv elsewhere; only the default is checked here.
        if (System.getProperty(PythonVenv.LOCATION_PROPERTY) == null && System.getenv(PythonVenv.LOCATION_ENV) == null) {
            assertThat(PythonVenv.atDefaultLocation().directory()).isEqualTo(root.resolve(".venv"));
        }
    }

    @Test
    void projectRootIsFoundFromNestedDirectory(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("mvnw"));
        Path nested = Files.createDirectories(dir.resolve("a/b"));

        assertThat(ProjectRoot.find(nested)).contains(dir.toAbsolutePath().normalize());
    }

    @Test
    void installedVenvRecordsRequirementsHashAndRunsMoto() throws Exception {
        PythonVenv venv = PythonVenv.atDefaultLocation();
        Requirements requirements = Requirements.moto();

        Path python = venv.ensureInstalled(requirements);

        assertThat(python).isExecutable();
        assertThat(Files.readString(venv.directory().resolve("sluice-requirements.sha256")).trim())
                .isEqualTo(requirements.sha256());
        // Already installed: must return at once instead of running pip again.
        long start = System.nanoTime();
        venv.ensureInstalled(requirements);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}
