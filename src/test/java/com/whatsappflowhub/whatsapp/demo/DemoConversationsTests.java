package com.whatsappflowhub.whatsapp.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.AppSecret;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What demo mode replays, posted the same way (signed, through the endpoint) into the demo tenant. */
@IntegrationTest
class DemoConversationsTests {

	@Autowired
	Api api;

	@Autowired
	NumberSettings numbers;

	void post(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(api.mvc()
			.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(SignatureVerifier.HEADER, new SignatureVerifier().sign(bytes, new AppSecret(numbers.appSecret())))
			.content(bytes)
			.exchange()).hasStatusOk();
	}

	JsonNode tasks(String admin, Instant since) {
		return api.read(api.get("/api/v1/tasks?limit=200&createdFrom=" + since, admin)).get("items");
	}

	@Test
	void theDemoConversationsTurnIntoAssignedTasksAndMariasReplyClosesHers() {
		String admin = api.token("admin@demo.flowhub.test", "demo-admin-test-password");
		Instant since = Instant.now().minusSeconds(1);
		List<String> wamids = new ArrayList<>();
		List<String> bodies = DemoConversations.deliveries(numbers.demoPhoneNumberId(), Instant.now(), wamids);

		for (String body : bodies.subList(0, bodies.size() - 1)) {
			post(body);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks(admin, since).size() >= 4 && tasks(admin, since).toString()
			.contains("Tolong kirim"));
		String acme = api.read(api.get("/api/v1/conversations", admin))
			.valueStream()
			.filter(c -> c.path("contact").path("waId").asString().equals(DemoConversations.STEPS.get(0).from()))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		String invoice = null;
		for (JsonNode task : tasks(admin, since)) {
			if (acme.equals(task.get("sourceConversationId").asString())) {
				assertThat(task.get("title").asString().toLowerCase()).contains("invoice");
				invoice = task.get("id").asString();
			}
		}
		assertThat(invoice).as("a task for the Acme invoice").isNotNull();

		post(bodies.get(bodies.size() - 1)); // Maria: "done ✅" as a reply to the request
		String id = invoice;
		await().atMost(Duration.ofSeconds(15))
			.until(() -> api.read(api.get("/api/v1/tasks/" + id, admin)).get("status").asString(), "DONE"::equals);
		assertThat(api.read(api.get("/api/v1/conversations", admin)).size()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void theGraphSandboxDoesNotExistOutsideDemoMode() {
		assertThat(api.mvc()
			.post()
			.uri("/sandbox/graph/v23.0/demo-phone-number-id/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}")
			.exchange()).hasStatus(404);
	}
}
