package com.whatsappflowhub.whatsapp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.platform.Problems;
import com.whatsappflowhub.whatsapp.number.NumberRouting;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's callback URL. {@code GET}: the subscription handshake. {@code POST}: a delivery, whose signature is checked
 * on the exact raw bytes before anything is parsed; only a stored delivery is answered 200.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final SignatureVerifier signatures;

	private final VerifyHandshake handshake;

	private final WebhookParser parser;

	private final NumberRouting routing;

	private final NumberSettings numbers;

	private final WebhookSettings settings;

	private final DeliveryIngest ingest;

	private final Quarantine quarantine;

	private final Clock clock;

	private final java.util.Map<String, io.micrometer.core.instrument.Counter> outcomes;

	private final AppSecret platformSecret;

	WebhookController(SignatureVerifier signatures, VerifyHandshake handshake, WebhookParser parser,
			NumberRouting routing, NumberSettings numbers, WebhookSettings settings, DeliveryIngest ingest,
			Quarantine quarantine, Clock clock, MeterRegistry meters) {
		this.signatures = signatures;
		this.handshake = handshake;
		this.parser = parser;
		this.routing = routing;
		this.numbers = numbers;
		this.settings = settings;
		this.ingest = ingest;
		this.quarantine = quarantine;
		this.clock = clock;
		this.outcomes = java.util.Map.of("accepted", outcome(meters, "accepted"), "signature-invalid",
				outcome(meters, "signature-invalid"), "not-a-delivery", outcome(meters, "not-a-delivery"), "too-large",
				outcome(meters, "too-large"));
		this.platformSecret = new AppSecret(numbers.appSecret());
	}

	@GetMapping
	ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		return handshake.answer(mode, token, challenge, routing.verifyTokens())
			.map(answer -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Forbidden"));
	}

	@PostMapping
	ResponseEntity<?> deliver(HttpServletRequest request,
			@RequestHeader(name = SignatureVerifier.HEADER, required = false) @Nullable String signature)
			throws IOException {
		long limit = settings.maxBodySize();
		if (request.getContentLengthLong() > limit) {
			return refused("too-large", HttpStatus.CONTENT_TOO_LARGE, "The delivery is larger than " + limit + " bytes.");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
		if (body.length > limit) {
			return refused("too-large", HttpStatus.CONTENT_TOO_LARGE, "The delivery is larger than " + limit + " bytes.");
		}
		Set<UUID> signedFor = null;
		SignatureCheck platform = signatures.check(body, signature, platformSecret);
		if (!platform.isValid()) {
			// a missing or malformed header fails for every secret: only a well-formed mismatch is worth the numbers' own
			signedFor = platform == SignatureCheck.MISMATCH ? signedByOwnApp(body, signature) : Set.of();
			if (signedFor.isEmpty()) {
				return refused("signature-invalid", HttpStatus.UNAUTHORIZED,
						"X-Hub-Signature-256 is missing or does not match the body.");
			}
		}
		WebhookParseResult parsed = parser.parse(body);
		if (!(parsed instanceof WebhookParseResult.Parsed delivery)) {
			String reason = parsed instanceof WebhookParseResult.MalformedJson malformed ? "not JSON: " + malformed.reason()
					: ((WebhookParseResult.NotAWhatsAppDelivery) parsed).reason();
			UUID id = quarantine.quarantine(body, reason, clock.instant());
			log.warn("Quarantined a signed webhook body that is not a delivery ({}): {}", id, reason);
			return refused("not-a-delivery", HttpStatus.BAD_REQUEST, "The body is not a WhatsApp delivery; it was kept as "
					+ id + ".");
		}
		ingest.ingest(body, delivery.delivery(), signedFor, signature);
		count("accepted");
		return ResponseEntity.ok().build();
	}

	/** The numbers with an own app secret that verifies the body, among those it names (bounded work). */
	private Set<UUID> signedByOwnApp(byte[] body, @Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			return Set.of();
		}
		return OwnAppSignatures.signedFor(body, routing.withOwnAppSecret(),
				(bytes, secret) -> signatures.check(bytes, signature, secret).isValid());
	}

	private ResponseEntity<ProblemDetail> refused(String type, HttpStatus status, String detail) {
		count(type);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(type));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static io.micrometer.core.instrument.Counter outcome(MeterRegistry meters, String outcome) {
		return io.micrometer.core.instrument.Counter.builder("whatsapp.webhook.deliveries")
			.description("Webhook deliveries by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	private void count(String outcome) {
		outcomes.get(outcome).increment();
	}
}
