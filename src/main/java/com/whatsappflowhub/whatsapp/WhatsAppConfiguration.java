package com.whatsappflowhub.whatsapp;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

import com.whatsappflowhub.whatsapp.graph.Backoff;
import com.whatsappflowhub.whatsapp.graph.GraphApi;
import com.whatsappflowhub.whatsapp.graph.GraphClient;
import com.whatsappflowhub.whatsapp.graph.MediaDownloader;
import com.whatsappflowhub.whatsapp.graph.NumberOwnership;
import com.whatsappflowhub.whatsapp.graph.TemplateCatalog;
import com.whatsappflowhub.whatsapp.graph.SentMessages;
import com.whatsappflowhub.whatsapp.media.MediaSettings;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import com.whatsappflowhub.whatsapp.webhook.VerifyHandshake;
import com.whatsappflowhub.whatsapp.webhook.WebhookParser;
import com.whatsappflowhub.whatsapp.webhook.WebhookSettings;

/**
 * The channel's beans from {@link WhatsAppProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppProperties.class)
class WhatsAppConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppConfiguration.class);

	/**
	 * Write the Graph API requests' bodies for the JDK client. Without it Spring starts a new thread for every
	 * request (a {@code SimpleAsyncTaskExecutor}); these are kept and reused.
	 */
	private static final ExecutorService BODY_WRITERS = Executors.newCachedThreadPool(daemons("graph-body-"));

	private static CustomizableThreadFactory daemons(String prefix) {
		var factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

	static RestClient graphRestClient(WhatsAppProperties properties) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http, BODY_WRITERS);
		requests.setReadTimeout(properties.readTimeout());
		return RestClient.builder()
			.requestFactory(requests)
			.baseUrl(properties.baseUrl().toString())
			.defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
			.build();
	}

	static Backoff backoff(WhatsAppProperties.Retry retry) {
		return new Backoff(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.multiplier());
	}

	static GraphClient graphClient(WhatsAppProperties properties, Backoff.Sleeper sleeper, SentMessages sent,
			JsonMapper mapper) {
		return new GraphClient(graphRestClient(properties), properties.apiVersion(), backoff(properties.retry()),
				sleeper, sent, mapper);
	}

	static MediaDownloader mediaDownloader(WhatsAppProperties properties, JsonMapper mapper) {
		return new MediaDownloader(graphRestClient(properties), properties.baseUrl(), properties.apiVersion(),
				properties.mediaHosts(), mapper);
	}

	/** The Graph API at {@code flowhub.whatsapp.base-url}; sends are remembered in the inbox ({@link SentMessages}). */
	@Bean
	GraphApi whatsAppGraphApi(WhatsAppProperties properties, SentMessages sentMessages, ObjectProvider<JsonMapper> mapper) {
		JsonMapper json = mapper.getIfAvailable(JsonMapper::shared);
		return new GraphApi(properties.baseUrl(), graphClient(properties, Backoff.Sleeper.REAL, sentMessages, json),
				mediaDownloader(properties, json));
	}

	/** Checks at registration that the supplied token answers for the number (Graph API at the same base URL). */
	@Bean
	NumberOwnership whatsAppNumberOwnership(WhatsAppProperties properties, ObjectProvider<JsonMapper> mapper) {
		return new NumberOwnership(graphRestClient(properties), properties.apiVersion(),
				mapper.getIfAvailable(JsonMapper::shared));
	}

	/** The business accounts' message templates (Graph API at the same base URL). */
	@Bean
	TemplateCatalog whatsAppTemplateCatalog(WhatsAppProperties properties, ObjectProvider<JsonMapper> mapper) {
		return new TemplateCatalog(graphRestClient(properties), properties.apiVersion(),
				mapper.getIfAvailable(JsonMapper::shared));
	}

	/**
	 * The platform's app secret and verify token. Only a development start falls back to the dev-only values in the
	 * source code: demo mode ({@code --demo} or {@code FLOWHUB_DEMO=true}), or the embedded database of a laptop
	 * (no {@code SPRING_DATASOURCE_URL}; a loud warning says so). A service on its own PostgreSQL, as production runs,
	 * does not start without them, because anyone could sign deliveries for every tenant with a published secret.
	 */
	@Bean
	NumberSettings whatsAppNumberSettings(WhatsAppProperties properties, org.springframework.core.env.Environment env) {
		boolean demo = env.containsProperty("demo") || env.getProperty("flowhub.demo", Boolean.class, false);
		boolean embedded = env.containsProperty("flowhub.embedded-db.actual-port");
		String mode = demo ? "Demo mode" : "Embedded database (development)";
		String secret = properties.appSecret();
		if (secret.isBlank()) {
			if (!demo && !embedded) {
				throw new IllegalStateException("FLOWHUB_WHATSAPP_APP_SECRET is not set: set it to your Meta app's secret "
						+ "(webhook signatures are checked with it), or start with --demo to use the dev-only value");
			}
			log.warn("{}: FLOWHUB_WHATSAPP_APP_SECRET is not set, so webhook signatures are checked with the DEV-ONLY app "
					+ "secret that is in the source code. Set it before this service receives real deliveries.", mode);
			secret = WhatsAppProperties.DEV_APP_SECRET;
		}
		String token = properties.verifyToken();
		if (token.isBlank()) {
			if (!demo && !embedded) {
				throw new IllegalStateException("FLOWHUB_WHATSAPP_VERIFY_TOKEN is not set: set it to the verify token of "
						+ "your Meta app's webhook subscription, or start with --demo to use the dev-only value");
			}
			log.warn("{}: FLOWHUB_WHATSAPP_VERIFY_TOKEN is not set, so Meta's handshake is answered for the DEV-ONLY verify "
					+ "token.", mode);
			token = WhatsAppProperties.DEV_VERIFY_TOKEN;
		}
		return new NumberSettings(secret, token, properties.demoPhoneNumberId(), properties.routingRefresh());
	}

	@Bean
	WebhookSettings whatsAppWebhookSettings(WhatsAppProperties properties) {
		return new WebhookSettings(properties.webhook().maxBodySize().toBytes());
	}

	@Bean
	MediaSettings whatsAppMediaSettings(WhatsAppProperties properties,
			@Value("${flowhub.data-dir:./data}") String dataDir) {
		WhatsAppProperties.Media media = properties.media();
		return new MediaSettings(media.maxAttempts(), media.initialBackoff(), media.maxBackoff(), media.sweepInterval(),
				Path.of(dataDir).toAbsolutePath().normalize().resolve("media"));
	}

	@Bean
	SignatureVerifier whatsAppSignatureVerifier() {
		return new SignatureVerifier();
	}

	@Bean
	VerifyHandshake whatsAppVerifyHandshake() {
		return new VerifyHandshake();
	}

	@Bean
	WebhookParser whatsAppWebhookParser(ObjectProvider<JsonMapper> mapper) {
		return new WebhookParser(mapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	WindowPolicy whatsAppWindowPolicy(ObjectProvider<Clock> clock) {
		return new WindowPolicy(clock.getIfAvailable(Clock::systemUTC));
	}
}
