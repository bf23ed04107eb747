package dev.keel.cli.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keel.cli.platform.Layout;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightTests {

	@Test
	void cleanWipesLogsDataStateAndCachesButKeepsTheBuildStamp(@TempDir Path home) throws IOException {
		Layout layout = new Layout(home);
		Files.createDirectories(layout.logs());
		Files.writeString(layout.log("kafka"), "ready");
		Files.createDirectories(layout.extracted("data-service"));
		Files.writeString(layout.extracted("data-service").resolve("data-service.aot"), "trained");
		Files.writeString(layout.buildStamp(), "");
		Preflight.clean(layout, new PrintStream(new ByteArrayOutputStream()));
		assertThat(layout.buildStamp()).exists();
		assertThat(layout.logs()).doesNotExist();
		assertThat(layout.keelDir().resolve("app")).doesNotExist();
	}

}
