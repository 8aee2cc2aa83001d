package com.whatsappflowhub.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.whatsappflowhub.whatsapp.number.NumberRouting;

/**
 * Which numbers with their own Meta app signed a delivery that the platform's app did not. This runs before the
 * sender is authenticated, so its cost must not grow with what the body claims: the body is scanned once for the ids
 * it names ({@code phone_number_id} and the entries' business account {@code id}, at most {@link #MAX_IDS}), and at
 * most {@link #MAX_SECRETS} distinct app secrets are tried. A real delivery comes from one app, so it needs one.
 * (Before, every number mentioned cost a scan of the whole body and an HMAC of it.)
 */
final class OwnAppSignatures {

	static final int MAX_SECRETS = 3;

	static final int MAX_IDS = 64;

	private static final Pattern ID = Pattern.compile("\"(?:phone_number_id|id)\"\\s*:\\s*\"([^\"\\\\]{1,64})\"");

	private OwnAppSignatures() {
	}

	/**
	 * @param check whether the signature verifies under a secret (one HMAC of the body)
	 */
	static Set<UUID> signedFor(byte[] body, List<NumberRouting.Route> withOwnSecret, BiPredicate<byte[], AppSecret> check) {
		if (withOwnSecret.isEmpty()) {
			return Set.of();
		}
		Map<String, List<NumberRouting.Route>> byId = new HashMap<>();
		for (NumberRouting.Route route : withOwnSecret) {
			byId.computeIfAbsent(route.phoneNumberId(), k -> new ArrayList<>()).add(route);
			byId.computeIfAbsent(route.businessAccountId(), k -> new ArrayList<>()).add(route);
		}
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = ID.matcher(new String(body, StandardCharsets.ISO_8859_1));
		while (ids.size() < MAX_IDS && matcher.find()) {
			ids.add(matcher.group(1));
		}
		Map<String, Set<UUID>> numbersBySecret = new LinkedHashMap<>();
		for (String id : ids) {
			for (NumberRouting.Route route : byId.getOrDefault(id, List.of())) {
				if (route.appSecret() != null) {
					numbersBySecret.computeIfAbsent(route.appSecret(), k -> new HashSet<>()).add(route.numberId());
				}
			}
		}
		Set<UUID> signed = new HashSet<>();
		int tried = 0;
		for (Map.Entry<String, Set<UUID>> secret : numbersBySecret.entrySet()) {
			if (tried++ >= MAX_SECRETS) {
				break;
			}
			if (check.test(body, new AppSecret(secret.getKey()))) {
				signed.addAll(secret.getValue());
			}
		}
		return signed;
	}
}
