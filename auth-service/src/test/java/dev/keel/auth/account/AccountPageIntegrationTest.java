package dev.keel.auth.account;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the page tests share: the pages over real HTTP on the service's port, and a
 * recovery that answers as each test tells it ({@link RecordingRecovery}).
 */
abstract class AccountPageIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	RecordingRecovery recovery;

	AccountPageClient pages;

	@BeforeEach
	void connect() {
		this.pages = new AccountPageClient(this.port);
		this.recovery.willAnswer(new RecoveryResult.Done());
	}

}
