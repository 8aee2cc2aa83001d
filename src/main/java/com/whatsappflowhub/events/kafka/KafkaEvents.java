package com.whatsappflowhub.events.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import com.whatsappflowhub.platform.TenantScoped;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events on Kafka, only with {@code spring.kafka.bootstrap-servers} ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}); without
 * it {@link KafkaSwitch} keeps Boot's Kafka auto-configuration out and this class is skipped before any Kafka type
 * is loaded. One delivery per event type on the work queue ({@link KafkaExport}); Modulith's externalization
 * configuration says where each goes, under which key, as what, with which headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(KafkaSwitch.ENABLED)
@EnableConfigurationProperties(KafkaEventSettings.class)
class KafkaEvents {

	@Bean
	EventExternalizationConfiguration eventExternalization() {
		EventExternalizationConfiguration.Router router = EventExternalizationConfiguration.externalizing()
			.select(event -> event instanceof TenantScoped scoped && Exports.of(scoped).isPresent());
		for (Export<?> export : Exports.ALL) {
			router = route(router, export);
		}
		return router.build();
	}

	private static <E extends TenantScoped> EventExternalizationConfiguration.Router route(
			EventExternalizationConfiguration.Router router, Export<E> export) {
		return router.route(export.type(), event -> RoutingTarget.forTarget(export.topic()).andKey(event.tenantId().toString()))
			.mapping(export.type(), export::wire)
			.headers(export.type(), export::headers);
	}

	@Bean
	KafkaAdmin.NewTopics eventTopics(KafkaEventSettings settings) {
		return new KafkaAdmin.NewTopics(Exports.TOPICS.stream()
			.map(name -> TopicBuilder.name(name)
				.partitions(settings.partitions())
				.replicas(settings.replicas())
				.config("retention.ms", Long.toString(settings.retention().toMillis()))
				.build())
			.toArray(NewTopic[]::new));
	}

	/** One {@link KafkaExport} bean per exported type, so that the work queue finds each as a delivery of its own. */
	@Bean
	static BeanDefinitionRegistryPostProcessor kafkaExportDeliveries() {
		return registry -> {
			BeanFactory beans = (BeanFactory) registry;
			for (Export<?> export : Exports.ALL) {
				RootBeanDefinition definition = new RootBeanDefinition(KafkaExport.class);
				definition.setTargetType(ResolvableType.forClassWithGenerics(KafkaExport.class, export.type()));
				definition.setInstanceSupplier(() -> create(export, beans));
				registry.registerBeanDefinition(export.deliveryName(), definition);
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static <E extends TenantScoped> KafkaExport<E> create(Export<E> export, BeanFactory beans) {
		KafkaOperations<String, String> kafka = (KafkaOperations<String, String>) beans.getBean(KafkaTemplate.class);
		return new KafkaExport<>(export, beans.getBean(EventExternalizationConfiguration.class), kafka,
				beans.getBean(JsonMapper.class), beans.getBean(KafkaEventSettings.class).sendTimeout());
	}
}
