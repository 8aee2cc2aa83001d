package com.whatsappflowhub.inbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A consumer of the inbox's events in the test context (picked up by component scanning, so the shared context stays
 * one): it records every event it is handed, so tests can count deliveries per message through the registry.
 */
@Component
public class InboxEventRecorder {

	private final Map<MessageId, List<Object>> byMessage = new ConcurrentHashMap<>();

	@ApplicationModuleListener
	void on(MessageReceived event) {
		record(event.messageId(), event);
	}

	@ApplicationModuleListener
	void on(MessageStatusChanged event) {
		record(event.messageId(), event);
	}

	@ApplicationModuleListener
	void on(MessageReacted event) {
		record(event.reactionMessageId(), event);
	}

	@ApplicationModuleListener
	void on(MessageEdited event) {
		record(event.messageId(), event);
	}

	@ApplicationModuleListener
	void on(MessageDeleted event) {
		record(event.messageId(), event);
	}

	private void record(MessageId id, Object event) {
		byMessage.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(event);
	}

	public List<Object> eventsOf(MessageId id) {
		return List.copyOf(byMessage.getOrDefault(id, List.of()));
	}

	public <T> List<T> eventsOf(MessageId id, Class<T> type) {
		return eventsOf(id).stream().filter(type::isInstance).map(type::cast).toList();
	}
}
