package dev.keel.cli.infra;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a request to stop, so that an infrastructure process can
 * close its component on its main thread and exit with status 0. Left to the JVM, these
 * signals run the shutdown hooks and end the process with status 143 or 130, which a
 * launcher cannot tell apart from a crash.
 * <p>
 * {@code sun.misc.Signal} is reached by reflection, as Kafka's own launcher does:
 * compiling against it directly draws a javac warning that cannot be suppressed. Where it
 * is unavailable, the signals keep their default behaviour and the shutdown hook the
 * caller registers still closes the component.
 */
final class StopSignal {

	private static final Logger logger = LoggerFactory.getLogger(StopSignal.class);

	private final CountDownLatch requested = new CountDownLatch(1);

	private StopSignal() {
	}

	static StopSignal install() {
		StopSignal stopSignal = new StopSignal();
		stopSignal.handle("TERM");
		stopSignal.handle("INT");
		return stopSignal;
	}

	/**
	 * Blocks until a stop is requested.
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	void await() throws InterruptedException {
		this.requested.await();
	}

	void request() {
		this.requested.countDown();
	}

	private void handle(String name) {
		try {
			Class<?> signalType = Class.forName("sun.misc.Signal");
			Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
			InvocationHandler onSignal = (proxy, method, args) -> {
				if (method.getName().equals("handle")) {
					request();
					return null;
				}
				return (method.getName().equals("toString")) ? "keel stop on SIG" + name : method.invoke(this, args);
			};
			Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] { handlerType },
					onSignal);
			Object signal = signalType.getConstructor(String.class).newInstance(name);
			signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not handle SIG{}; relying on the shutdown hook", name, ex);
		}
	}

}
