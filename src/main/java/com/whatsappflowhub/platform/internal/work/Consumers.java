package com.whatsappflowhub.platform.internal.work;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.whatsappflowhub.platform.Delivery;
import com.whatsappflowhub.platform.Stage;
import com.whatsappflowhub.platform.TenantScoped;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every stage and delivery connector of the application, found once among the beans. */
@Component
class Consumers {

	private final ObjectProvider<Stage<?>> stages;

	private final ObjectProvider<Delivery<?>> deliveries;

	private volatile List<Consumer> all;

	private volatile Map<String, Consumer> byName;

	private final Map<Class<?>, List<Consumer>> byType = new java.util.concurrent.ConcurrentHashMap<>();

	Consumers(ObjectProvider<Stage<?>> stages, ObjectProvider<Delivery<?>> deliveries) {
		this.stages = stages;
		this.deliveries = deliveries;
	}

	List<Consumer> all() {
		List<Consumer> found = all;
		if (found == null) {
			List<Consumer> list = new ArrayList<>();
			stages.orderedStream().forEach(stage -> list.add(new Consumer.OfStage(stage)));
			deliveries.orderedStream().forEach(delivery -> list.add(new Consumer.OfDelivery(delivery)));
			Map<String, Consumer> names = new HashMap<>();
			for (Consumer consumer : list) {
				if (names.put(consumer.name(), consumer) != null) {
					throw new IllegalStateException("Two stages are named " + consumer.name());
				}
			}
			byName = names;
			all = found = List.copyOf(list);
		}
		return found;
	}

	Optional<Consumer> named(String name) {
		all();
		return Optional.ofNullable(byName.get(name));
	}

	/** The consumers of an event of this class (cached per class). */
	List<Consumer> of(TenantScoped event) {
		return byType.computeIfAbsent(event.getClass(),
				type -> all().stream().filter(consumer -> consumer.type().isAssignableFrom(type)).toList());
	}
}
