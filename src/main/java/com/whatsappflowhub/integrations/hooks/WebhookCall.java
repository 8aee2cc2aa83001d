package com.whatsappflowhub.integrations.hooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * One POST of a signed message to an endpoint: the JDK's HTTP client, redirects never followed, a connect timeout,
 * a response timeout, the whole call bounded, and at most {@link #SNIPPET} bytes of the answer read (a far end cannot
 * make us hold more).
 */
class WebhookCall {

	static final int SNIPPET = 512;

	static final String USER_AGENT = "WhatsAppFlowHub-Webhooks/1.0";

	/** What the endpoint answered: status, its {@code Retry-After} and {@code Location}, and the start of the body. */
	record Answer(int status, @Nullable String retryAfter, @Nullable String location, String snippet) {
	}

	/** The call did not get an answer: no connection, a timeout, a broken stream. */
	static final class NoAnswer extends Exception {

		NoAnswer(String message) {
			super(message, null, false, false);
		}
	}

	private final HttpClient http;

	private final Duration readTimeout;

	private final Duration callLimit;

	WebhookCall(Duration connectTimeout, Duration readTimeout) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.readTimeout = readTimeout;
		this.callLimit = connectTimeout.plus(readTimeout).plusSeconds(5);
	}

	Answer post(URI url, String id, long timestamp, String signature, byte[] body) throws NoAnswer {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(readTimeout)
			.header("Content-Type", CloudEvents.CONTENT_TYPE)
			.header("User-Agent", USER_AGENT)
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> new Snippet(SNIPPET));
		try {
			HttpResponse<byte[]> response = call.get(callLimit.toMillis(), TimeUnit.MILLISECONDS);
			return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
					response.headers().firstValue("Location").orElse(null), text(response.body()));
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			throw new NoAnswer("no answer within " + callLimit.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			throw new NoAnswer(describe(cause));
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new NoAnswer("interrupted");
		}
	}

	private static String describe(Throwable failure) {
		if (failure instanceof java.net.http.HttpConnectTimeoutException) {
			return "connect timed out";
		}
		if (failure instanceof java.net.http.HttpTimeoutException) {
			return "no answer in time";
		}
		if (failure instanceof java.net.ConnectException) {
			return "connection refused";
		}
		if (failure instanceof IOException) {
			return "connection failed (" + failure.getClass().getSimpleName() + ")";
		}
		return failure.getClass().getSimpleName();
	}

	/** The first bytes of the body as text (what a log may show: no NUL, no control characters but spaces). */
	private static String text(byte[] bytes) {
		String decoded = new String(bytes, StandardCharsets.UTF_8);
		StringBuilder clean = new StringBuilder(decoded.length());
		decoded.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return clean.toString().strip();
	}

	/** Collects at most {@code limit} bytes of a body, then stops reading (the connection is dropped, not drained). */
	static final class Snippet implements HttpResponse.BodySubscriber<byte[]> {

		private final int limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.@Nullable Subscription subscription;

		Snippet(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			for (ByteBuffer item : items) {
				int take = Math.min(item.remaining(), limit - bytes.size());
				byte[] chunk = new byte[take];
				item.get(chunk);
				bytes.write(chunk, 0, take);
				if (bytes.size() >= limit) {
					result.complete(bytes.toByteArray());
					if (subscription != null) {
						subscription.cancel();
					}
					return;
				}
			}
			if (subscription != null) {
				subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			result.complete(bytes.toByteArray()); // the status is what counts; a broken body keeps what came
		}

		@Override
		public void onComplete() {
			result.complete(bytes.toByteArray());
		}
	}
}
