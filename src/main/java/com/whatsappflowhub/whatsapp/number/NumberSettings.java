package com.whatsappflowhub.whatsapp.number;

import java.time.Duration;

/**
 * The platform's own Meta app and the demo number.
 *
 * @param appSecret the platform app secret that signs webhook deliveries
 * @param verifyToken the platform's verify token for Meta's handshake
 * @param demoPhoneNumberId registered for the demo tenant when it is created
 * @param routingRefresh how long the routing map is trusted before it is read again
 */
public record NumberSettings(String appSecret, String verifyToken, String demoPhoneNumberId, Duration routingRefresh) {

	@Override
	public String toString() {
		return "NumberSettings[demoPhoneNumberId=" + demoPhoneNumberId + ", routingRefresh=" + routingRefresh + "]";
	}
}
