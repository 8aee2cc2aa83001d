package com.whatsappflowhub.whatsapp.outbound;

import java.net.URI;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.Problems;
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

/**
 * Sends into a conversation over WhatsApp. {@code Idempotency-Key} makes a retried request return the first result
 * (200) instead of sending again (201 for a new message, 202 when Meta's answer left it undetermined).
 */
@RestController
class SendController {

	private final Sending sending;

	private final ReadReceipts readReceipts;

	SendController(Sending sending, ReadReceipts readReceipts) {
		this.sending = sending;
		this.readReceipts = readReceipts;
	}

	/** Marks a customer's message as read on WhatsApp. */
	@PostMapping("/api/v1/messages/{id}/read")
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'MANAGER', 'USER')")
	ResponseEntity<Void> markAsRead(@PathVariable UUID id) {
		readReceipts.markAsRead(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/conversations/{id}/messages")
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'MANAGER', 'USER')")
	ResponseEntity<MessageView> send(@PathVariable UUID id, @Valid @RequestBody SendRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal @Nullable Jwt jwt) {
		Sending.Sent sent = sending.send(new ConversationId(id), request, idempotencyKey, user(jwt));
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

	@ExceptionHandler(Sending.SendRefused.class)
	ResponseEntity<ProblemDetail> refused(Sending.SendRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(Problems.type(ex.type()));
		problem.setTitle(ex.status().getReasonPhrase());
		return ResponseEntity.status(ex.status()).body(problem);
	}

	private static @Nullable UserId user(@Nullable Jwt jwt) {
		if (jwt == null || jwt.getSubject() == null) {
			return null;
		}
		try {
			return UserId.of(jwt.getSubject());
		}
		catch (IllegalArgumentException ex) {
			return null; // an external issuer's subject is not one of our user ids
		}
	}
}
