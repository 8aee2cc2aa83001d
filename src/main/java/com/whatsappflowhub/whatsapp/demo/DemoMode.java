package com.whatsappflowhub.whatsapp.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.whatsappflowhub.whatsapp.number.NumberSettings;
import com.whatsappflowhub.whatsapp.webhook.AppSecret;
import com.whatsappflowhub.whatsapp.webhook.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --demo} or {@code FLOWHUB_DEMO=true}: once the service is ready, posts the demo conversations signed with the platform's app secret, to the service's own
 * webhook endpoint, exactly as Meta would.
 */
@Component
class DemoMode {

	private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

	private final boolean enabled;

	private final NumberSettings numbers;

	private final Environment environment;

	private final Clock clock;

	DemoMode(ApplicationArguments arguments, Environment environment, NumberSettings numbers,
			Clock clock) {
		this.enabled = arguments.containsOption("demo") || environment.getProperty("flowhub.demo", Boolean.class, false);
		this.numbers = numbers;
		this.environment = environment;
		this.clock = clock;
	}

	boolean enabled() {
		return enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void replay() {
		if (!enabled) {
			return;
		}
		String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		Thread replay = new Thread(() -> post(base), "demo-replay");
		replay.setDaemon(true);
		replay.start();
	}

	private void post(String base) {
		HttpClient http = HttpClient.newHttpClient();
		SignatureVerifier signatures = new SignatureVerifier();
		AppSecret secret = new AppSecret(numbers.appSecret());
		List<String> bodies = DemoConversations.deliveries(numbers.demoPhoneNumberId(), clock.instant(), new ArrayList<>());
		try {
			for (String body : bodies) {
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
					.header("Content-Type", "application/json")
					.header(SignatureVerifier.HEADER, signatures.sign(bytes, secret))
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					log.warn("Demo: the webhook answered {} to a demo delivery: {}", response.statusCode(), response.body());
				}
				Thread.sleep(1500); // a chat's pace: the pipeline has each message done before the next

			}
			log.info("""

					  Demo: {} WhatsApp messages replayed into the demo tenant. Sign in as the demo admin and look at
					    GET {}/api/v1/conversations          the conversations and their messages (with our replies)
					    GET {}/api/v1/tasks                  the tasks found in them, assigned and with deadlines
					    GET {}/api/v1/tasks/:id/history       who did what: the AI, rules, WhatsApp replies
					  Replies to customers went to the built-in sandbox (logged above as 'Sandbox:').
					""", bodies.size(), base, base, base);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.io.IOException ex) {
			log.warn("Demo: could not post the demo deliveries: {}", ex.getMessage());
		}
	}
}
