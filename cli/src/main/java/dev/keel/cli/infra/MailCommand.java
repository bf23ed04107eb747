package dev.keel.cli.infra;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.keel.embedded.MailSink;

/**
 * {@code keel infra mail}: runs the {@link MailSink} in the foreground.
 */
@Command(name = "mail", mixinStandardHelpOptions = true,
		description = "Run the SMTP mail sink and its Mailpit-compatible API until stopped.")
class MailCommand extends InfraSubcommand<MailSink> {

	@Option(names = "--smtp-port", defaultValue = "${env:KEEL_SMTP_PORT:-1025}",
			description = "SMTP port; 0 picks a free one (default: ${DEFAULT-VALUE}, env KEEL_SMTP_PORT).")
	int smtpPort;

	@Option(names = "--http-port", defaultValue = "${env:KEEL_MAIL_HTTP_PORT:-8025}",
			description = "HTTP API port; 0 picks a free one (default: ${DEFAULT-VALUE}, env KEEL_MAIL_HTTP_PORT).")
	int httpPort;

	@Override
	MailSink start() throws Exception {
		return MailSink.start(this.smtpPort, this.httpPort);
	}

	@Override
	String ports(MailSink sink) {
		return sink.smtpPort() + " " + sink.httpPort();
	}

	@Override
	String howToChange(int port) {
		return (port == this.httpPort) ? "--http-port or KEEL_MAIL_HTTP_PORT" : "--smtp-port or KEEL_SMTP_PORT";
	}

}
