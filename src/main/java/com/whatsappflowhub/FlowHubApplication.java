package com.whatsappflowhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * WhatsAppFlowHub: turns WhatsApp business conversations into managed tasks.
 *
 * <p>{@code java -jar whatsappflowhub.jar} serves the API; {@code java -jar whatsappflowhub.jar evaluate ...}
 * runs the extraction engine offline (no server, no database); {@code ... audit verify} checks the audit trail.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FlowHubApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "evaluate".equals(args[0])) {
			System.exit(com.whatsappflowhub.extraction.EvaluateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "audit".equals(args[0])) {
			System.exit(com.whatsappflowhub.audit.AuditVerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
					System.out, System.err));
		}
		SpringApplication.run(FlowHubApplication.class, args);
	}
}
