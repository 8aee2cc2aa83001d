package com.whatsappflowhub.integrations.hooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a webhook may go (SSRF rules), checked when an endpoint is registered or changed and again before every call,
 * since a name may resolve elsewhere by then (DNS rebinding): an absolute {@code https} URL without user info or
 * fragment whose host is a public address, or a name all of whose addresses are public. Refused: loopback, private
 * (RFC 1918, carrier-grade NAT), link-local (the cloud metadata address 169.254.169.254 among them), multicast,
 * unspecified ({@code 0.0.0.0}, {@code ::}), reserved and documentation ranges, unique-local IPv6 ({@code fc00::/7}),
 * IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4, Teredo) that are one of those, {@code localhost},
 * and IPv4 written in any notation but the dotted decimal one ({@code 0x7f000001}, {@code 2130706433},
 * {@code 0177.0.0.1}, {@code 127.1}), which resolvers read in surprising ways. With {@code allowPrivate} (tests, demo
 * mode) {@code http} and every host are accepted; the URL's form is still checked.
 */
final class TargetPolicy {

	/** Name resolution; the system's in production, a fixed table in tests. */
	@FunctionalInterface
	interface Resolver {

		Resolver SYSTEM = InetAddress::getAllByName;

		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	private static final Pattern DOTTED_DECIMAL = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	/** A last label that makes a host an IPv4 number to URL parsers and resolvers (WHATWG "ends in a number"). */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

	private final boolean allowPrivate;

	private final Resolver resolver;

	TargetPolicy(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	boolean allowsPrivate() {
		return allowPrivate;
	}

	/**
	 * @return the URL, when it may be called now
	 * @throws RefusedTarget saying why not
	 */
	URI check(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new RefusedTarget("is not a valid URL");
		}
		if (!uri.isAbsolute() || uri.isOpaque()) {
			throw new RefusedTarget("must be an absolute URL");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
			throw new RefusedTarget("must use https");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedTarget("must not carry a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw new RefusedTarget("must not have a fragment");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new RefusedTarget("has no valid host name");
		}
		if (uri.getPort() > 65_535) {
			throw new RefusedTarget("has an invalid port");
		}
		if (!allowPrivate) {
			checkHost(host.toLowerCase(Locale.ROOT));
		}
		return uri;
	}

	private void checkHost(String host) {
		String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		if (name.startsWith("[")) {
			checkAddress(literal(name));
			return;
		}
		String lastLabel = name.substring(name.lastIndexOf('.') + 1);
		if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
			if (!DOTTED_DECIMAL.matcher(name).matches()) {
				throw new RefusedTarget("writes an IPv4 address in a notation other than dotted decimal");
			}
			checkAddress(literal(name));
			return;
		}
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			throw new RefusedTarget("names this machine (localhost)");
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(name);
		}
		catch (UnknownHostException ex) {
			throw new RefusedTarget("has a host name that does not resolve");
		}
		if (addresses.length == 0) {
			throw new RefusedTarget("has a host name that does not resolve");
		}
		for (InetAddress address : addresses) {
			checkAddress(address);
		}
	}

	/** An IP literal (no name resolution happens for one). */
	private static InetAddress literal(String host) {
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedTarget("has an invalid IP address");
		}
	}

	static void checkAddress(InetAddress address) {
		String why = address instanceof Inet6Address v6 ? refusedV6(v6) : refusedV4(address.getAddress());
		if (why != null) {
			throw new RefusedTarget("resolves to " + why + " (" + address.getHostAddress() + ")");
		}
	}

	private static @org.jspecify.annotations.Nullable String refusedV4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		int b2 = a[2] & 0xff;
		if (b0 == 169 && b1 == 254 && b2 == 169 && (a[3] & 0xff) == 254) {
			return "the cloud metadata address";
		}
		if (b0 == 0) {
			return "an unspecified address";
		}
		if (b0 == 127) {
			return "a loopback address";
		}
		if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
			return "a private address";
		}
		if (b0 == 100 && (b1 & 0xc0) == 64) {
			return "a carrier-grade NAT address";
		}
		if (b0 == 169 && b1 == 254) {
			return "a link-local address";
		}
		if (b0 >= 224 && b0 <= 239) {
			return "a multicast address";
		}
		if (b0 >= 240) {
			return "a reserved address";
		}
		if ((b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) || (b0 == 198 && (b1 & 0xfe) == 18)
				|| (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
			return "a reserved address";
		}
		return null;
	}

	private static @org.jspecify.annotations.Nullable String refusedV6(Inet6Address address) {
		byte[] a = address.getAddress();
		if (address.isAnyLocalAddress()) {
			return "an unspecified address";
		}
		if (address.isLoopbackAddress()) {
			return "a loopback address";
		}
		if (address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
			return "a link-local address";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		if ((a[0] & 0xfe) == 0xfc) {
			return "a unique-local address";
		}
		if (zeros(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
			return embedded(a, 12); // IPv4-mapped
		}
		if (zeros(a, 0, 12)) {
			return "an IPv4-compatible address";
		}
		if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
			return embedded(a, 12); // NAT64 64:ff9b::/96 (and 64:ff9b:1::/48, whose rest is not an address we check)
		}
		if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
			return embedded(a, 2); // 6to4
		}
		if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && a[2] == 0 && a[3] == 0) {
			return "a Teredo address";
		}
		if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
			return "a documentation address";
		}
		if ((a[0] & 0xff) == 0x01 && a[1] == 0 && zeros(a, 2, 8)) {
			return "a discard-only address";
		}
		return null;
	}

	private static @org.jspecify.annotations.Nullable String embedded(byte[] a, int from) {
		String why = refusedV4(new byte[] { a[from], a[from + 1], a[from + 2], a[from + 3] });
		return why == null ? null : why + " inside an IPv6 address";
	}

	private static boolean zeros(byte[] a, int from, int to) {
		for (int i = from; i < to; i++) {
			if (a[i] != 0) {
				return false;
			}
		}
		return true;
	}
}
