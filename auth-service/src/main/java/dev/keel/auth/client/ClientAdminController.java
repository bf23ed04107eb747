package dev.keel.auth.client;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.auth.client.ServiceClients.NewClient;
import dev.keel.support.web.KeelProblemException;

/** Admin management of service accounts. */
@RestController
@RequestMapping("/api/auth/admin/clients")
@PreAuthorize("hasRole('admin')")
class ClientAdminController {

	private final ServiceClients clients;

	ClientAdminController(ServiceClients clients) {
		this.clients = clients;
	}

	/** The secret is in this answer and nowhere else. */
	@PostMapping
	ResponseEntity<NewClient> create(@Valid @RequestBody NewClientRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Cache-Control", "no-store")
			.body(this.clients.create(request.name().strip(), request.roles()));
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> delete(@PathVariable String clientId) {
		if (!this.clients.delete(clientId)) {
			throw KeelProblemException.notFound("client_not_found", "There is no client " + clientId + ".");
		}
		return ResponseEntity.noContent().build();
	}

	record NewClientRequest(@NotBlank @Size(max = 100) String name,
			@NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}",
					message = "must be lower-case letters, digits, '_' or '-', starting with a letter") String> roles) {
	}

}
