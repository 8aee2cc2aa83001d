package com.whatsappflowhub.integrations.hooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One call to an endpoint: the headers it sends, redirects not followed, the answer's size and time bounded. */
class WebhookCallTest {

	static final WireMockServer endpoint = new WireMockServer(wireMockConfig().dynamicPort());

	final WebhookCall call = new WebhookCall(Duration.ofSeconds(2), Duration.ofSeconds(3));

	@BeforeAll
	static void start() {
		endpoint.start();
	}

	@AfterAll
	static void stop() {
		endpoint.stop();
	}

	@Test
	void sendsTheBodyAsItIsWithTheStandardWebhooksHeaders() throws Exception {
		endpoint.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(202)));
		byte[] body = "{\"specversion\":\"1.0\",\"data\":{\"title\":\"Café ✅\"}}".getBytes(StandardCharsets.UTF_8);

		WebhookCall.Answer answer = call.post(URI.create(endpoint.url("/ok")), "evt_1", 1_700_000_000L, "v1,abc", body);

		assertThat(answer.status()).isEqualTo(202);
		endpoint.verify(postRequestedFor(urlEqualTo("/ok")).withHeader("webhook-id", equalTo("evt_1"))
			.withHeader("webhook-timestamp", equalTo("1700000000"))
			.withHeader("webhook-signature", equalTo("v1,abc"))
			.withHeader("Content-Type", equalTo("application/cloudevents+json; charset=utf-8"))
			.withHeader("User-Agent", equalTo(WebhookCall.USER_AGENT)));
		assertThat(endpoint.findAll(postRequestedFor(urlEqualTo("/ok"))).get(0).getBody()).isEqualTo(body);
	}

	@Test
	void aRedirectIsAnAnswerNotAHop() throws Exception {
		endpoint.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(307).withHeader("Location", "/elsewhere")));
		endpoint.stubFor(post(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));

		WebhookCall.Answer answer = call.post(URI.create(endpoint.url("/moved")), "evt_2", 1L, "v1,abc", new byte[0]);

		assertThat(answer.status()).isEqualTo(307);
		assertThat(answer.location()).isEqualTo("/elsewhere");
		assertThat(endpoint.findAll(postRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
	}

	@Test
	void readsNoMoreThanTheStartOfALongAnswerAndKeepsItsRetryAfter() throws Exception {
		endpoint.stubFor(post(urlEqualTo("/busy")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
			.withBody("slow down\u0000\n" + "x".repeat(100_000))));

		WebhookCall.Answer answer = call.post(URI.create(endpoint.url("/busy")), "evt_3", 1L, "v1,abc", new byte[0]);

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.retryAfter()).isEqualTo("30");
		assertThat(answer.snippet()).startsWith("slow down").hasSizeLessThanOrEqualTo(WebhookCall.SNIPPET)
			.doesNotContain("\u0000").doesNotContain("\n");
	}

	@Test
	void anEndpointThatDoesNotAnswerInTimeIsNoAnswer() {
		endpoint.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));

		assertThatThrownBy(() -> call.post(URI.create(endpoint.url("/slow")), "evt_4", 1L, "v1,abc", new byte[0]))
			.isInstanceOf(WebhookCall.NoAnswer.class)
			.hasMessageContaining("in time");
	}

	@Test
	void aClosedPortIsNoAnswer() {
		assertThatThrownBy(() -> call.post(URI.create("http://127.0.0.1:1/hook"), "evt_5", 1L, "v1,abc", new byte[0]))
			.isInstanceOf(WebhookCall.NoAnswer.class)
			.hasMessageContaining("connection");
	}
}
