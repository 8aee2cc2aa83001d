package com.whatsappflowhub.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.whatsappflowhub.platform.TooManyRequests;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing before any password is hashed. Per account: after {@link #FREE_FAILURES} failures in
 * a row the account is locked for {@link #FIRST_LOCK}, and every failure after a lock ended doubles it (up to
 * {@link #MAX_LOCK}); a success clears it. Per client address (a bucket4j bucket): at most
 * {@link #ADDRESS_FAILURES} failures in {@link #ADDRESS_WINDOW}, refilled smoothly. Either answers 429 with
 * {@code Retry-After}, even for the right password, so a lock cannot be probed. State is per replica and in memory
 * (a replica that restarts forgets it; N replicas allow N times the attempts).
 */
@Component
class SignInThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_LOCK = Duration.ofSeconds(30);

	static final Duration MAX_LOCK = Duration.ofMinutes(15);

	static final int ADDRESS_FAILURES = 50;

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);

	private static final int MAX_TRACKED = 100_000;

	private final Clock clock;

	private final TimeMeter time;

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

	SignInThrottle(Clock clock) {
		this.clock = clock;
		this.time = new ClockTimeMeter(clock);
	}

	private record Account(int failures, Instant lockedUntil, Duration lastLock) {
	}

	/** @throws TooManyRequests while the account is locked or the address has used up its failures */
	void check(String email, String address) {
		Instant now = clock.instant();
		Account account = accounts.get(key(email));
		if (account != null && account.lockedUntil().isAfter(now)) {
			throw new TooManyRequests("sign-in-locked", "Too many failed sign-ins for this account; try again later.",
					Duration.between(now, account.lockedUntil()));
		}
		Bucket bucket = addresses.get(address);
		if (bucket != null) {
			var probe = bucket.estimateAbilityToConsume(1);
			if (!probe.canBeConsumed()) {
				throw new TooManyRequests("sign-in-throttled", "Too many failed sign-ins from this address; try again later.",
						Duration.ofNanos(probe.getNanosToWaitForRefill()));
			}
		}
	}

	void failed(String email, String address) {
		Instant now = clock.instant();
		trim();
		accounts.compute(key(email), (k, account) -> {
			int failures = account == null ? 1 : account.failures() + 1;
			if (failures < FREE_FAILURES) {
				return new Account(failures, Instant.EPOCH, Duration.ZERO);
			}
			Duration lock = account == null || account.lastLock().isZero() ? FIRST_LOCK : account.lastLock().multipliedBy(2);
			if (lock.compareTo(MAX_LOCK) > 0) {
				lock = MAX_LOCK;
			}
			return new Account(failures, now.plus(lock), lock);
		});
		addresses.computeIfAbsent(address, a -> Bucket.builder()
			.addLimit(limit -> limit.capacity(ADDRESS_FAILURES).refillGreedy(ADDRESS_FAILURES, ADDRESS_WINDOW))
			.withCustomTimePrecision(time)
			.build()).tryConsume(1);
	}

	void succeeded(String email) {
		accounts.remove(key(email));
	}

	/** Bounded memory under a flood of made-up e-mails: forget accounts that are not locked. */
	private void trim() {
		if (accounts.size() > MAX_TRACKED) {
			Instant now = clock.instant();
			accounts.values().removeIf(account -> !account.lockedUntil().isAfter(now));
		}
		if (addresses.size() > MAX_TRACKED) {
			addresses.values().removeIf(bucket -> bucket.getAvailableTokens() >= ADDRESS_FAILURES);
		}
	}

	private static String key(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}
}
