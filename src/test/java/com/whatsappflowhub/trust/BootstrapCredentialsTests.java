package com.whatsappflowhub.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated bootstrap passwords are handed over in a file only its owner can read, not in the log. */
@IntegrationTest
class BootstrapCredentialsTests {

	@Autowired
	Api api;

	@Value("${flowhub.data-dir}")
	String dataDir;

	@Test
	void generatedPasswordsAreInAnOwnerOnlyFileInTheDataDirectory() throws Exception {
		Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("bootstrap-credentials.txt");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		List<String> lines = Files.readAllLines(file);
		String maria = lines.stream().filter(line -> line.startsWith("maria@demo.flowhub.local")).findFirst().orElseThrow();
		String password = maria.substring(maria.lastIndexOf(' ') + 1);
		assertThat(api.login("maria@demo.flowhub.local", password)).hasStatusOk();
		assertThat(lines).noneMatch(line -> line.contains(Api.SUPER_ADMIN_PASSWORD));
	}
}
