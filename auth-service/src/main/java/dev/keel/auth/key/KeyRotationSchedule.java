package dev.keel.auth.key;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Checks every {@code keel.auth.keys.rotation-check-interval} whether the active key is
 * due for rotation. Every instance checks; the unique key generation lets only one of
 * them create the next key.
 */
@Component
class KeyRotationSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(KeyRotationSchedule.class);

	private final KeyRotations keys;

	private final KeyProperties properties;

	KeyRotationSchedule(KeyRotations keys, KeyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::rotateIfDue, this.properties.rotationCheckInterval());
	}

	private void rotateIfDue() {
		try {
			this.keys.rotateIfDue();
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled signing-key rotation check failed; will try again in {}",
					this.properties.rotationCheckInterval(), ex);
		}
	}

}
