package com.whatsappflowhub.integrations.hooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF rules as production has them (private targets not allowed), with a fixed table for name resolution. */
class TargetPolicyTest {

	/** Names and where they resolve; anything else does not resolve. */
	static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.215.14", "rebound.example.com",
			"127.0.0.1", "metadata.example.com", "169.254.169.254", "inside.example.com", "10.1.2.3",
			"v6inside.example.com", "fd00:ec2::254", "mixed.example.com", "93.184.215.14,192.168.1.10");

	final TargetPolicy policy = new TargetPolicy(false, TargetPolicyTest::resolve);

	static InetAddress[] resolve(String host) throws UnknownHostException {
		String addresses = DNS.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		String[] literals = addresses.split(",");
		InetAddress[] resolved = new InetAddress[literals.length];
		for (int i = 0; i < literals.length; i++) {
			resolved[i] = InetAddress.getByName(literals[i]);
		}
		return resolved;
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1/hook                | must use https
			http://hooks.example.com/hook        | must use https
			ftp://hooks.example.com/hook         | must use https
			https://10.0.0.1/hook                | a private address
			https://172.16.5.4/hook              | a private address
			https://192.168.0.10/hook            | a private address
			https://[::1]/hook                   | a loopback address
			https://127.0.0.1/hook               | a loopback address
			https://127.0.0.1.:8443/hook         | has no valid host name
			https://localhost.:8443/hook         | localhost
			https://169.254.169.254/latest/meta-data | the cloud metadata address
			https://169.254.10.1/hook            | a link-local address
			https://0x7f000001/hook              | notation other than dotted decimal
			https://2130706433/hook              | notation other than dotted decimal
			https://0177.0.0.1/hook              | notation other than dotted decimal
			https://127.1/hook                   | has no valid host name
			https://localhost/hook               | localhost
			https://api.localhost/hook           | localhost
			https://0.0.0.0/hook                 | an unspecified address
			https://[::]/hook                    | an unspecified address
			https://224.0.0.1/hook               | a multicast address
			https://[ff02::1]/hook               | a multicast address
			https://[fd12:3456::1]/hook          | a unique-local address
			https://[fe80::1]/hook               | a link-local address
			https://[::ffff:127.0.0.1]/hook      | a loopback address
			https://[::ffff:a9fe:a9fe]/hook      | the cloud metadata address
			https://[64:ff9b::a00:1]/hook        | a private address inside an IPv6 address
			https://[2002:c0a8:0101::1]/hook     | a private address inside an IPv6 address
			https://100.64.0.1/hook              | a carrier-grade NAT address
			https://255.255.255.255/hook         | a reserved address
			https://rebound.example.com/hook     | a loopback address
			https://metadata.example.com/hook    | the cloud metadata address
			https://inside.example.com/hook      | a private address
			https://v6inside.example.com/hook    | a unique-local address
			https://mixed.example.com/hook       | a private address
			https://unknown.example.com/hook     | does not resolve
			https://user:secret@hooks.example.com/hook | user name or password
			https://hooks.example.com/hook#part  | fragment
			https://hooks.example.com:99999/hook | invalid port
			/relative/hook                       | absolute URL
			https://exa_mple.com/hook            | has no valid host name
			""")
	void refuses(String url, String why) {
		assertThatThrownBy(() -> policy.check(url)).isInstanceOf(RefusedTarget.class)
			.hasMessageStartingWith("url: ")
			.hasMessageContaining(why);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.example.com/hook", "https://hooks.example.com:8443/in?source=flowhub",
			"https://93.184.215.14/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook", "HTTPS://HOOKS.EXAMPLE.COM/x" })
	void acceptsHttpsToPublicAddresses(String url) {
		assertThat(policy.check(url).getScheme()).isEqualToIgnoringCase("https");
	}

	@Test
	void aNameThatResolvesToAPrivateAddressLaterIsRefusedAtThatTime() {
		Map<String, String> dns = new java.util.HashMap<>(Map.of("flip.example.com", "93.184.215.14"));
		TargetPolicy rebinding = new TargetPolicy(false, host -> new InetAddress[] { InetAddress.getByName(dns.get(host)) });
		assertThat(rebinding.check("https://flip.example.com/hook")).isNotNull();

		dns.put("flip.example.com", "127.0.0.1");

		assertThatThrownBy(() -> rebinding.check("https://flip.example.com/hook")).isInstanceOf(RefusedTarget.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void allowingPrivateTargetsAcceptsHttpAndLocalHostsButStillChecksTheForm() {
		TargetPolicy local = new TargetPolicy(true, host -> {
			throw new UnknownHostException(host);
		});

		assertThat(local.check("http://127.0.0.1:8089/hook").getPort()).isEqualTo(8089);
		assertThat(local.check("https://localhost/hook")).isNotNull();
		assertThatThrownBy(() -> local.check("ftp://127.0.0.1/hook")).isInstanceOf(RefusedTarget.class);
		assertThatThrownBy(() -> local.check("http://user:pw@127.0.0.1/hook")).isInstanceOf(RefusedTarget.class);
	}
}
