package com.whatsappflowhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.whatsappflowhub.integrations.slack.SharedSlackServer;
import com.whatsappflowhub.whatsapp.SharedGraphServer;

/**
 * A full application context on the shared embedded PostgreSQL, with MockMvc driving the real filter chains.
 * Every test class uses this one configuration so Spring's context cache starts the application once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ Api.class, ListenerProbe.class, MutableClock.class, ScriptedWork.class, SharedGraphServer.class,
		SharedSlackServer.class })
public @interface IntegrationTest {
}
