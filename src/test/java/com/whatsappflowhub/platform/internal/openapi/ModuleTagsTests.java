package com.whatsappflowhub.platform.internal.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleTagsTests {

	static class UntaggedController {

		void list() {
		}
	}

	@Tag(name = "Tasks")
	static class TaggedController {

		void list() {
		}
	}

	@Test
	void listsAnUntaggedControllerUnderItsModule() throws NoSuchMethodException {
		Operation operation = new Operation().tags(List.of("untagged-controller"));
		new ModuleTags().customize(operation,
				new HandlerMethod(new UntaggedController(), UntaggedController.class.getDeclaredMethod("list")));
		assertThat(operation.getTags()).containsExactly("Platform");
	}

	@Test
	void keepsATagGivenOnTheController() throws NoSuchMethodException {
		Operation operation = new Operation().tags(List.of("Tasks"));
		new ModuleTags().customize(operation,
				new HandlerMethod(new TaggedController(), TaggedController.class.getDeclaredMethod("list")));
		assertThat(operation.getTags()).containsExactly("Tasks");
	}
}
