import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for the WhatsApp webhook: posts N signed deliveries (one text message each, from a pool of customers, every
 * wamid unique) at concurrency C against a running service, and prints deliveries accepted per second and the
 * acknowledgement latency (p50, p90, p99, max) of the 200 answers.
 *
 * <pre>
 * java scripts/WebhookLoad.java [--url http://localhost:8080/webhooks/whatsapp] [--secret S] [--phone-number-id demo-phone-number-id]
 *                               [--n 20000] [--c 32] [--warmup 2000] [--senders 1000] [--texts FILE.jsonl] [--rate R]
 * </pre>
 *
 * {@code --texts}: the message texts, in turn, from the {@code text} field of each line of a JSONL file (e.g.
 * {@code ../shared/eval/whatsapp-dev.jsonl}: mixed languages, small talk and requests, long and short), so the
 * pipeline pays the real analysis cost; without it every message is the same request. {@code --rate}: offer at most
 * R deliveries per second in all (an open load: sends are scheduled, and latency counts from the scheduled time), so
 * the acknowledgement latency can be read at a given offered load; without it each of the C connections sends as
 * fast as it is answered.
 *
 * The secret defaults to FLOWHUB_WHATSAPP_APP_SECRET, else the service's dev-only default.
 */
public class WebhookLoad {

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		URI url = URI.create(options.getOrDefault("url", "http://localhost:8080/webhooks/whatsapp"));
		String secret = options.getOrDefault("secret", System.getenv().getOrDefault("FLOWHUB_WHATSAPP_APP_SECRET",
				"dev-only-app-secret-do-not-use-in-production"));
		String phoneNumberId = options.getOrDefault("phone-number-id", "demo-phone-number-id");
		int n = Integer.parseInt(options.getOrDefault("n", "20000"));
		int c = Integer.parseInt(options.getOrDefault("c", "32"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
		int senders = Integer.parseInt(options.getOrDefault("senders", "1000"));
		String run = UUID.randomUUID().toString().substring(0, 8);
		texts = options.containsKey("texts") ? texts(java.nio.file.Path.of(options.get("texts"))) : List.of();
		rate = Double.parseDouble(options.getOrDefault("rate", "0"));

		System.out.printf("webhook load: %s, N=%d, C=%d, warm-up %d, %d senders, run %s%n", url, n, c, warmup, senders, run);
		if (warmup > 0) {
			phase(url, secret, phoneNumberId, run + "w", warmup, c, senders);
		}
		Result result = phase(url, secret, phoneNumberId, run, n, c, senders);
		long[] latencies = Arrays.copyOf(result.latencies(), result.count());
		Arrays.sort(latencies);
		double seconds = result.wallNanos() / 1e9;
		System.out.printf("accepted: %d of %d (other answers: %d, failures: %d) in %.2f s%n", result.accepted(), n,
				result.otherStatus(), result.failures(), seconds);
		System.out.printf("throughput: %.0f deliveries/s accepted%n", result.accepted() / seconds);
		System.out.printf("ACK latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(latencies, 0.50),
				ms(latencies, 0.90), ms(latencies, 0.99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
		System.exit(result.accepted() == n ? 0 : 1);
	}

	static List<String> texts = List.of();

	static double rate;

	/** The {@code text} field of every line (a small reader of JSON strings: the script has no libraries). */
	static List<String> texts(java.nio.file.Path file) throws IOException {
		List<String> found = new java.util.ArrayList<>();
		for (String line : java.nio.file.Files.readAllLines(file)) {
			int key = line.indexOf("\"text\"");
			if (key < 0) {
				continue;
			}
			int i = line.indexOf('"', line.indexOf(':', key) + 1) + 1;
			StringBuilder text = new StringBuilder();
			for (; i < line.length() && line.charAt(i) != '"'; i++) {
				char ch = line.charAt(i);
				if (ch == '\\') {
					char e = line.charAt(++i);
					switch (e) {
						case 'n' -> text.append('\n');
						case 't' -> text.append('\t');
						case 'r' -> text.append('\r');
						case 'b', 'f' -> text.append(' ');
						case 'u' -> {
							text.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
							i += 4;
						}
						default -> text.append(e);
					}
				}
				else {
					text.append(ch);
				}
			}
			if (!text.isEmpty()) {
				found.add(text.toString());
			}
		}
		return found;
	}

	/** The text as a JSON string's content. */
	static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char ch : text.toCharArray()) {
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (ch < 0x20) {
						out.append(String.format("\\u%04x", (int) ch));
					}
					else {
						out.append(ch);
					}
				}
			}
		}
		return out.toString();
	}

	record Result(int accepted, int otherStatus, int failures, long[] latencies, int count, long wallNanos) {
	}

	static Result phase(URI url, String secret, String phoneNumberId, String run, int n, int c, int senders)
			throws Exception {
		// bodies and signatures are made before the clock starts, so the client spends its CPU on sending only
		byte[][] requests = new byte[n][];
		Mac mac = mac(secret);
		String host = url.getHost() + ":" + url.getPort();
		for (int i = 0; i < n; i++) {
			byte[] body = delivery(phoneNumberId, run, i, senders).getBytes(StandardCharsets.UTF_8);
			String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + host
					+ "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: sha256="
					+ HexFormat.of().formatHex(mac.doFinal(body)) + "\r\nContent-Length: " + body.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			requests[i] = request;
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		long[] latencies = new long[n];
		AtomicInteger recorded = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(c);
		long started = System.nanoTime();
		for (int w = 0; w < c; w++) {
			workers.execute(() -> {
				Connection connection = null;
				for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					if (rate > 0) {
						long due = started + (long) (i * 1e9 / rate);
						long wait = due - sent;
						if (wait > 0) {
							java.util.concurrent.locks.LockSupport.parkNanos(wait);
						}
						sent = due; // latency from the scheduled time: a late send counts as waiting
					}
					try {
						if (connection == null) {
							connection = new Connection(url);
						}
						int status = connection.exchange(requests[i]);
						long elapsed = System.nanoTime() - sent;
						if (connection.closing) {
							connection.close();
							connection = null;
						}
						if (status == 200) {
							accepted.incrementAndGet();
							latencies[recorded.getAndIncrement()] = elapsed;
						}
						else {
							other.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failures.incrementAndGet();
						if (connection != null) {
							connection.close();
						}
						connection = null;
					}
				}
				if (connection != null) {
					connection.close();
				}
			});
		}
		workers.shutdown();
		workers.awaitTermination(1, TimeUnit.HOURS);
		return new Result(accepted.get(), other.get(), failures.get(), latencies, recorded.get(), System.nanoTime() - started);
	}

	/** A kept-alive HTTP/1.1 connection: writes a prepared request, reads the status and skips the body. */
	static final class Connection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		/** The server said it closes the connection after this answer (Tomcat: every 100 requests). */
		boolean closing;

		Connection(URI url) throws IOException {
			socket = new Socket(url.getHost(), url.getPort());
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(30_000);
			in = new BufferedInputStream(socket.getInputStream(), 8192);
			out = socket.getOutputStream();
		}

		int exchange(byte[] request) throws IOException {
			out.write(request);
			out.flush();
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closing = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
					in.skipNBytes(size);
					line();
				}
				line();
			}
			else if (length > 0) {
				in.skipNBytes(length);
			}
			return status;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("connection closed");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	static String delivery(String phoneNumberId, String run, int i, int senders) {
		String from = String.valueOf(4915200000000L + (i % senders));
		long now = System.currentTimeMillis() / 1000;
		return """
				{"object":"whatsapp_business_account","entry":[{"id":"demo-business-account-id","changes":[{"field":"messages",\
				"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100","phone_number_id":"%s"},\
				"contacts":[{"profile":{"name":"Load %d"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"wamid.LOAD%s%08d",\
				"timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
			.formatted(phoneNumberId, i % senders, from, from, run, i, now,
					texts.isEmpty() ? "Please check the boiler in flat " + (i % 97) + " before Friday"
							: json(texts.get(i % texts.size())));
	}

	static Mac mac(String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static double ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}
}
