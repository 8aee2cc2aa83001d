package com.whatsappflowhub.platform.internal.web;

import com.whatsappflowhub.platform.ApiDeprecation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class DeprecationHeadersTests {

	@ApiDeprecation(since = "2026-12-01", sunset = "2027-06-30", link = "https://whatsappflowhub.com/changes/v2")
	static class OldEndpoints {

		String list() {
			return "old";
		}
	}

	static class Endpoints {

		String list() {
			return "current";
		}
	}

	@Test
	void announcesTheDeprecationAndSunsetOfADeprecatedController() throws Exception {
		MockHttpServletResponse response = call(new HandlerMethod(new OldEndpoints(), OldEndpoints.class.getDeclaredMethod("list")));
		assertThat(response.getHeader("Deprecation")).isEqualTo("@1796083200");
		assertThat(response.getHeader("Sunset")).isEqualTo("Wed, 30 Jun 2027 00:00:00 GMT");
		assertThat(response.getHeader("Link")).isEqualTo("<https://whatsappflowhub.com/changes/v2>; rel=\"deprecation\"");
	}

	@Test
	void saysNothingForCurrentOperations() throws Exception {
		MockHttpServletResponse response = call(new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod("list")));
		assertThat(response.getHeaderNames()).isEmpty();
	}

	private static MockHttpServletResponse call(HandlerMethod handler) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new DeprecationHeaders().preHandle(new MockHttpServletRequest(), response, handler);
		return response;
	}
}
