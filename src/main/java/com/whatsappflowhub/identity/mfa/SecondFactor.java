package com.whatsappflowhub.identity.mfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.Secrets;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's TOTP second factor: enrolment (a new secret, shown once as base32, an otpauth URI and its QR code, with
 * ten recovery codes), confirmation with a first code, and the check at sign-in (a TOTP code, each good once, or a
 * recovery code, each good once). Runs in the user's tenant.
 */
@Service
public class SecondFactor {

	static final String ISSUER = "WhatsAppFlowHub";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactor(JdbcClient jdbc, Secrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** What enrolment shows once. */
	public record Enrolment(String secret, String otpauthUri, String qrCode, List<String> recoveryCodes) {
	}

	/** The outcome at sign-in. */
	public enum Check {
		NOT_ENROLLED, REQUIRED, ACCEPTED, REFUSED
	}

	static final class AlreadyEnabled extends Conflict {

		AlreadyEnabled() {
			super("mfa-already-enabled", "A second factor is already enabled for this user.");
		}
	}

	static final class WrongCode extends InvalidRequest {

		WrongCode() {
			super("mfa-code-invalid", "The code does not match; check the authenticator app's clock and try the next code.");
		}
	}

	private record Stored(byte[] secret, List<String> recovery, boolean confirmed, long lastCounter) {
	}

	@Transactional
	public Enrolment enroll(UserId user, String email) {
		Optional<Stored> existing = stored(user);
		if (existing.isPresent() && existing.get().confirmed()) {
			throw new AlreadyEnabled();
		}
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			byte[] bytes = new byte[5];
			random.nextBytes(bytes);
			String code = Base32.encode(bytes).toLowerCase();
			codes.add(code);
			hashes.add(hash(code));
		}
		jdbc.sql("DELETE FROM user_mfa WHERE user_id = ?").param(user.value()).update();
		jdbc.sql("""
				INSERT INTO user_mfa (user_id, tenant_id, secret, recovery_hashes, created_at) VALUES (?, ?, ?, ?::text[], ?)""")
			.params(user.value(), TenantContext.require().value(), secrets.seal(secret, context(user)),
					"{" + String.join(",", hashes) + "}", Timestamp.from(clock.instant()))
			.update();
		String base32 = Base32.encode(secret);
		String uri = "otpauth://totp/" + encode(ISSUER + ":" + email) + "?secret=" + base32 + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=6&period=30";
		return new Enrolment(base32, uri, qrCode(uri), codes);
	}

	/** Turns the enrolment on with the first code from the app. */
	@Transactional
	public void confirm(UserId user, String code) {
		Stored stored = stored(user).orElseThrow(WrongCode::new);
		if (stored.confirmed()) {
			throw new AlreadyEnabled();
		}
		OptionalLong counter = Totp.match(stored.secret(), code, clock.instant(), stored.lastCounter());
		if (counter.isEmpty()) {
			throw new WrongCode();
		}
		jdbc.sql("UPDATE user_mfa SET confirmed_at = ?, last_counter = ? WHERE user_id = ?")
			.params(Timestamp.from(clock.instant()), counter.getAsLong(), user.value())
			.update();
	}

	public boolean enabled(UserId user) {
		return stored(user).filter(Stored::confirmed).isPresent();
	}

	/** At sign-in, in the user's tenant and transaction: uses up the code it accepts. */
	@Transactional
	public Check check(UserId user, @Nullable String code) {
		Optional<Stored> found = stored(user).filter(Stored::confirmed);
		if (found.isEmpty()) {
			return Check.NOT_ENROLLED;
		}
		if (code == null || code.isBlank()) {
			return Check.REQUIRED;
		}
		Stored stored = found.get();
		String given = code.trim();
		OptionalLong counter = Totp.match(stored.secret(), given, clock.instant(), stored.lastCounter());
		if (counter.isPresent()) {
			int updated = jdbc.sql("UPDATE user_mfa SET last_counter = ? WHERE user_id = ? AND last_counter < ?")
				.params(counter.getAsLong(), user.value(), counter.getAsLong())
				.update();
			return updated == 1 ? Check.ACCEPTED : Check.REFUSED;
		}
		String hash = hash(given.toLowerCase());
		if (stored.recovery().contains(hash)) {
			int updated = jdbc.sql("UPDATE user_mfa SET recovery_hashes = array_remove(recovery_hashes, ?) "
					+ "WHERE user_id = ? AND ? = ANY (recovery_hashes)")
				.params(hash, user.value(), hash)
				.update();
			return updated == 1 ? Check.ACCEPTED : Check.REFUSED;
		}
		return Check.REFUSED;
	}

	private Optional<Stored> stored(UserId user) {
		return jdbc.sql("SELECT secret, recovery_hashes, confirmed_at, last_counter FROM user_mfa WHERE user_id = ?")
			.param(user.value())
			.query((rs, row) -> new Stored(secrets.open(rs.getBytes("secret"), context(user)),
					Arrays.asList((String[]) rs.getArray("recovery_hashes").getArray()), rs.getTimestamp("confirmed_at") != null,
					rs.getLong("last_counter")))
			.optional();
	}

	private static String context(UserId user) {
		return "mfa-secret:" + user.value();
	}

	private static String hash(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The otpauth URI as a QR code, a PNG data URL an HTML page can show directly. */
	static String qrCode(String uri) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode the QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
