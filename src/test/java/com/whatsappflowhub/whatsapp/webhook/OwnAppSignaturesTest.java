package com.whatsappflowhub.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.number.NumberRouting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An unauthenticated body naming many numbers costs a bounded number of HMACs, not one per number. */
class OwnAppSignaturesTest {

	final SignatureVerifier verifier = new SignatureVerifier();

	List<NumberRouting.Route> routes(int n) {
		List<NumberRouting.Route> routes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			routes.add(new NumberRouting.Route(new TenantId(UUID.randomUUID()), UUID.randomUUID(), "10000" + i, "20000" + i,
					"own-secret-" + i, null));
		}
		return routes;
	}

	static byte[] bodyNaming(List<NumberRouting.Route> routes) {
		String changes = routes.stream()
			.map(r -> "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"" + r.phoneNumberId() + "\"}}}")
			.collect(Collectors.joining(","));
		return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"x\",\"changes\":[" + changes + "]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aForgedBodyNamingFiftyNumbersCostsAtMostThreeHmacs() {
		List<NumberRouting.Route> routes = routes(50);
		byte[] body = bodyNaming(routes);
		String forged = verifier.sign(body, new AppSecret("not-anyones-secret"));
		AtomicInteger hmacs = new AtomicInteger();
		var signed = OwnAppSignatures.signedFor(body, routes, (bytes, secret) -> {
			hmacs.incrementAndGet();
			return verifier.check(bytes, forged, secret).isValid();
		});
		assertThat(signed).isEmpty();
		assertThat(hmacs.get()).isLessThanOrEqualTo(OwnAppSignatures.MAX_SECRETS);
	}

	@Test
	void aDeliverySignedByANumbersOwnAppIsRecognised() {
		List<NumberRouting.Route> routes = routes(10);
		NumberRouting.Route own = routes.get(7);
		byte[] body = bodyNaming(List.of(own));
		String signature = verifier.sign(body, new AppSecret(own.appSecret()));
		var signed = OwnAppSignatures.signedFor(body, routes,
				(bytes, secret) -> verifier.check(bytes, signature, secret).isValid());
		assertThat(signed).containsExactly(own.numberId());
		assertThat(IntStream.range(0, 10).filter(i -> i != 7).mapToObj(i -> routes.get(i).numberId()))
			.noneMatch(signed::contains);
	}
}
