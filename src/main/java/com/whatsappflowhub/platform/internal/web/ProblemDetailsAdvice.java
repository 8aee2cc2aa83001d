package com.whatsappflowhub.platform.internal.web;

import java.util.List;
import java.util.Map;

import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.PreconditionFailed;
import com.whatsappflowhub.platform.Problems;
import com.whatsappflowhub.platform.Unauthorized;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem with a stable {@code type}. Validation problems list the fields;
 * unexpected failures are logged and answered without their message or stack.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict ex) {
		return problem(HttpStatus.CONFLICT, ex.problemType(), ex.getMessage());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "conflict", "The resource clashes with one that exists already.");
	}

	@ExceptionHandler(InvalidRequest.class)
	ProblemDetail invalid(InvalidRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.problemType(), ex.getMessage());
	}

	@ExceptionHandler(com.whatsappflowhub.platform.Unavailable.class)
	ResponseEntity<ProblemDetail> unavailable(com.whatsappflowhub.platform.Unavailable ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ex.problemType(), ex.getMessage()));
	}

	@ExceptionHandler(PreconditionFailed.class)
	ProblemDetail preconditionFailed(PreconditionFailed ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, "stale", ex.getMessage());
	}

	@ExceptionHandler(Unauthorized.class)
	ResponseEntity<ProblemDetail> unauthorized(Unauthorized ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem(HttpStatus.UNAUTHORIZED, ex.problemType(), ex.getMessage()));
	}

	@ExceptionHandler(com.whatsappflowhub.platform.TooManyRequests.class)
	ResponseEntity<ProblemDetail> tooManyRequests(com.whatsappflowhub.platform.TooManyRequests ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, ex.problemType(), ex.getMessage()));
	}

	private final org.springframework.context.ApplicationEventPublisher events;

	ProblemDetailsAdvice(org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex, jakarta.servlet.http.HttpServletRequest request) {
		events.publishEvent(new com.whatsappflowhub.platform.AccessDenied(request.getMethod() + " " + request.getRequestURI(),
				"role does not allow it"));
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this operation.");
	}

	/** Method validation outside Spring MVC's own (a proxied controller or service): a 400 naming the parameters. */
	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ProblemDetail constraintViolation(jakarta.validation.ConstraintViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid parameters.");
		problem.setProperty("errors", ex.getConstraintViolations()
			.stream()
			.map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", String.valueOf(v.getMessage())))
			.toList());
		return problem;
	}

	/**
	 * PostgreSQL cannot store U+0000 in text (SQLSTATE 22021, also 22P05 for jsonb): a request that carries one is the
	 * client's mistake, so a 400, not a 500.
	 */
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ProblemDetail dataIntegrity(org.springframework.dao.DataIntegrityViolationException ex) {
		if (NulCharacters.causedByNul(ex)) {
			return problem(HttpStatus.BAD_REQUEST, "nul-character",
					"The request contains a NUL character (U+0000), which cannot be stored.");
		}
		return unexpected(ex);
	}

	@ExceptionHandler(BodyTooLarge.class)
	ProblemDetail bodyTooLarge(BodyTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", ex.getMessage());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(bodyTooLarge(tooLarge));
			}
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "malformed-body", "The request body is not valid JSON of the expected shape."));
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure while handling an API request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side.");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::fieldError)
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid parameters.");
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
			problem.setType(Problems.type(HttpStatus.valueOf(statusCode.value()).name().toLowerCase().replace('_', '-')));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static Map<String, String> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String type, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? status.getReasonPhrase() : detail);
		problem.setType(Problems.type(type));
		return problem;
	}
}
