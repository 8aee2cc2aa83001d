import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-to-end load of the main flow: posts N signed WhatsApp messages (a mix of requests and small talk) to the
 * webhook at a fixed offered rate, and times each request from the webhook's 200 until its task is readable through
 * {@code GET /api/v1/tasks} (polled every 100 ms, so latencies carry up to 100 ms of polling error). Prints
 * messages/s completed and p50/p95/p99 of that latency, and tasks made from small talk.
 *
 * <pre>
 * java scripts/PipelineLoad.java [--base http://localhost:8080] [--email admin@demo.flowhub.local] --password P
 *                                [--n 500] [--rate 20] [--requests 0.7] [--secret S] [--phone-number-id demo-phone-number-id]
 * </pre>
 */
public class PipelineLoad {

	static final Pattern REF = Pattern.compile("ref (\\d+)");

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		Map<String, String> o = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String base = o.getOrDefault("base", "http://localhost:8080");
		String email = o.getOrDefault("email", "admin@demo.flowhub.local");
		String password = o.getOrDefault("password", System.getenv().getOrDefault("FLOWHUB_DEMO_ADMIN_PASSWORD", ""));
		String secret = o.getOrDefault("secret", System.getenv().getOrDefault("FLOWHUB_WHATSAPP_APP_SECRET",
				"dev-only-app-secret-do-not-use-in-production"));
		String phoneNumberId = o.getOrDefault("phone-number-id", "demo-phone-number-id");
		int n = Integer.parseInt(o.getOrDefault("n", "500"));
		double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
		double share = Double.parseDouble(o.getOrDefault("requests", "0.7"));
		String run = UUID.randomUUID().toString().substring(0, 6);

		String token = signIn(base, email, password);
		Instant start = Instant.now().minusSeconds(5);
		Map<Integer, Long> acked = new ConcurrentHashMap<>();
		Map<Integer, Long> seen = new ConcurrentHashMap<>();
		boolean[] request = new boolean[n];
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

		ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
		poller.scheduleWithFixedDelay(() -> poll(base, token, start, run, seen), 100, 100, TimeUnit.MILLISECONDS);

		System.out.printf("pipeline load: %s, N=%d at %.0f messages/s offered, %.0f%% requests, run %s%n", base, n, rate,
				share * 100, run);
		long interval = (long) (1_000_000_000 / rate);
		long t0 = System.nanoTime();
		int failures = 0;
		for (int i = 0; i < n; i++) {
			long due = t0 + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			request[i] = (i * 7919 % 100) < share * 100; // a fixed, spread-out mix
			String text = request[i] ? "Please check the boiler in flat " + (i % 90 + 1) + " before Friday (ref " + i + ")"
					: "Thanks a lot for yesterday, everything works now (ref " + i + ")";
			byte[] body = delivery(phoneNumberId, run, i, text).getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
				.header("Content-Type", "application/json")
				.header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				acked.put(i, System.nanoTime());
			}
			else {
				failures++;
			}
		}
		long sentAll = System.nanoTime();
		int requests = 0;
		for (boolean r : request) {
			requests += r ? 1 : 0;
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline && countSeen(seen, request, true) < requests) {
			TimeUnit.MILLISECONDS.sleep(200);
		}
		TimeUnit.SECONDS.sleep(2); // let small talk show whether it made tasks
		poller.shutdownNow();

		List<Long> latencies = new ArrayList<>();
		long lastSeen = t0;
		for (int i = 0; i < n; i++) {
			if (request[i] && seen.containsKey(i) && acked.containsKey(i)) {
				latencies.add(Math.max(0, seen.get(i) - acked.get(i)));
				lastSeen = Math.max(lastSeen, seen.get(i));
			}
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		double seconds = (lastSeen - t0) / 1e9;
		System.out.printf("sent %d (webhook refused %d) in %.1f s; %d requests, %d tasks seen, %d missing; %d tasks from small talk%n",
				n, failures, (sentAll - t0) / 1e9, requests, countSeen(seen, request, true),
				requests - countSeen(seen, request, true), countSeen(seen, request, false));
		System.out.printf("completed: %.1f messages/s (all %d messages through the pipeline in %.1f s)%n", n / seconds, n,
				seconds);
		System.out.printf("ACK to task readable: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", ms(sorted, 0.50),
				ms(sorted, 0.95), ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
		System.exit(0);
	}

	static int countSeen(Map<Integer, Long> seen, boolean[] request, boolean requests) {
		int count = 0;
		for (Integer i : seen.keySet()) {
			count += request[i] == requests ? 1 : 0;
		}
		return count;
	}

	static void poll(String base, String token, Instant from, String run, Map<Integer, Long> seen) {
		try {
			String cursor = null;
			do {
				String uri = base + "/api/v1/tasks?limit=200&createdFrom=" + from + (cursor == null ? "" : "&cursor=" + cursor);
				String body = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).build(),
						HttpResponse.BodyHandlers.ofString()).body();
				long now = System.nanoTime();
				Matcher m = REF.matcher(body);
				while (m.find()) {
					seen.putIfAbsent(Integer.parseInt(m.group(1)), now);
				}
				Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(body);
				cursor = next.find() ? next.group(1) : null;
			}
			while (cursor != null);
		}
		catch (Exception ex) {
			System.err.println("poll failed: " + ex.getMessage());
		}
	}

	static String signIn(String base, String email, String password) throws Exception {
		String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("sign-in failed: " + body);
		}
		return m.group(1);
	}

	static String delivery(String phoneNumberId, String run, int i, String text) {
		String from = "4477" + (10000000 + i % 5000);
		return """
				{"object":"whatsapp_business_account","entry":[{"id":"load-waba","changes":[{"field":"messages","value":{
				"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550199999","phone_number_id":"%s"},
				"contacts":[{"profile":{"name":"Customer %d"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"wamid.PIPE%s%08d",
				"timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
			.formatted(phoneNumberId, i % 5000, from, from, run, i, Instant.now().getEpochSecond(), text);
	}

	static double ms(long[] sorted, double q) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}
}
