package com.whatsappflowhub.platform.internal.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.tags.Tags;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.ApplicationModule;
import org.springframework.web.method.HandlerMethod;

/**
 * A controller without {@code @Tag} is listed under its application module's display name ({@code Tasks},
 * {@code WhatsApp}...), never under springdoc's default of the class name ({@code task-controller}).
 */
class ModuleTags implements OperationCustomizer {

	private static final String BASE = basePackage();

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		Class<?> type = handler.getBeanType();
		if (tagged(handler.getMethod()) || tagged(type)) {
			return operation;
		}
		operation.setTags(List.of(moduleName(type)));
		return operation;
	}

	private static boolean tagged(java.lang.reflect.AnnotatedElement element) {
		return AnnotatedElementUtils.hasAnnotation(element, Tag.class) || AnnotatedElementUtils.hasAnnotation(element, Tags.class);
	}

	static String moduleName(Class<?> type) {
		String name = type.getPackageName();
		if (!name.startsWith(BASE + ".")) {
			return "Other";
		}
		String module = name.substring(BASE.length() + 1).split("\\.")[0];
		try {
			ApplicationModule annotation = Class.forName(BASE + "." + module + ".package-info", false, type.getClassLoader())
				.getAnnotation(ApplicationModule.class);
			if (annotation != null && !annotation.displayName().isEmpty()) {
				return annotation.displayName();
			}
		}
		catch (ClassNotFoundException noPackageInfo) {
			// fall through to the package name
		}
		return Character.toUpperCase(module.charAt(0)) + module.substring(1);
	}

	/** {@code com.whatsappflowhub}: this class lives in {@code <base>.platform.internal.openapi}. */
	private static String basePackage() {
		String name = ModuleTags.class.getPackageName();
		return name.substring(0, name.indexOf(".platform."));
	}
}
