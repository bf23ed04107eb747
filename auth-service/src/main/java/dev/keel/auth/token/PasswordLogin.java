package dev.keel.auth.token;

public interface PasswordLogin {

	LoginOutcome login(String email, String password);

}
