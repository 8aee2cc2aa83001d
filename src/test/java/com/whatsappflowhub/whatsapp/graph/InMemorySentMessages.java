package com.whatsappflowhub.whatsapp.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link SentMessages} in memory, keeping the most recent keys up to a bound. */
public final class InMemorySentMessages implements SentMessages {

	private final Map<IdempotencyKey, String> wamids;

	public InMemorySentMessages(int capacity) {
		this.wamids = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<IdempotencyKey, String> eldest) {
				return size() > capacity;
			}
		});
	}

	@Override
	public Optional<String> wamidFor(IdempotencyKey key) {
		return Optional.ofNullable(wamids.get(key));
	}

	@Override
	public void accepted(IdempotencyKey key, String wamid) {
		wamids.put(key, wamid);
	}
}
