package dev.keel.cli.infra;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keel.cli.Keel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

class InfraCommandTests {

	@TempDir
	Path directory;

	@Test
	void parsesKafkaOptions() {
		ParseResult result = new CommandLine(new Keel()).parseArgs("infra", "kafka", "--port", "19092",
				"--controller-port", "19093", "--data-dir", "data/kafka");

		KafkaCommand kafka = (KafkaCommand) result.subcommand().subcommand().commandSpec().userObject();
		assertThat(kafka.port).isEqualTo(19092);
		assertThat(kafka.controllerPort).isEqualTo(19093);
		assertThat(kafka.dataDir).isEqualTo(Path.of("data/kafka"));
	}

	@Test
	void defaultsToTheUsualPorts() {
		ParseResult result = new CommandLine(new Keel()).parseArgs("infra", "mail");

		MailCommand mail = (MailCommand) result.subcommand().subcommand().commandSpec().userObject();
		assertThat(mail.smtpPort).isEqualTo(1025);
		assertThat(mail.httpPort).isEqualTo(8025);
	}

	@Test
	void namesTheTakenPortAndHowToChangeIt() throws Exception {
		StringWriter err = new StringWriter();
		CommandLine keel = new CommandLine(new Keel()).setErr(new PrintWriter(err));
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int exitCode = keel.execute("infra", "mongo", "--port", String.valueOf(taken.getLocalPort()), "--file",
					this.directory.resolve("store.mv").toString());

			assertThat(exitCode).isEqualTo(InfraCommand.EXIT_PORT_IN_USE);
			assertThat(err.toString()).contains("Port " + taken.getLocalPort()).contains("--port or KEEL_MONGODB_PORT");
		}
	}

	@Test
	void announcesReadinessAndExitsCleanlyOnSigterm() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				Keel.class.getName(), "infra", "mail", "--smtp-port", "0", "--http-port", "0")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String ready = out.lines().filter((line) -> line.startsWith("ready ")).findFirst().orElseThrow();
			assertThat(List.of(ready.split(" "))).hasSize(4).startsWith("ready", "mail");

			process.destroy();

			assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
		}
		finally {
			process.destroyForcibly();
		}
	}

}
