package com.whatsappflowhub.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One local Graph API server for the whole test JVM: the shared application context's
 * {@code flowhub.whatsapp.base-url} points at it (configuration, as in production), and each test that talks to Meta
 * stubs it afresh ({@code resetAll()} first). Stubs are per phone number id where a test needs its own answers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedGraphServer {

	private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

	public static synchronized WireMockServer server() {
		if (!SERVER.isRunning()) {
			SERVER.start();
			Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "graph-stand-in-stop"));
		}
		return SERVER;
	}

	@Bean
	DynamicPropertyRegistrar localGraphApiBaseUrl() {
		return registry -> registry.add("flowhub.whatsapp.base-url", () -> server().baseUrl());
	}
}
