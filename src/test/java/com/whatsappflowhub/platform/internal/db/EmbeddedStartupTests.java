package com.whatsappflowhub.platform.internal.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;


import com.whatsappflowhub.FlowHubApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path: start on an empty data directory with nothing configured, serve, stop, start again on
 * the same directory and find everything still there.
 */
class EmbeddedStartupTests {

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void startsOnAFreshDataDirectoryAndKeepsItsDataAcrossARestart(@TempDir Path dataDir) throws Exception {
		String teamId;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			String base = base(first);
			assertThat(get(base + "/actuator/health/readiness", null).body()).contains("\"UP\"");
			String token = login(base);
			HttpResponse<String> team = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/teams"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Survives restarts\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(team.statusCode()).isEqualTo(201);
			teamId = team.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		}
		EmbeddedPostgresEnvironment.stop(dataDir);

		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
		assertThat(Files.getPosixFilePermissions(dataDir.resolve("master.key")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

		try (ConfigurableApplicationContext second = start(dataDir)) {
			String base = base(second);
			String token = login(base); // the same credentials: the bootstrap did not run again
			HttpResponse<String> team = get(base + "/api/v1/teams/" + teamId, token);
			assertThat(team.statusCode()).isEqualTo(200);
			assertThat(team.body()).contains("Survives restarts");
		}
		finally {
			EmbeddedPostgresEnvironment.stop(dataDir);
		}
	}

	private ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(FlowHubApplication.class).run("--flowhub.data-dir=" + dataDir,
				"--server.port=0", "--flowhub.bootstrap.admin-email=restart@flowhub.test",
				"--flowhub.bootstrap.admin-password=restart-test-password", "--spring.main.banner-mode=off",
				// outside --demo the service needs the webhook secrets
				"--flowhub.whatsapp.app-secret=restart-test-app-secret", "--flowhub.whatsapp.verify-token=restart-test-token");
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	private String login(String base) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"restart@flowhub.test\",\"password\":\"restart-test-password\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
	}

	private HttpResponse<String> get(String uri, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
