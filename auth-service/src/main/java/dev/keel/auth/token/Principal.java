package dev.keel.auth.token;

import java.util.List;

public record Principal(String subject, String email, List<String> roles, boolean client) {
}
