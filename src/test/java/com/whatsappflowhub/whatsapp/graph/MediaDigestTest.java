package com.whatsappflowhub.whatsapp.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class MediaDigestTest {

	static final byte[] DIGEST = HexFormat.of()
		.parseHex("1e9164c8a92fd863db619f73045c4ce870a9c51ff2f9dab23e5a6c2b92598c6d");

	@Test
	void readsTheHexHashOfTheMediaLookup() {
		assertThat(MediaDownloader.decodeDigest(HexFormat.of().formatHex(DIGEST))).isEqualTo(DIGEST);
		assertThat(MediaDownloader.decodeDigest(HexFormat.of().withUpperCase().formatHex(DIGEST))).isEqualTo(DIGEST);
	}

	@Test
	void readsTheBase64HashOfWebhooks() {
		assertThat(MediaDownloader.decodeDigest(Base64.getEncoder().encodeToString(DIGEST))).isEqualTo(DIGEST);
	}

	@Test
	void readsNothingFromAHashThatIsNeither() {
		// the pywa fixtures carry shortened placeholders such as "4654+8g="
		assertThat(MediaDownloader.decodeDigest("4654+8g=")).isNull();
		assertThat(MediaDownloader.decodeDigest("a1b2c3d4e5f6...")).isNull();
	}
}
