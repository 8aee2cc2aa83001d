package com.whatsappflowhub.identity.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.platform.SecurityProblems;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's request budget (bucket4j): every authenticated request costs one token of its tenant's bucket and, for an
 * API key, one of the key's own bucket; each has a per-minute and a per-hour bucket, refilled smoothly (a
 * limit of 100 per minute gives one request back every 0.6 s). Over budget: 429 {@code rate-limited} with {@code Retry-After}. Every answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} of the tightest bucket
 * (draft-ietf-httpapi-ratelimit-headers). Buckets live in a bounded Caffeine cache, per replica: N replicas allow N
 * times the budget. Only the {@code /api/**} chain has this filter, so the webhook is never throttled per tenant.
 */
class ApiRateLimit extends OncePerRequestFilter {

	private final ApiRateLimitSettings settings;

	private final Directory directory;

	private final SecurityProblems problems;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets;

	private final Cache<TenantId, Limits> tenantLimits;

	ApiRateLimit(ApiRateLimitSettings settings, Directory directory, SecurityProblems problems, Clock clock) {
		this.settings = settings;
		this.directory = directory;
		this.problems = problems;
		this.time = new ClockTimeMeter(clock);
		this.buckets = Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterAccess(Duration.ofHours(1)).build();
		this.tenantLimits = Caffeine.newBuilder().maximumSize(settings.maxTracked())
			.expireAfterWrite(settings.settingsRefresh())
			.build();
	}

	/** A tenant's budget and each of its keys' budget. */
	record Limits(long perMinute, long perHour, long keyPerMinute, long keyPerHour) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		TenantId tenant = TenantContext.current().orElse(null);
		if (!(authentication instanceof JwtAuthenticationToken token) || tenant == null) {
			chain.doFilter(request, response);
			return;
		}
		Limits limits = tenantLimits.get(tenant, this::limitsOf);
		Verdict verdict = consume("tenant:" + tenant.value(), limits.perMinute(), limits.perHour());
		if (Boolean.TRUE.equals(token.getToken().getClaim("api_key"))) {
			Verdict key = consume("key:" + token.getToken().getSubject(), limits.keyPerMinute(), limits.keyPerHour());
			verdict = verdict.tighter(key);
		}
		response.setHeader("RateLimit-Limit", Long.toString(verdict.limit()));
		response.setHeader("RateLimit-Remaining", Long.toString(verdict.remaining()));
		response.setHeader("RateLimit-Reset", Long.toString(seconds(verdict.resetNanos())));
		if (!verdict.allowed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(verdict.retryNanos())));
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many requests for this " + (verdict.key() ? "API key" : "tenant")
							+ "; wait as Retry-After says.");
			return;
		}
		chain.doFilter(request, response);
	}

	private Limits limitsOf(TenantId tenant) {
		Object api = directory.settings().preferences().get("api");
		Object rate = api instanceof Map<?, ?> map ? map.get("rateLimit") : null;
		Map<?, ?> own = rate instanceof Map<?, ?> map ? map : Map.of();
		long perMinute = positive(own.get("perMinute"), settings.perMinute());
		long perHour = positive(own.get("perHour"), settings.perHour());
		return new Limits(perMinute, perHour, positive(own.get("keyPerMinute"), perMinute),
				positive(own.get("keyPerHour"), perHour));
	}

	private static long positive(Object value, long otherwise) {
		return value instanceof Number number && number.longValue() > 0 ? number.longValue() : otherwise;
	}

	private Verdict consume(String key, long perMinute, long perHour) {
		boolean apiKey = key.startsWith("key:");
		Bucket minute = bucket(key + "@" + perMinute + "/m", perMinute, Duration.ofMinutes(1));
		ConsumptionProbe m = minute.tryConsumeAndReturnRemaining(1);
		if (!m.isConsumed()) {
			return new Verdict(false, apiKey, perMinute, 0, m.getNanosToWaitForReset(), m.getNanosToWaitForRefill());
		}
		Bucket hour = bucket(key + "@" + perHour + "/h", perHour, Duration.ofHours(1));
		ConsumptionProbe h = hour.tryConsumeAndReturnRemaining(1);
		if (!h.isConsumed()) {
			minute.addTokens(1); // refused: the request costs nothing
			return new Verdict(false, apiKey, perHour, 0, h.getNanosToWaitForReset(), h.getNanosToWaitForRefill());
		}
		return h.getRemainingTokens() < m.getRemainingTokens()
				? new Verdict(true, apiKey, perHour, h.getRemainingTokens(), h.getNanosToWaitForReset(), 0)
				: new Verdict(true, apiKey, perMinute, m.getRemainingTokens(), m.getNanosToWaitForReset(), 0);
	}

	/** A token bucket refilled smoothly ({@code limit} per {@code period}); new limits make a new bucket. */
	private Bucket bucket(String id, long limit, Duration period) {
		return buckets.get(id, ignored -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, period).build())
			.withCustomTimePrecision(time)
			.build());
	}

	private static long seconds(long nanos) {
		return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
	}

	private record Verdict(boolean allowed, boolean key, long limit, long remaining, long resetNanos, long retryNanos) {

		Verdict tighter(Verdict other) {
			if (allowed != other.allowed) {
				return allowed ? other : this;
			}
			if (!allowed) {
				return retryNanos >= other.retryNanos ? this : other;
			}
			return remaining <= other.remaining ? this : other;
		}
	}
}
