package com.whatsappflowhub.integrations.hooks;

import java.util.List;

import com.whatsappflowhub.platform.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class HooksConfiguration {

	/** Private targets only where the setting says so, or in demo mode (a laptop talking to itself). */
	@Bean
	TargetPolicy webhookTargetPolicy(WebhookSettings settings, Environment environment) {
		boolean demo = environment.containsProperty("demo")
				|| environment.getProperty("flowhub.demo", Boolean.class, false);
		return new TargetPolicy(settings.allowPrivateTargets() || demo, TargetPolicy.Resolver.SYSTEM);
	}

	/** The same rules for the URLs connections call (a Jira site). */
	@Bean
	com.whatsappflowhub.integrations.OutboundTargets outboundTargets(TargetPolicy policy) {
		return url -> {
			try {
				policy.check(url);
				return null;
			}
			catch (RefusedTarget refused) {
				return refused.reason();
			}
		};
	}

	@Bean
	WebhookCall webhookCall(WebhookSettings settings) {
		return new WebhookCall(settings.connectTimeout(), settings.readTimeout());
	}

	@Bean
	Subscriptions webhookSubscriptions(WebhookEndpoints endpoints, WebhookSettings settings,
			PlatformTransactionManager transactionManager) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		return new Subscriptions(tenant -> TenantContext.callAs(tenant, () -> {
			List<WebhookEndpoint> enabled = transactions.execute(status -> endpoints.findEnabled());
			return enabled == null ? List.of()
					: enabled.stream()
						.map(endpoint -> new Subscriptions.Subscriber(endpoint.id(), java.util.EnumSet.copyOf(endpoint.events())))
						.toList();
		}), settings.subscriptionCache());
	}
}
