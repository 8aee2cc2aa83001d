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

import com.whatsappflowhub.whatsapp.graph.Backoff;
import com.whatsappflowhub.whatsapp.graph.GraphClient;
import com.whatsappflowhub.whatsapp.graph.InMemorySentMessages;
import com.whatsappflowhub.whatsapp.graph.MediaDownloader;
import com.whatsappflowhub.whatsapp.graph.SentMessages;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import com.whatsappflowhub.whatsapp.webhook.VerifyHandshake;
import com.whatsappflowhub.whatsapp.webhook.WebhookParser;

/**
 * The channel's beans from {@link WhatsAppProperties}. {@link SentMessages} falls back to memory until the outbound
 * message table provides one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppProperties.class)
class WhatsAppConfiguration {

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
