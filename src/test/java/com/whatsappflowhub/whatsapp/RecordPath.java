package com.whatsappflowhub.whatsapp;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads a dotted path of accessors from a record (e.g. {@code content.media.mediaId}, {@code errors.0.code},
 * {@code items.size}) so fixture expectations can name fields without code per case.
 */
public final class RecordPath {

	private RecordPath() {
	}

	public static @Nullable Object read(Object root, String path) {
		Object current = root;
		for (String step : path.split("\\.")) {
			if (current == null) {
				return null;
			}
			if (current instanceof List<?> list) {
				current = "size".equals(step) ? Integer.valueOf(list.size()) : list.get(Integer.parseInt(step));
				continue;
			}
			try {
				current = current.getClass().getMethod(step).invoke(current);
			}
			catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
				throw new AssertionError("no accessor '" + step + "' of " + current.getClass().getSimpleName()
						+ " in path " + path, ex);
			}
		}
		return current;
	}
}
