package com.whatsappflowhub.platform.internal.crypto;

import java.nio.file.Path;

import com.whatsappflowhub.platform.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	Secrets secrets(@Value("${flowhub.master-key:}") String masterKey, @Value("${flowhub.data-dir}") Path dataDir) {
		return MasterKeySecrets.from(masterKey, dataDir);
	}
}
