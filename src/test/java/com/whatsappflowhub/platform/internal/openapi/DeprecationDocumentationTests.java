package com.whatsappflowhub.platform.internal.openapi;

import com.whatsappflowhub.platform.ApiDeprecation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class DeprecationDocumentationTests {

	static class Endpoints {

		@ApiDeprecation(since = "2026-12-01", sunset = "2027-06-30", link = "https://whatsappflowhub.com/changes/v2")
		String old() {
			return "old";
		}

		String current() {
			return "current";
		}
	}

	@Test
	void marksADeprecatedOperationWithItsDatesAndHeaders() throws NoSuchMethodException {
		Operation operation = new Operation().description("Lists things.")
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
		new DeprecationDocumentation().customize(operation, handler("old"));
		assertThat(operation.getDeprecated()).isTrue();
		assertThat(operation.getDescription()).startsWith("**Deprecated** since 2026-12-01; it may stop answering after 2027-06-30")
			.endsWith("Lists things.");
		assertThat(operation.getResponses().get("200").getHeaders()).containsKeys("Deprecation", "Sunset");
		assertThat(operation.getExtensions()).containsEntry("x-sunset", "2027-06-30");
	}

	@Test
	void leavesOtherOperationsAlone() throws NoSuchMethodException {
		Operation operation = new Operation();
		new DeprecationDocumentation().customize(operation, handler("current"));
		assertThat(operation.getDeprecated()).isNull();
	}

	private static HandlerMethod handler(String name) throws NoSuchMethodException {
		return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(name));
	}
}
