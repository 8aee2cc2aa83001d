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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

/**
 * Meta's callback URL. {@code GET}: the subscription handshake. {@code POST}: a delivery, whose signature is checked
 * on the exact raw bytes before anything is parsed; only a stored delivery is answered 200.
 */
@Tag(name = "WhatsApp webhook")
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

	@Operation(operationId = "verifyWebhook", summary = "Meta's subscription handshake", description = """
			Meta calls this once when the callback URL is saved in the app's WhatsApp configuration: with \
			`hub.mode=subscribe` and a known `hub.verify_token` (the platform's, or a number's own) the answer is \
			`hub.challenge` as `text/plain`; anything else is 403.""")
	@ApiResponse(responseCode = "200", description = "The challenge, echoed.", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string", example = "1158201444")))
	@ApiResponse(responseCode = "403", description = "Not a subscription, or an unknown verify token.", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string", example = "Forbidden")))
	@GetMapping
	ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		return handshake.answer(mode, token, challenge, routing.verifyTokens())
			.map(answer -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Forbidden"));
	}

	@Operation(operationId = "receiveWebhook", summary = "A signed event delivery from Meta", description = """
			What Meta's WhatsApp Business Cloud API sends: a JSON object `{"object": "whatsapp_business_account", \
			"entry": [{"id": <WABA id>, "changes": [{"field": "messages", "value": {...}}]}]}` whose `value` holds \
			`messages` (every type), `statuses` (sent, delivered, read, failed), `contacts` and `errors`, or an \
			account event. `X-Hub-Signature-256` is `sha256=` and the hex HMAC-SHA256 of the exact body under the \
			Meta app's secret (the platform's, or the number's own app); it is checked before anything is parsed. The \
			delivery is stored and routed to its tenant by `metadata.phone_number_id` before the 200, so a 200 means \
			it is kept; Meta retries anything else. A redelivery (same message ids) changes nothing.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "Meta's webhook payload (WhatsApp Business Cloud API)."), examples = @ExampleObject(name = "text message", value = """
					{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","timestamp":"1749416383","type":"text","text":{"body":"Can you send me the invoice by Friday?"}}]}}]}]}"""))))
	@Parameter(name = "X-Hub-Signature-256", in = ParameterIn.HEADER, required = true, description = "`sha256=<hex HMAC-SHA256 of the raw body under the app secret>`", example = "sha256=6f1c0c2b9d2e4f8a0c5e7b3a1d9f2e4c6b8a0d2f4e6c8b0a2d4f6e8c0b2d4f6e")
	@ApiResponse(responseCode = "200", description = "Stored: Meta need not send it again.", content = @Content)
	@ApiResponse(responseCode = "400", description = "Signed, but not a WhatsApp delivery (`not-a-delivery`); the body is quarantined.")
	@ApiResponse(responseCode = "401", description = "`X-Hub-Signature-256` is missing or does not match the body (`signature-invalid`).")
	@ApiResponse(responseCode = "413", description = "The body is larger than the configured limit (`too-large`, 1 MB by default).")
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
