package dev.keel.notification.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** What the service knows of users, for deciding who may still be told what. */
@Service
public class Accounts {

	private final AccountStore store;

	Accounts(AccountStore store) {
		this.store = store;
	}

	/**
	 * The accounts of some users, in one look-up.
	 * @param userIds the users
	 * @return an account for each of them ({@link Account#unknown} for a user no event
	 * described)
	 */
	public Map<String, Account> of(Collection<String> userIds) {
		Map<String, Account> known = this.store.find(userIds);
		return userIds.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(),
					(userId) -> known.getOrDefault(userId, Account.unknown(userId))));
	}

	/**
	 * @param userId a user
	 * @return whether an admin disabled them
	 */
	public boolean isDisabled(String userId) {
		return of(List.of(userId)).get(userId).disabled();
	}

}
