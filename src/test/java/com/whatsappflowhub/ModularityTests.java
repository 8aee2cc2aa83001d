package com.whatsappflowhub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(FlowHubApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	/**
	 * Diagrams and canvases only. Not {@code writeDocumentation()}: that also writes module metadata into
	 * {@code target/classes}, which the runtime then prefers to scanning, so a jar packaged after an older test run
	 * would skip the migrations of a module added since.
	 */
	@Test
	void writesDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
	}
}
