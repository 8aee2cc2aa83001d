package com.whatsappflowhub.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;

import com.whatsappflowhub.audit.internal.ChainVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar whatsappflowhub.jar audit verify}: with the service's own settings (the embedded database of
 * {@code FLOWHUB_DATA_DIR}, or {@code SPRING_DATASOURCE_URL}), checks every audit chain as the platform role
 * ({@code FLOWHUB_DB_PLATFORM_USERNAME}). Exit status 0 when every chain is intact, 1 naming the first broken link,
 * 2 when it could not check. Starts no server and none of the service's components.
 */
public final class AuditVerifyCommand {

	private AuditVerifyCommand() {
	}

	@Configuration(proxyBeanMethods = false)
	static class SettingsOnly {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || !"verify".equals(args[0])) {
			err.println("usage: java -jar whatsappflowhub.jar audit verify");
			return 2;
		}
		SpringApplication application = new SpringApplication(SettingsOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(java.util.Arrays.copyOfRange(args, 1, args.length))) {
			Environment env = context.getEnvironment();
			String url = env.getRequiredProperty("spring.datasource.url");
			String user = env.getProperty("flowhub.db.platform-username", "");
			if (user.isBlank()) {
				err.println("FLOWHUB_DB_PLATFORM_USERNAME is not set: audit verify reads every tenant's chain as the platform role");
				return 2;
			}
			try (Connection connection = DriverManager.getConnection(url, user, env.getProperty("flowhub.db.platform-password", ""))) {
				return report(ChainVerifier.verify(connection), out, err);
			}
		}
		catch (Exception ex) {
			err.println("audit verify could not check the trail: " + ex.getMessage());
			return 2;
		}
	}

	static int report(ChainVerifier.Result result, PrintStream out, PrintStream err) {
		if (result.intact()) {
			out.println("audit verify: " + result.chains() + " chain(s), " + result.rows() + " row(s), intact");
			return 0;
		}
		err.println("audit verify: BROKEN " + result.brokenAt());
		return 1;
	}
}
