package com.whatsappflowhub.whatsapp.graph;

import java.util.List;

/** The parameters of one component of a template message. */
public sealed interface TemplateComponent {

	List<Parameter> parameters();

	record Header(List<Parameter> parameters) implements TemplateComponent {
		public Header {
			parameters = List.copyOf(parameters);
		}
	}

	record Body(List<Parameter> parameters) implements TemplateComponent {
		public Body {
			parameters = List.copyOf(parameters);
		}
	}

	/**
	 * A button's parameters.
	 *
	 * @param subType {@code quick_reply} (payload parameter) or {@code url} (text parameter)
	 * @param index the button's position, 0 to 9
	 */
	record Button(String subType, int index, List<Parameter> parameters) implements TemplateComponent {
		public Button {
			parameters = List.copyOf(parameters);
			if (index < 0 || index > 9) {
				throw new GraphFailure.InvalidOutboundMessage("a template button index is 0 to 9");
			}
		}
	}

	/** One parameter value. */
	sealed interface Parameter {
	}

	record Text(String text) implements Parameter {
	}

	/** The payload a quick-reply button returns. */
	record Payload(String payload) implements Parameter {
	}

	/**
	 * A media header parameter by link.
	 *
	 * @param kind {@code image}, {@code video} or {@code document}
	 */
	record Media(String kind, String link) implements Parameter {
	}
}
