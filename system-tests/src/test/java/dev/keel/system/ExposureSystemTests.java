package dev.keel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static dev.keel.system.DataFixtures.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the local platform shows the network: every listening socket of every component is
 * on the loopback address by default, and paths that lead nowhere answer 404 whether or
 * not a token comes with them.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 86)
class ExposureSystemTests {

	private static final String IPV4_LOOPBACK = "0100007F";

	private static final Set<String> IPV6_LOOPBACK = Set.of("00000000000000000000000001000000",
			"0000000000000000FFFF00000100007F");

	@Test
	void everyComponentListensOnTheLoopbackAddressOnly() throws Exception {
		List<JsonNode> components = RunningPlatform.components();
		assertThat(components).isNotEmpty();
		List<String> exposed = new ArrayList<>();
		int listening = 0;
		for (JsonNode component : components) {
			Set<String> sockets = socketInodes(component.path("pid").asLong());
			for (Listener listener : listeners()) {
				if (sockets.contains(listener.inode())) {
					listening++;
					if (!listener.loopback()) {
						exposed.add(component.path("name").asString() + " on " + listener);
					}
				}
			}
		}
		assertThat(listening).as("listening sockets found").isGreaterThanOrEqualTo(components.size());
		assertThat(exposed).as("sockets reachable from other machines").isEmpty();
	}

	@Test
	void anUnknownPathIsNotFoundWithOrWithoutAToken() {
		String token = Accounts.login(KeelCli.ADMIN_EMAIL, KeelCli.ADMIN_PASSWORD).accessToken();

		assertProblem(Api.get("/api/nope", null), 404, "not_found");
		assertProblem(Api.get("/api/nope", token), 404, "not_found");
		assertProblem(Api.post("/nothing/here", null, "{}"), 404, "not_found");
	}

	@Test
	void aKnownProtectedPathWithoutATokenIsStillUnauthorized() {
		Reply reply = Api.get("/api/auth/me", null);

		assertProblem(reply, 401, "unauthorized");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
	}

	/** The inodes of a process's sockets, from its open file descriptors. */
	private static Set<String> socketInodes(long pid) throws IOException {
		Set<String> inodes = new HashSet<>();
		Path fds = Path.of("/proc", Long.toString(pid), "fd");
		if (!Files.isDirectory(fds)) {
			return inodes;
		}
		try (Stream<Path> links = Files.list(fds)) {
			for (Path link : (Iterable<Path>) links::iterator) {
				try {
					String target = Files.readSymbolicLink(link).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException ex) {
					// closed while listing
				}
			}
		}
		return inodes;
	}

	/** Every TCP socket in the LISTEN state on this machine. */
	private static List<Listener> listeners() throws IOException {
		List<Listener> listeners = new ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] columns = line.trim().split("\\s+");
				if (columns[3].equals("0A")) {
					String[] local = columns[1].split(":");
					listeners.add(new Listener(local[0], Integer.parseInt(local[1], 16), columns[9]));
				}
			}
		}
		return listeners;
	}

	private record Listener(String address, int port, String inode) {

		boolean loopback() {
			return this.address.equals(IPV4_LOOPBACK) || IPV6_LOOPBACK.contains(this.address);
		}

		@Override
		public String toString() {
			return "port " + this.port + " (address " + this.address + ")";
		}

	}

}
