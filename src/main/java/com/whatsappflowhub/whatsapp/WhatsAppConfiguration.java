package com.whatsappflowhub.whatsapp;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

import com.whatsappflowhub.whatsapp.graph.Backoff;
import com.whatsappflowhub.whatsapp.graph.GraphApi;
import com.whatsappflowhub.whatsapp.graph.GraphClient;
import com.whatsappflowhub.whatsapp.graph.InMemorySentMessages;
import com.whatsappflowhub.whatsapp.graph.MediaDownloader;
import com.whatsappflowhub.whatsapp.graph.SentMessages;
import com.whatsappflowhub.whatsapp.media.MediaSettings;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import com.whatsappflowhub.whatsapp.webhook.VerifyHandshake;
import com.whatsappflowhub.whatsapp.webhook.WebhookParser;
import com.whatsappflowhub.whatsapp.webhook.WebhookSettings;

/**
 * The channel's beans from {@link WhatsAppProperties}. {@link SentMessages} falls back to memory until the outbound
 * message table provides one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppProperties.class)
class WhatsAppConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppConfiguration.class);

	static RestClient graphRestClient(WhatsAppProperties properties) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
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

	@Bean
	GraphClient whatsAppGraphClient(WhatsAppProperties properties, ObjectProvider<SentMessages> sentMessages,
			ObjectProvider<JsonMapper> mapper) {
		return graphClient(properties, Backoff.Sleeper.REAL,
				sentMessages.getIfAvailable(() -> new InMemorySentMessages(10_000)),
				mapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	MediaDownloader whatsAppMediaDownloader(WhatsAppProperties properties, ObjectProvider<JsonMapper> mapper) {
		return mediaDownloader(properties, mapper.getIfAvailable(JsonMapper::shared));
	}

	/** The client and downloader the channel uses; tests point it at a local Graph server. */
	@Bean
	GraphApi whatsAppGraphApi(WhatsAppProperties properties, ObjectProvider<SentMessages> sentMessages,
			ObjectProvider<JsonMapper> mapper) {
		JsonMapper json = mapper.getIfAvailable(JsonMapper::shared);
		SentMessages sent = sentMessages.getIfAvailable(() -> new InMemorySentMessages(10_000));
		return new GraphApi(properties.baseUrl(),
				url -> graphClient(properties.withBaseUrl(url), Backoff.Sleeper.REAL, sent, json),
				url -> mediaDownloader(properties.withBaseUrl(url), json));
	}

	/**
	 * The platform's app secret and verify token. Only demo mode ({@code --demo} or {@code FLOWHUB_DEMO=true}) falls
	 * back to the dev-only values in the source code; anywhere else a missing value stops the start, because anyone
	 * could sign deliveries (for every tenant) with a secret that is published.
	 */
	@Bean
	NumberSettings whatsAppNumberSettings(WhatsAppProperties properties, org.springframework.core.env.Environment env) {
		boolean demo = env.containsProperty("demo") || env.getProperty("flowhub.demo", Boolean.class, false);
		String secret = properties.appSecret();
		if (secret.isBlank()) {
			if (!demo) {
				throw new IllegalStateException("FLOWHUB_WHATSAPP_APP_SECRET is not set: set it to your Meta app's secret "
						+ "(webhook signatures are checked with it), or start with --demo to use the dev-only value");
			}
			log.warn("Demo mode: webhook signatures are checked with the DEV-ONLY app secret.");
			secret = WhatsAppProperties.DEV_APP_SECRET;
		}
		String token = properties.verifyToken();
		if (token.isBlank()) {
			if (!demo) {
				throw new IllegalStateException("FLOWHUB_WHATSAPP_VERIFY_TOKEN is not set: set it to the verify token of "
						+ "your Meta app's webhook subscription, or start with --demo to use the dev-only value");
			}
			log.warn("Demo mode: Meta's handshake is answered for the DEV-ONLY verify token.");
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
