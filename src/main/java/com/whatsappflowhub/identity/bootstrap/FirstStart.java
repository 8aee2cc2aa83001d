package com.whatsappflowhub.identity.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.tenant.TenantManagement;
import com.whatsappflowhub.identity.tenant.TenantManagement.NewTenant;
import com.whatsappflowhub.identity.user.UserManagement;
import com.whatsappflowhub.identity.user.UserManagement.NewUser;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start (no tenant yet) creates the operators' {@code platform} tenant with the super admin,
 * and a {@code demo} tenant with its administrator and a small team. Generated passwords go to
 * {@code bootstrap-credentials.txt} (mode 0600) in the data directory, never to the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final BootstrapSettings settings;

	private final TenantManagement tenants;

	private final UserManagement users;

	private final TransactionTemplate transactions;

	private final SecureRandom random = new SecureRandom();

	/** Where the first start leaves the generated passwords, in the data directory. */
	static final String CREDENTIALS_FILE = "bootstrap-credentials.txt";

	private final Path dataDir;

	FirstStart(BootstrapSettings settings, TenantManagement tenants, UserManagement users,
			PlatformTransactionManager transactionManager,
			@org.springframework.beans.factory.annotation.Value("${flowhub.data-dir:./data}") String dataDir) {
		this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
		this.settings = settings;
		this.tenants = tenants;
		this.users = users;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	record Staff(String name, String email, String phone, Role role) {
	}

	static final List<Staff> DEMO_STAFF = List.of(
			new Staff("Maria Garcia", "maria@demo.flowhub.local", "+15550100001", Role.USER),
			new Staff("John Smith", "john@demo.flowhub.local", "+15550100002", Role.MANAGER),
			new Staff("Priya Patel", "priya@demo.flowhub.local", "+15550100003", Role.USER),
			new Staff("Ana Souza", "ana@demo.flowhub.local", "+15550100004", Role.VIEWER));

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.enabled() || tenants.anyExists()) {
			return;
		}
		List<String> credentials = new ArrayList<>();
		try {
			String adminPassword = password(settings.adminPassword(), credentials, settings.adminEmail());
			tenants.create(new NewTenant("WhatsAppFlowHub operators", "platform", "UTC", "en", true,
					new NewUser(settings.adminEmail(), "Platform administrator", null, adminPassword,
							EnumSet.of(Role.SUPER_ADMIN), null)));
			String demoPassword = password(settings.demoAdminPassword(), credentials, settings.demoAdminEmail());
			var demo = tenants.create(new NewTenant("Demo Company", "demo", settings.demoTimezone(), "en", false,
					new NewUser(settings.demoAdminEmail(), "Demo administrator", null, demoPassword,
							EnumSet.of(Role.TENANT_ADMIN), null)));
			TenantContext.runAs(demo.tenant().id(), () -> transactions.executeWithoutResult(status -> {
				TeamId operations = users.createTeam("Operations").id();
				for (Staff staff : DEMO_STAFF) {
					String staffPassword = password(null, credentials, staff.email());
					users.create(new NewUser(staff.email(), staff.name(), staff.phone(), staffPassword,
							Set.of(staff.role()), operations), EnumSet.allOf(Role.class));
				}
			}));
		}
		catch (Conflict anotherReplicaWasFirst) {
			log.info("Bootstrap data exists already (created by another instance)");
			return;
		}
		// never in the log (logs are shipped, kept and read by more people than the operator): a 0600 file instead
		StringBuilder text = new StringBuilder("# First start: bootstrap accounts. Sign in, change the passwords, delete this file.\n");
		credentials.forEach(line -> text.append(line).append('\n'));
		Path file = dataDir.resolve(CREDENTIALS_FILE);
		writeOwnerOnly(file, text.toString());
		log.warn("First start: created the bootstrap accounts ({}); their passwords are in {} (readable by its owner "
				+ "only: read it, change them, delete it)", credentials.size(), file);
	}

	static void writeOwnerOnly(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the bootstrap credentials to " + file, ex);
		}
	}

	private String password(@Nullable String given, List<String> credentials, String email) {
		if (given != null && !given.isBlank()) {
			credentials.add(email + "  (password as configured)");
			return given;
		}
		StringBuilder generated = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			generated.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		credentials.add(email + "  " + generated);
		return generated.toString();
	}
}
