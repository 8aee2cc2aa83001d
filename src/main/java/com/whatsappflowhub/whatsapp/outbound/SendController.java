package com.whatsappflowhub.whatsapp.outbound;

import java.net.URI;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.Problems;
import com.whatsappflowhub.whatsapp.Replies;
import com.whatsappflowhub.whatsapp.SendRefused;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * Sends into a conversation over WhatsApp. {@code Idempotency-Key} makes a retried request return the first result
 * (200) instead of sending again (201 for a new message, 202 when Meta's answer left it undetermined).
 */
@Tag(name = "Conversations")
@RestController
class SendController {

	private final Replies replies;

	private final ReadReceipts readReceipts;

	/** Staff who may write to customers, and API keys with the {@code messages:send} scope. */
	static final String SENDERS = "hasAnyRole('TENANT_ADMIN', 'MANAGER', 'USER') "
			+ "or (hasRole('API_CLIENT') and hasAuthority('SCOPE_messages:send'))";

	SendController(Replies replies, ReadReceipts readReceipts) {
		this.replies = replies;
		this.readReceipts = readReceipts;
	}

	/** Marks a customer's message as read on WhatsApp. */
	@Operation(operationId = "markMessageRead", summary = "Mark a customer's message as read on WhatsApp", description = "The customer sees the blue ticks. Only inbound messages can be marked (400).")
	@ApiResponse(responseCode = "204", description = "Marked.")
	@PostMapping("/api/v1/messages/{id}/read")
	@PreAuthorize(SENDERS)
	ResponseEntity<Void> markAsRead(@PathVariable UUID id) {
		readReceipts.markAsRead(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "sendMessage", summary = "Send a WhatsApp message into a conversation", description = """
			`type` is `text`, `template`, `buttons`, `list` or `reaction`. Inside the customer's 24-hour window any \
			type may be sent; outside it only a template: anything else is replaced by the number's fallback \
			template, or refused with 409 `window-closed` when it has none. Send an \
			`Idempotency-Key` to make a retry safe: the same key answers the first result (200) instead of sending \
			again.""")
	@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Any unique string per message you mean to send; a retry with the same key sends nothing new.")
	@ApiResponse(responseCode = "201", description = "Sent: Meta accepted the message; `Location` names it.")
	@ApiResponse(responseCode = "202", description = "Stored, but Meta's answer left it undetermined: its `delivery.status` stays `PENDING` until a status arrives.")
	@ApiResponse(responseCode = "200", description = "A retry with a known `Idempotency-Key`: the message sent the first time.")
	@ApiResponse(responseCode = "422", description = "Meta refused the message (`message-rejected`) or its media (`media-failed`).")
	@ApiResponse(responseCode = "429", description = "Meta's rate limit held after our retries (`rate-limited`); the message was not sent.")
	@ApiResponse(responseCode = "502", description = "Meta refused the number's access token (`number-needs-attention`); an administrator must renew it.")
	@PostMapping("/api/v1/conversations/{id}/messages")
	@PreAuthorize(SENDERS)
	ResponseEntity<MessageView> send(@PathVariable UUID id, @Valid @RequestBody SendRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal @Nullable Jwt jwt) {
		Replies.Sent sent = replies.send(new ConversationId(id), request.reply(), idempotencyKey, user(jwt));
		if (!sent.created()) {
			return ResponseEntity.ok(sent.message());
		}
		MessageView message = sent.message();
		URI location = URI.create("/api/v1/messages/" + message.id());
		if (message.delivery() != null && "PENDING".equals(message.delivery().status())) {
			return ResponseEntity.accepted().location(location).body(message);
		}
		return ResponseEntity.created(location).body(message);
	}

	@ExceptionHandler(SendRefused.class)
	ResponseEntity<ProblemDetail> refused(SendRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(Problems.type(ex.type()));
		problem.setTitle(ex.status().getReasonPhrase());
		return ResponseEntity.status(ex.status()).body(problem);
	}

	private static @Nullable UserId user(@Nullable Jwt jwt) {
		if (jwt == null || jwt.getSubject() == null || Boolean.TRUE.equals(jwt.getClaim("api_key"))) {
			return null; // an API key is no staff member
		}
		try {
			return UserId.of(jwt.getSubject());
		}
		catch (IllegalArgumentException ex) {
			return null; // an external issuer's subject is not one of our user ids
		}
	}
}
