package com.whatsappflowhub.extraction;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the extraction module ({@code flowhub.extraction.*}): which engine runs, the tenant-wide
 * business conventions used to read vague times, and the optional LLM endpoint.
 */
@ConfigurationProperties("flowhub.extraction")
record ExtractionSettings(@DefaultValue("embedded") String engine, @DefaultValue Conventions conventions,
		@DefaultValue Llm llm) {

	record Conventions(@DefaultValue("17:00") LocalTime endOfDay, @DefaultValue("FRIDAY") DayOfWeek endOfWeek,
			@DefaultValue("09:00") LocalTime morningStart, @DefaultValue("12:00") LocalTime morningEnd,
			@DefaultValue("13:00") LocalTime afternoonStart, @DefaultValue("17:00") LocalTime afternoonEnd,
			@DefaultValue("18:00") LocalTime eveningStart, @DefaultValue("22:00") LocalTime eveningEnd,
			@DefaultValue("12:00") LocalTime lunchStart, @DefaultValue("14:00") LocalTime lunchEnd) {

		BusinessConventions toBusinessConventions() {
			return new BusinessConventions(endOfDay, endOfWeek, morningStart, morningEnd, afternoonStart,
					afternoonEnd, eveningStart, eveningEnd, lunchStart, lunchEnd);
		}
	}

	/** An OpenAI-compatible endpoint (OpenAI, Ollama, vLLM); unused while {@code engine} is {@code embedded}. */
	record Llm(@DefaultValue("http://localhost:11434/v1") String baseUrl, @DefaultValue("") String apiKey,
			@DefaultValue("llama3.1") String model, @DefaultValue("5s") Duration timeout,
			@DefaultValue("true") boolean redact) {
	}
}
