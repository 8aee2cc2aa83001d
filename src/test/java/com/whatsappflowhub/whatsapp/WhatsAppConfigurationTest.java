package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.whatsappflowhub.whatsapp.graph.GraphApi;
import com.whatsappflowhub.whatsapp.graph.InMemorySentMessages;
import com.whatsappflowhub.whatsapp.graph.SentMessages;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import com.whatsappflowhub.whatsapp.webhook.VerifyHandshake;
import com.whatsappflowhub.whatsapp.webhook.WebhookParser;

/** The channel's beans and typed settings, in a bare context (no database, no web server). */
class WhatsAppConfigurationTest {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WhatsAppConfiguration.class)
		.withBean(SentMessages.class, () -> new InMemorySentMessages(10))
		.withPropertyValues("flowhub.whatsapp.app-secret=configured-secret", "flowhub.whatsapp.verify-token=configured-token");

	final ApplicationContextRunner unconfigured = new ApplicationContextRunner()
		.withUserConfiguration(WhatsAppConfiguration.class)
		.withBean(SentMessages.class, () -> new InMemorySentMessages(10));

	@Test
	void refusesToStartWithoutAnAppSecretOutsideDemoMode() {
		unconfigured.withPropertyValues("flowhub.whatsapp.verify-token=configured-token")
			.run(ctx -> assertThat(ctx.getStartupFailure()).hasStackTraceContaining("FLOWHUB_WHATSAPP_APP_SECRET is not set"));
		unconfigured.withPropertyValues("flowhub.whatsapp.app-secret=configured-secret")
			.run(ctx -> assertThat(ctx.getStartupFailure()).hasStackTraceContaining("FLOWHUB_WHATSAPP_VERIFY_TOKEN is not set"));
	}

	@Test
	void theEmbeddedDatabaseOfALaptopKeepsTheDevSecretButAnOwnDatabaseDoesNot() {
		unconfigured.withPropertyValues("flowhub.embedded-db.actual-port=5432")
			.run(ctx -> assertThat(ctx.getBean(com.whatsappflowhub.whatsapp.number.NumberSettings.class).appSecret())
				.isEqualTo("dev-only-app-secret-do-not-use-in-production"));
		unconfigured.withPropertyValues("spring.datasource.url=jdbc:postgresql://db:5432/flowhub")
			.run(ctx -> assertThat(ctx.getStartupFailure()).hasStackTraceContaining("FLOWHUB_WHATSAPP_APP_SECRET is not set"));
	}

	@Test
	void demoModeKeepsTheDevSecretThatTheBenchmarksSignWith() {
		unconfigured.withPropertyValues("flowhub.demo=true")
			.run(ctx -> assertThat(ctx.getBean(com.whatsappflowhub.whatsapp.number.NumberSettings.class).appSecret())
				.isEqualTo("dev-only-app-secret-do-not-use-in-production"));
		unconfigured.withPropertyValues("demo=")
			.run(ctx -> assertThat(ctx).hasNotFailed());
		context.run(ctx -> assertThat(ctx.getBean(com.whatsappflowhub.whatsapp.number.NumberSettings.class).appSecret())
			.isEqualTo("configured-secret"));
	}

	@Test
	void bindsTheDefaultsOfTheGraphApi() {
		context.run(ctx -> {
			WhatsAppProperties properties = ctx.getBean(WhatsAppProperties.class);
			assertThat(properties.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
			assertThat(properties.apiVersion()).isEqualTo("v23.0");
			assertThat(properties.userAgent()).isEqualTo("WhatsAppFlowHub/0.1.0");
			assertThat(properties.retry().maxAttempts()).isEqualTo(4);
			assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.mediaHosts()).containsExactly("lookaside.fbsbx.com");
			assertThat(ctx).hasSingleBean(GraphApi.class)
				.hasSingleBean(SignatureVerifier.class)
				.hasSingleBean(WebhookParser.class)
				.hasSingleBean(VerifyHandshake.class)
				.hasSingleBean(WindowPolicy.class);
		});
	}

	@Test
	void takesTheBaseUrlAndVersionFromConfiguration() {
		context.withPropertyValues("flowhub.whatsapp.base-url=http://localhost:9999", "flowhub.whatsapp.api-version=v24.0")
			.run(ctx -> {
				WhatsAppProperties properties = ctx.getBean(WhatsAppProperties.class);
				assertThat(properties.baseUrl()).isEqualTo(URI.create("http://localhost:9999"));
				assertThat(properties.apiVersion()).isEqualTo("v24.0");
				assertThat(ctx.getBean(GraphApi.class).baseUrl()).isEqualTo(URI.create("http://localhost:9999"));
			});
	}

	@Test
	void refusesAUserAgentTheContractWouldRefuse() {
		context.withPropertyValues("flowhub.whatsapp.user-agent=Java-http-client/17")
			.run(ctx -> assertThat(ctx.getStartupFailure()).hasStackTraceContaining("userAgent")
				.hasStackTraceContaining("Java-http-client/17"));
	}
}
